/**
 * The undo history of one workflow as it is kept between sessions (IndexedDB table `history`, and the
 * localStorage journal written on unload). Each entry holds the workflow and the roles, because role edits
 * are undoable too. Rows are parsed with this schema when read: a damaged row, or one written in another
 * format, is ignored and never touches the workflow itself.
 */
import { z } from 'zod';
import { RoleSchema, WorkflowSchema } from '../../shared/model/schema';

/** Raised when the shape changes; rows of another format are ignored rather than converted. */
export const HISTORY_FORMAT = 1;

export const HistoryEntrySchema = z.object({
  workflow: WorkflowSchema,
  roles: z.array(RoleSchema),
});
export type HistoryEntry = z.infer<typeof HistoryEntrySchema>;

export const HistoryRowSchema = z
  .object({
    workflowId: z.string().min(1, 'workflowId must not be empty'),
    format: z.literal(HISTORY_FORMAT, { error: `format must be ${HISTORY_FORMAT}` }),
    savedAt: z.iso.datetime({ offset: true, error: 'savedAt must be an ISO 8601 date-time' }),
    /** What the document looked like when the history was saved; it must still look so to be restored. */
    present: z.object({
      updatedAt: z.iso.datetime({ offset: true, error: 'present.updatedAt must be an ISO 8601 date-time' }),
      roles: z.array(RoleSchema),
    }),
    /** Oldest first; the next undo is the last entry (zundo's `pastStates` order). */
    past: z.array(HistoryEntrySchema),
    /** Furthest first; the next redo is the last entry (zundo's `futureStates` order). */
    future: z.array(HistoryEntrySchema),
  })
  .refine((row) => [...row.past, ...row.future].every((e) => e.workflow.id === row.workflowId), {
    message: 'every entry must be a version of the row’s workflow',
  });
export type HistoryRow = z.infer<typeof HistoryRowSchema>;

export type ParsedHistoryRow = { ok: true; row: HistoryRow } | { ok: false; message: string };

/** Parses a stored row, naming the first problem (with its path) when it cannot be used. */
export function parseHistoryRow(value: unknown): ParsedHistoryRow {
  const parsed = HistoryRowSchema.safeParse(value);
  if (parsed.success) return { ok: true, row: parsed.data };
  const issue = parsed.error.issues[0];
  const path = issue?.path.length ? `${issue.path.join('.')}: ` : '';
  return { ok: false, message: `${path}${issue?.message ?? 'invalid history row'}` };
}
