/**
 * The reference pack: O*NET task statements with the "GPTs are GPTs" exposure labels, in a compact, versioned
 * layout. A pack is gzipped JSON; tasks are tuples rather than objects so 19,265 of them stay small. Every
 * pack carries its licence block, because the data may only be shown with its attribution.
 */
import { z } from 'zod';
import { EXPOSURE_LABELS, type ExposureLabel } from '../model/schema';

export const PACK_FORMAT = 'coarchitect.reference-pack';
export const PACK_VERSION = 1;
/** Larger packs (gzipped, or once unpacked) are refused before they are parsed. */
export const MAX_PACK_BYTES = 20 * 1024 * 1024;

/** Labels are stored as 0, 1, 2 (E0, E1, E2); -1 where the source has no label. */
export type PackLabel = -1 | 0 | 1 | 2;
/** O*NET task type: 0 core, 1 supplemental, -1 not given. */
export type PackTaskType = -1 | 0 | 1;

/** [O*NET Task ID, index into `occupations`, statement, human label, GPT-4 label, task type]. */
export type PackTask = [string, number, string, PackLabel, PackLabel, PackTaskType];

const isLabel = (v: unknown): v is PackLabel => v === -1 || v === 0 || v === 1 || v === 2;

/**
 * What is wrong with one task tuple, or null. Checked by hand rather than with a zod tuple per task: for
 * 19,265 tasks that is the difference between ~10 ms and ~150 ms of the pack's load.
 */
function taskProblem(t: unknown, occupations: number, previous: number): string | null {
  if (!Array.isArray(t) || t.length !== 6) return 'must be a list of 6 values';
  const [id, occ, statement, human, gpt, type] = t as unknown[];
  if (typeof id !== 'string' || id.length === 0 || id.length > 40)
    return 'task id must be 1 to 40 characters';
  if (typeof occ !== 'number' || !Number.isInteger(occ) || occ < 0) {
    return `task ${id}: occupation must be a whole number of at least 0`;
  }
  if (occ >= occupations) return `task ${id} points at occupation ${occ}, but the pack has ${occupations}`;
  if (occ < previous) {
    return `task ${id} is out of order: tasks must be grouped by occupation, in occupation order`;
  }
  if (typeof statement !== 'string' || statement.length === 0 || statement.length > 2_000) {
    return `task ${id}: statement must be 1 to 2,000 characters`;
  }
  if (!isLabel(human) || !isLabel(gpt)) return `task ${id}: labels must be -1, 0, 1 or 2`;
  if (type !== -1 && type !== 0 && type !== 1) return `task ${id}: task type must be -1, 0 or 1`;
  return null;
}

export const PackOccupationSchema = z.tuple([
  /** O*NET-SOC code, e.g. 43-4051.00. */
  z.string().min(1).max(20),
  /** Occupation title. */
  z.string().min(1).max(300),
]);

export const LicenceSourceSchema = z.object({
  name: z.string().min(1).max(300),
  licence: z.string().min(1).max(200),
  url: z.string().max(500),
  /** The credit the licence asks for, shown wherever the data is. */
  attribution: z.string().min(1).max(2_000),
});
export type LicenceSource = z.infer<typeof LicenceSourceSchema>;

export const LicenceNoticeSchema = z.object({
  name: z.string().min(1).max(300),
  licence: z.string().min(1).max(200),
  /** The full notice text the licence asks to keep with copies (the MIT notice). */
  text: z.string().min(1).max(20_000),
});
export type LicenceNotice = z.infer<typeof LicenceNoticeSchema>;

export const LicenceBlockSchema = z.object({
  sources: z.array(LicenceSourceSchema).min(1, 'must credit at least one source'),
  notices: z.array(LicenceNoticeSchema),
});
export type LicenceBlock = z.infer<typeof LicenceBlockSchema>;

export const ReferencePackSchema = z
  .object({
    format: z.literal(PACK_FORMAT),
    version: z.literal(PACK_VERSION),
    /** What the data is, e.g. "O*NET task statements with GPTs-are-GPTs exposure labels". */
    title: z.string().min(1).max(300),
    /** O*NET release the task ids belong to (ids were renamed in 30.3). */
    onetRelease: z.string().max(40),
    /** Where the labels come from (repository and commit). */
    labelSource: z.string().max(300),
    licence: LicenceBlockSchema,
    occupations: z.array(PackOccupationSchema).max(5_000),
    tasks: z.array(z.custom<PackTask>(() => true)).max(100_000, 'must hold at most 100,000 tasks'),
  })
  .superRefine((pack, ctx) => {
    const n = pack.occupations.length;
    let previous = 0;
    for (let i = 0; i < pack.tasks.length; i++) {
      const task: unknown = pack.tasks[i];
      const problem = taskProblem(task, n, previous);
      if (problem) {
        ctx.addIssue({ code: 'custom', path: ['tasks', i], message: problem });
        return;
      }
      previous = (task as PackTask)[1];
    }
  });
export type ReferencePack = z.infer<typeof ReferencePackSchema>;

export function labelOf(code: number): ExposureLabel | null {
  return code >= 0 && code < EXPOSURE_LABELS.length ? (EXPOSURE_LABELS[code] ?? null) : null;
}

export function codeOf(label: string): -1 | 0 | 1 | 2 {
  const i = (EXPOSURE_LABELS as readonly string[]).indexOf(label.trim());
  return i === 0 || i === 1 || i === 2 ? i : -1;
}
