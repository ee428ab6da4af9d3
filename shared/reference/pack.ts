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
const label = z.union([z.literal(-1), z.literal(0), z.literal(1), z.literal(2)]);
/** O*NET task type: 0 core, 1 supplemental, -1 not given. */
const taskType = z.union([z.literal(-1), z.literal(0), z.literal(1)]);

export const PackTaskSchema = z.tuple([
  /** O*NET Task ID. */
  z.string().min(1).max(40),
  /** Index into `occupations`. */
  z.number().int().min(0),
  /** The task statement. */
  z.string().min(1).max(2_000),
  /** Human exposure label. */
  label,
  /** GPT-4 exposure label. */
  label,
  taskType,
]);
export type PackTask = z.infer<typeof PackTaskSchema>;

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
    tasks: z.array(PackTaskSchema).max(100_000),
  })
  .superRefine((pack, ctx) => {
    const n = pack.occupations.length;
    let previous = 0;
    for (let i = 0; i < pack.tasks.length; i++) {
      const task = pack.tasks[i];
      if (!task) continue;
      const problem =
        task[1] >= n
          ? `task ${task[0]} points at occupation ${task[1]}, but the pack has ${n}`
          : task[1] < previous
            ? `task ${task[0]} is out of order: tasks must be grouped by occupation, in occupation order`
            : null;
      if (problem) {
        ctx.addIssue({ code: 'custom', path: ['tasks', i, 1], message: problem });
        return;
      }
      previous = task[1];
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
