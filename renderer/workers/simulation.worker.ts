/**
 * Runs workflow simulations (shared/simulation) off the UI thread, as a module Web Worker.
 *
 * Protocol (every message carries the run's id):
 *   in:  { type: 'run', id, workflow, roles, options, part? }   { type: 'cancel', id }
 *   out: { type: 'progress', id, done, total }            { type: 'result', id, result }
 *        { type: 'part', id, part } (for a run with `part`: its replications' figures)
 *        { type: 'error', id, message }
 *
 * Incoming messages are parsed with the model's zod schemas before anything runs. A run advances in slices of
 * about SLICE_MS and yields to the event loop between them, so that a 'cancel' message is seen within one
 * slice; the run then answers with a result `{ ok: false, cancelled: true }`.
 */
import { z } from 'zod';
import { RoleSchema, WorkflowSchema } from '../../shared/model/schema';
import { WhatIfSchema } from '../../shared/whatIf/whatIf';
import { createSimulation, createSimulationPart, CHUNK_EVENTS } from '../../shared/simulation/index';
import type {
  SimulationPart,
  SimulationPartRun,
  SimulationResult,
  SimulationRun,
  SimulationSettings,
} from '../../shared/simulation/index';

const SLICE_MS = 40;

const finiteNumber = z.number().finite();

/** The run's settings and its what-if (whose bounds the simulation checks, with the analysis's messages). */
export const SimulationSettingsSchema = WhatIfSchema.extend({
  weeks: finiteNumber.positive(),
  replications: z.number().int().min(1).max(10_000),
  seed: finiteNumber,
  warmupWeeks: finiteNumber.min(0).optional(),
  maxEvents: z.number().int().min(1).optional(),
  serviceDistribution: z.enum(['pert', 'exponential']).optional(),
});

const RunMessageSchema = z.object({
  type: z.literal('run'),
  id: z.string().min(1),
  workflow: WorkflowSchema,
  roles: z.array(RoleSchema),
  options: SimulationSettingsSchema,
  /** Only these replications (one worker's share of a run on several cores); the answer is a 'part'. */
  part: z
    .object({ from: z.number().int().min(0), to: z.number().int().min(1) })
    .refine((p) => p.from < p.to, 'from must be less than to')
    .optional(),
});
const CancelMessageSchema = z.object({ type: z.literal('cancel'), id: z.string().min(1) });
const IncomingSchema = z.discriminatedUnion('type', [RunMessageSchema, CancelMessageSchema]);

export type SimulationRunMessage = z.input<typeof RunMessageSchema>;
export type SimulationCancelMessage = z.infer<typeof CancelMessageSchema>;
export type SimulationWorkerRequest = SimulationRunMessage | SimulationCancelMessage;
export type SimulationWorkerResponse =
  | { type: 'progress'; id: string; done: number; total: number }
  | { type: 'result'; id: string; result: SimulationResult }
  | { type: 'part'; id: string; part: SimulationPart }
  | { type: 'error'; id: string; message: string };

/** The part of the dedicated worker scope we use (the renderer is type-checked with the DOM library). */
interface WorkerScope {
  postMessage(message: SimulationWorkerResponse): void;
  addEventListener(type: 'message', listener: (event: MessageEvent<unknown>) => void): void;
}

const scope = self as unknown as WorkerScope;
const cancelled = new Set<string>();
const running = new Set<string>();

const post = (message: SimulationWorkerResponse) => scope.postMessage(message);

/**
 * Yields to the event loop so that queued messages (a cancel) are handled. A MessageChannel round trip is
 * used rather than setTimeout(0), which browsers clamp to 4 ms once nested.
 */
const waiting: (() => void)[] = [];
const channel = typeof MessageChannel === 'function' ? new MessageChannel() : null;
if (channel) channel.port1.onmessage = () => waiting.shift()?.();
const nextTask = () =>
  new Promise<void>((resolve) => {
    if (!channel) {
      setTimeout(resolve, 0);
      return;
    }
    waiting.push(resolve);
    channel.port2.postMessage(null);
  });

function describe(error: z.ZodError): string {
  const first = error.issues[0];
  if (!first) return 'Invalid message.';
  const where = first.path.length > 0 ? ` at ${first.path.join('.')}` : '';
  return `Invalid simulation request${where}: ${first.message}`;
}

async function execute(id: string, start: () => SimulationRun | SimulationPartRun): Promise<void> {
  running.add(id);
  try {
    const run = start();
    let reported = -Infinity;
    let replications = -1;
    for (;;) {
      const sliceStart = performance.now();
      let finished = false;
      do {
        if (cancelled.has(id)) run.cancel();
        finished = run.advance(CHUNK_EVENTS);
      } while (!finished && performance.now() - sliceStart < SLICE_MS);
      if (finished) break;
      if (run.done - reported >= run.total / 100 || run.replicationsEnded !== replications) {
        reported = run.done;
        replications = run.replicationsEnded;
        post({ type: 'progress', id, done: run.done, total: run.total });
      }
      await nextTask();
    }
    const figures = 'figures' in run ? run.figures() : null;
    if (figures) {
      post({ type: 'progress', id, done: run.total, total: run.total });
      post({ type: 'part', id, part: figures });
      return;
    }
    const result = run.result();
    if (result.ok) post({ type: 'progress', id, done: run.total, total: run.total });
    post({ type: 'result', id, result });
  } catch (error) {
    post({ type: 'error', id, message: error instanceof Error ? error.message : String(error) });
  } finally {
    running.delete(id);
    cancelled.delete(id);
  }
}

scope.addEventListener('message', (event) => {
  const parsed = IncomingSchema.safeParse(event.data);
  if (!parsed.success) {
    const data = event.data as { id?: unknown } | null;
    const id = data && typeof data.id === 'string' ? data.id : '';
    post({ type: 'error', id, message: describe(parsed.error) });
    return;
  }
  const message = parsed.data;
  if (message.type === 'cancel') {
    if (running.has(message.id)) cancelled.add(message.id);
    return;
  }
  if (running.has(message.id)) {
    post({
      type: 'error',
      id: message.id,
      message: `A simulation with id '${message.id}' is already running.`,
    });
    return;
  }
  const settings: SimulationSettings = message.options;
  const part = message.part;
  void execute(message.id, () =>
    part
      ? createSimulationPart(message.workflow, message.roles, settings, part)
      : createSimulation(message.workflow, message.roles, settings),
  );
});
