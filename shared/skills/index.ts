/** The CHRO lens, computation half: skill demand, gap, reskilling hours, learning sources and the plan. */
export * from './types';
export { computeSkillDemand } from './demand';
export { computeSkillGaps } from './gap';
export {
  DEFAULT_HOURS_PER_LEVEL,
  FALLBACK_HOURS_PER_LEVEL,
  HOURS_PER_LEVEL_CATEGORIES,
  hoursPerLevelFor,
  hoursPerLevelTable,
} from './hoursPerLevel';
export { computeLearningSources } from './learningSources';
export { learnedHours, planStatusFor, weeksToClose } from './weeksToClose';
export { computeSkillsLens } from './lens';
export {
  closedBy,
  gapProgress,
  levelAt,
  MAX_PENALISED_REJECTION,
  penalisedRejection,
  stepPenalties,
} from './penalty';
export type { GapProgress } from './penalty';
export { skillInfo } from './skillInfo';
export { validateSkills } from './validate';
