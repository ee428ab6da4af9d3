/**
 * Upgrades of stored and exported workflow objects from older model versions, shared by the file format's
 * migrations and the database's. They work on untyped JSON (the old shape) and only add what is missing.
 */

type Json = Record<string, unknown>;

const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Model version 2: explicit AI cost, AI concurrency and learning curve on tasks; feedback loop on reviews. */
export function addVersion2StepFields(workflow: unknown): void {
  if (!isObject(workflow) || !Array.isArray(workflow.steps)) return;
  for (const step of workflow.steps) {
    if (!isObject(step)) continue;
    if (step.type === 'task') {
      step.aiCostPerRun ??= 0;
      step.aiConcurrency ??= null;
      step.learningCurve ??= null;
    } else if (step.type === 'review') {
      step.feedbackLoop ??= null;
    }
  }
}
