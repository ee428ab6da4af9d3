/**
 * The analytic engine's options and results (see analyze.ts for the model and units). Results are plain
 * data, so they can be posted from a Web Worker and written as JSON.
 */
import type { SolvedVisits } from './visits';
import type { ChainError } from './chain';
import type { Explanations } from './explanationKeys';
import type { StepType, TaskMode, WorkflowKind } from '../model/schema';
import type { WhatIf } from '../whatIf/whatIf';

/** A what-if (applied once, at the entry: shared/whatIf) and what the engine itself takes. */
export interface AnalysisOptions extends WhatIf {
  /**
   * Hours per week by role id that the role spends learning outside the cases (coaching, pairing, retros,
   * courses; see shared/skills). They come out of the role's capacity: utilization = (load + learning) /
   * capacity, and the queue works with the hours that are left.
   */
  learningHoursPerWeek?: Readonly<Record<string, number>>;
  /**
   * Which explanation texts to build: 'all' (default) explains every figure including each step's;
   * 'summary' only the workflow's and the roles' figures; 'none' none. Explaining every step of a
   * 10,000-step workflow takes tens of milliseconds (tens of thousands of strings), so live what-if
   * recalculation of very large workflows should ask for 'summary' or 'none'.
   */
  explain?: ExplainLevel;
}

export type ExplainLevel = 'all' | 'summary' | 'none';

export interface WorkflowRef {
  id: string;
  name: string;
  kind: WorkflowKind;
  redesignOfId: string | null;
}

export interface StepAnalysis {
  id: string;
  name: string;
  type: StepType;
  /** Task mode; reviews are done by people ('human'); null for start, end, decision and parallel steps. */
  mode: TaskMode | null;
  /** The role doing the step, null if none (or if the step names a role that is not in the workspace). */
  roleId: string | null;
  /** Expected visits per case. */
  visits: number;
  /** PERT mean processing time per visit, minutes. */
  meanMinutes: number;
  /** PERT standard deviation per visit, minutes. */
  sdMinutes: number;
  /** Person-hours per week: volume × visits × mean / 60; 0 for AI-automated steps. */
  hoursPerWeek: number;
  /** AI-automated steps: runs per week, volume × visits; null for other steps. */
  aiRunsPerWeek: number | null;
  /** Mean wait in line before each visit, minutes; null when the queue is unstable or no role does it. */
  waitMinutes: number | null;
  /**
   * Cost per case: people (visits × mean / 60 × the role's cost per hour; AI-automated steps none) plus AI
   * (aiCostPerCase).
   */
  costPerCase: number;
  /** The AI part of costPerCase: visits × AI cost per run, for AI-automated and AI-assisted tasks; else 0. */
  aiCostPerCase: number;
}

export interface RoleAnalysis {
  id: string;
  name: string;
  /** Headcount used (the what-if value if one was given). */
  headcount: number;
  hoursPerPersonPerWeek: number;
  costPerHour: number;
  /** Visits per case to the role's steps (arrivals at its queue per case). */
  visitsPerCase: number;
  /** Person-minutes of work per case. */
  loadMinutesPerCase: number;
  /** volume × loadMinutesPerCase / 60 (the flow's work, without learning time). */
  loadHoursPerWeek: number;
  /** Learning time taken from the role's capacity (AnalysisOptions.learningHoursPerWeek); usually 0. */
  learningHoursPerWeek: number;
  /** headcount × hoursPerPersonPerWeek. */
  capacityHoursPerWeek: number;
  /** (load + learning) / capacity; null when there is work but no capacity (headcount or hours 0). */
  utilization: number | null;
  /** Servers in the queue model: ⌊headcount⌋, at least 1 when headcount > 0. */
  servers: number;
  /** Mean of the role's work mix per visit, minutes. */
  meanServiceMinutes: number;
  /** Squared coefficient of variation of the role's work mix. */
  serviceScv: number;
  /** Erlang C probability that work has to wait; null when unstable. */
  probabilityOfWaiting: number | null;
  /** Mean wait in line per visit, minutes of working time; null when unstable. */
  waitMinutes: number | null;
  /** Utilization below 100% (a role without work is stable). */
  stable: boolean;
}

export interface Bottleneck {
  roleId: string;
  utilization: number | null;
}

export interface Overload {
  roleId: string;
  utilization: number | null;
  /** load − capacity, hours per week. */
  excessHoursPerWeek: number;
  /** The volume the current headcount can carry: maxVolumePerWeek. */
  volumeThatFits: number;
  /** ⌈load / hours per person per week⌉; null if the role works 0 hours a week. */
  headcountNeeded: number | null;
}

export interface WorkflowAnalysis {
  ok: true;
  workflow: WorkflowRef;
  volumePerWeek: number;
  steps: StepAnalysis[];
  /** The roles that do steps of this workflow, in the order of the roles given. */
  roles: RoleAnalysis[];
  /** The role with the highest utilization among roles with work; null if nobody works. */
  bottleneck: Bottleneck | null;
  /** Volume at which the bottleneck reaches 100%; null if nobody works. */
  maxVolumePerWeek: number | null;
  /** Set when the bottleneck is over 100%. */
  overload: Overload | null;
  /**
   * Along the longest path of a case: steps one after another add up, a parallel block takes as long as its
   * slowest branch. `total` = processing + waiting; `processing` and `waiting` are the two parts of that path
   * (of the path that is longest by processing alone when waiting is unbounded).
   */
  cycleTimeMinutes: { processing: number; waiting: number | null; total: number | null };
  costPerCase: { people: number; ai: number; total: number };
  /** Every queue (role, AI pool) is below 100%. */
  stable: boolean;
  /** Things the analysis had to assume (steps without role, ignored what-if keys). */
  warnings: string[];
  /** Figure key (e.g. `roles.<id>.utilization`, explanationKeys.ts) → how it was computed, with the numbers. */
  explanations: Explanations;
}

export interface AnalysisError {
  /** 'pending': only in the app, while a large workflow is analysed in the background (renderer/analysis). */
  code: ChainError['code'] | 'invalid-option' | 'out-of-range' | 'pending';
  message: string;
  stepIds: string[];
}

export interface AnalysisFailure {
  ok: false;
  workflow: WorkflowRef;
  error: AnalysisError;
}

export type AnalysisResult = WorkflowAnalysis | AnalysisFailure;

/** What the engine takes besides the workflow and roles: never a what-if (it is applied before). */
export type FlowAnalysisOptions = Pick<AnalysisOptions, 'learningHoursPerWeek' | 'explain'> & {
  /**
   * The visits of exactly this workflow, already solved (the learning projection re-solves them week by
   * week on the same graph instead of compiling it again); computed here when absent.
   */
  visits?: SolvedVisits;
};
