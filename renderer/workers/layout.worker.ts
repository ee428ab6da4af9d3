/**
 * Runs the elkjs auto-layout (shared/layout/autoLayout.ts) off the UI thread: laying out thousands of steps
 * takes seconds, and the canvas must stay responsive meanwhile.
 *
 * Protocol:  in  { id, workflow, roles, options: { direction, lanes, sizes: [id, {width, height}][] } }
 *            out { id, ok: true, positions: [id, {x, y}][] } | { id, ok: false, message }
 * Incoming messages are parsed with the model's schemas before anything runs.
 */
import { z } from 'zod';
import { RoleSchema, WorkflowSchema } from '../../shared/model/schema';
import { autoLayout } from '../../shared/layout/autoLayout';
import type { Position } from '../../shared/model/schema';

const SizeSchema = z.object({ width: z.number().positive(), height: z.number().positive() });

export const LayoutRequestSchema = z.object({
  id: z.string().min(1),
  workflow: WorkflowSchema,
  roles: z.array(RoleSchema),
  options: z.object({
    direction: z.enum(['LR', 'TB']),
    lanes: z.boolean(),
    sizes: z.array(z.tuple([z.string(), SizeSchema])),
  }),
});
export type LayoutRequest = z.infer<typeof LayoutRequestSchema>;
export type LayoutResponse =
  { id: string; ok: true; positions: [string, Position][] } | { id: string; ok: false; message: string };

self.onmessage = async (event: MessageEvent<unknown>) => {
  const parsed = LayoutRequestSchema.safeParse(event.data);
  const id = parsed.success ? parsed.data.id : '';
  const reply = (response: LayoutResponse) => self.postMessage(response);
  if (!parsed.success) {
    reply({ id, ok: false, message: `Bad layout request: ${parsed.error.issues[0]?.message ?? 'invalid'}` });
    return;
  }
  const { workflow, roles, options } = parsed.data;
  try {
    const positions = await autoLayout(workflow, roles, {
      direction: options.direction,
      lanes: options.lanes,
      sizes: new Map(options.sizes),
    });
    reply({ id, ok: true, positions: [...positions] });
  } catch (error) {
    reply({ id, ok: false, message: error instanceof Error ? error.message : String(error) });
  }
};
