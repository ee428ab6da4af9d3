/** Limits of a simulation run: the backlog cap, the histogram, the cycle-time sample, the slice size. */
/**
 * A replication stops when this many cases are in the workflow at once (a queue that grows without limit);
 * a case inside a parallel block counts once per branch still running.
 */
export const MAX_CASES_IN_SYSTEM = 2_000_000;
export const HISTOGRAM_BINS = 40;
/** Cycle times kept per replication for its quantiles; beyond it, a uniform sample of this many (8 MB). */
export const CYCLE_SAMPLE_LIMIT = 1 << 20;
/** Events between two polls of shouldCancel (and progress checks) in simulateWorkflow. */
export const CHUNK_EVENTS = 16_384;
