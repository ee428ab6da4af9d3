/**
 * The manifest a redacted export carries: which level it was made at and what was taken out, so whoever
 * receives the file knows which figures are missing on purpose. An optional block of the document: readers
 * that predate it ignore it (unknown keys are dropped), so it needs no new format version.
 */
import { z } from 'zod';

/** "outside-hr": no personal data and no pay; "public": also no role names and no notes. */
export const REDACTION_LEVELS = ['outside-hr', 'public'] as const;
export type RedactedLevel = (typeof REDACTION_LEVELS)[number];

/** The model fields a redaction can take out, as `Type.field`. */
export const REDACTED_FIELDS = [
  'Role.people',
  'Person.levels',
  'Person.mentions',
  'Step.owner',
  'Role.costPerHour',
  'Role.name',
  'Workflow.description',
  'Step.description',
  'Step.notes',
  'LearningPlanItem.notes',
  'Skill.description',
] as const;
export type RedactedField = (typeof REDACTED_FIELDS)[number];

export const RedactionEntrySchema = z.strictObject({
  field: z.enum(REDACTED_FIELDS),
  /** How many values were removed or replaced. */
  count: z.number().int('must be a whole number').min(0).max(1e9),
  /** What happened to them, in words. */
  description: z.string().max(500, 'must be at most 500 characters'),
});
export type RedactionEntry = z.infer<typeof RedactionEntrySchema>;

export const RedactionManifestSchema = z
  .strictObject({
    level: z.enum(REDACTION_LEVELS),
    removed: z.array(RedactionEntrySchema).max(REDACTED_FIELDS.length),
  })
  .meta({
    description:
      'Present only in a redacted export: the level it was made at and what was removed. Costs per hour of roles marked costRedacted are 0 only to keep the file valid.',
  });
export type RedactionManifest = z.infer<typeof RedactionManifestSchema>;
