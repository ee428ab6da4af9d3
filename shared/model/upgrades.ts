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

/**
 * Model version 3 (the CHRO lens): workflows gain a learning plan and its assumptions, work steps a coaching
 * flag, tasks a link to an O*NET task. Written out explicitly, as for version 2.
 */
export function addVersion3WorkflowFields(workflow: unknown): void {
  if (!isObject(workflow)) return;
  workflow.learningPlan ??= [];
  workflow.learningAssumptions ??= {
    feedbackMinutesPerRejection: 3,
    penaltyPerMissingLevel: 0.15,
    hoursPerLevelByCategory: {},
  };
  if (!Array.isArray(workflow.steps)) return;
  for (const step of workflow.steps) {
    if (!isObject(step)) continue;
    if (step.type === 'task' || step.type === 'review') step.coaching ??= null;
    if (step.type === 'task') step.onetTask ??= null;
  }
}

/** Model version 3: roles gain current skill levels and people. */
export function addVersion3RoleFields(role: unknown): void {
  if (!isObject(role)) return;
  role.skillLevels ??= [];
  role.people ??= [];
}

/** Model version 3: skills gain external references and an hours-per-level override. */
export function addVersion3SkillFields(skill: unknown): void {
  if (!isObject(skill)) return;
  skill.externalRefs ??= [];
  skill.hoursPerLevel ??= null;
}

/**
 * Model version 5 (governance lint): task and review steps gain who receives their output, the data they
 * handle and their accountable owner, at the defaults an older file cannot contradict.
 */
export function addVersion5StepFields(workflow: unknown): void {
  if (!isObject(workflow) || !Array.isArray(workflow.steps)) return;
  for (const step of workflow.steps) {
    if (!isObject(step) || (step.type !== 'task' && step.type !== 'review')) continue;
    step.audience ??= 'internal';
    step.data ??= 'none';
    step.owner ??= '';
  }
}
