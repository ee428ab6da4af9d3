/** The analytic engine: expected visits, PERT times, queues, per-workflow analysis, comparison and reports. */
export { buildChain, transitionsOf, TRANSITION_KINDS } from './chain';
export type {
  ChainError,
  ChainErrorCode,
  ChainResult,
  MarkovChain,
  Transition,
  TransitionKind,
} from './chain';
export { computeVisits, componentsInTopologicalOrder, DENSE_LIMIT, solveVisits, visitsById } from './visits';
export type { VisitsResult } from './visits';
export { solveDense, solveSparse } from './linear';
export type { SparseRow } from './linear';
export { pert, ZERO_ESTIMATE } from './pert';
export type { PertEstimate } from './pert';
export {
  allenCunneenWait,
  erlangC,
  MINUTES_PER_WEEK,
  mixServiceTimes,
  mmcWait,
  poolQueue,
  serversFor,
} from './queueing';
export type { PoolInput, PoolQueue, ServiceMix } from './queueing';
export { analyzeFlow, analyzeWorkflow } from './analyze';
export type {
  AnalysisError,
  AnalysisFailure,
  AnalysisOptions,
  FlowAnalysisOptions,
  AnalysisResult,
  Bottleneck,
  ExplainLevel,
  Overload,
  RoleAnalysis,
  StepAnalysis,
  WorkflowAnalysis,
  WorkflowRef,
} from './analyze';
export { findParallelBlocks, longestPath } from '../flow/parallel';
export type {
  BlockTiming,
  BranchTiming,
  LongestPath,
  ParallelBlock,
  ParallelBlocksResult,
  ParallelOptions,
  PathTime,
} from '../flow/parallel';
export { feedbackRate, learningFactor, MAX_PROJECTION_WEEKS, projectLearning } from './learning';
export type {
  LearningProjection,
  LearningProjectionOptions,
  ProjectionFailure,
  ProjectionOptions,
  ProjectionResult,
  WeekPoint,
} from './learning';
export { compareAnalyses, delta } from './compare';
export type { Delta, HoursFreed, RoleUtilizationDelta, WorkflowComparison } from './compare';
export {
  formatComparisonText,
  formatFailure,
  formatTextReport,
  REPORT_VERSION,
  roundDeep,
  toComparisonReport,
  toReport,
} from './report';
export type { AnalysisReport } from './report';
export {
  formatInteger,
  formatMinutes,
  formatMoney,
  formatNumber,
  formatPercent,
  REPORT_DECIMALS,
  round,
  roundOrNull,
} from './numbers';
export { runCli, USAGE } from './cli';
export type { CliResult } from './cli';
