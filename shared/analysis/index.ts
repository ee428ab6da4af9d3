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
export { findParallelBlocks } from '../flow/parallel';
export type { ParallelBlock, ParallelBlocksResult, ParallelOptions } from '../flow/parallel';
export { longestPath } from '../flow/longestPath';
export type { BlockTiming, BranchTiming, LongestPath, PathTime } from '../flow/longestPath';
export { compileFlow, SUCCESSOR_KINDS } from '../flow/graph';
export type { FlowGraph, FlowResult, SuccessorKind } from '../flow/graph';
export { FLOW_REFUSAL_CODES } from '../flow/refusals';
export type { FlowRefusal, FlowRefusalCode } from '../flow/refusals';
export { applyWhatIf, caseVolume, WhatIfSchema } from '../whatIf/whatIf';
export type { WhatIf, WhatIfResult } from '../whatIf/whatIf';
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
