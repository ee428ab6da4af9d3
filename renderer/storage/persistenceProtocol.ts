/**
 * The messages between the UI thread and the persistence worker, and how workflows and undo histories are
 * put on the wire: steps and connections go as shared objects (sharedObjects.ts), the rest as it is.
 */
import { z } from 'zod';
import type { Edge, Step, Workflow } from '../../shared/model/schema';
import type { HistoryEntry, HistoryRow } from './historyRow';
import type { ObjectReceiver, ObjectSender, SlotMessage, WireItem } from './sharedObjects';

export type WireWorkflow = Omit<Workflow, 'steps' | 'edges'> & {
  steps: WireItem<Step>[];
  edges: WireItem<Edge>[];
};
type WireHistoryEntry = Omit<HistoryEntry, 'workflow'> & { workflow: WireWorkflow };
export type WireHistoryRow = Omit<HistoryRow, 'past' | 'future'> & {
  past: WireHistoryEntry[];
  future: WireHistoryEntry[];
};

export type PersistenceRequest =
  | { id: number; type: 'open'; databaseName: string }
  /** baseRevisions[i]: the stored revision workflows[i] is based on; null: write whatever is stored. */
  | { id: number; type: 'save-workflows'; workflows: WireWorkflow[]; baseRevisions: number[] | null }
  | { id: number; type: 'save-history'; row: WireHistoryRow }
  | { id: number; type: 'release'; slots: string[] }
  /** Objects sent ahead of the first save, a few hundred per message, while the page is idle. */
  | { id: number; type: 'prime'; slot: string; items: WireItem<object>[] };

/** Any failure ends the worker's use: the UI thread writes that request, and all later ones, itself. */
export type PersistenceReply =
  { id: number; ok: true; result?: unknown } | { id: number; ok: false; message: string };

/** The envelope of a request, checked in the worker before anything is decoded or written. */
export const RequestEnvelopeSchema = z.object({
  id: z.number().int(),
  type: z.enum(['open', 'save-workflows', 'save-history', 'release', 'prime']),
});
export const ReplySchema = z.union([
  z.object({ id: z.number().int(), ok: z.literal(true), result: z.unknown().optional() }),
  z.object({ id: z.number().int(), ok: z.literal(false), message: z.string() }),
]);

/** The answer to a save (repository.SaveOutcome); the workflows in conflicts were parsed by the worker. */
export const SaveOutcomeSchema = z.object({
  saved: z.array(z.object({ id: z.string(), revision: z.number().int().positive() })),
  conflicts: z.array(
    z.object({
      id: z.string(),
      theirs: z.custom<Workflow>((v) => typeof v === 'object' && v !== null),
      revision: z.number().int(),
    }),
  ),
});

export const workflowSlot = (id: string) => `workflow:${id}`;
export const historySlot = (workflowId: string) => `history:${workflowId}`;
export const primeSlot = (workflowId: string, part: number) => `prime:${workflowId}:${part}`;

function encodeWorkflow(sender: ObjectSender, message: SlotMessage, workflow: Workflow): WireWorkflow {
  return {
    ...workflow,
    steps: sender.encode(message, workflow.steps),
    edges: sender.encode(message, workflow.edges),
  };
}

function decodeWorkflow(receiver: ObjectReceiver, message: SlotMessage, wire: WireWorkflow): Workflow {
  return {
    ...wire,
    steps: receiver.decode(message, wire.steps),
    edges: receiver.decode(message, wire.edges),
  };
}

/** Encodes workflows, each into its own slot. */
export function sendWorkflows(sender: ObjectSender, workflows: readonly Workflow[]): WireWorkflow[] {
  return workflows.map((workflow) => {
    const message = sender.message(workflowSlot(workflow.id));
    const wire = encodeWorkflow(sender, message, workflow);
    sender.commit(message);
    return wire;
  });
}

export function receiveWorkflows(receiver: ObjectReceiver, wires: readonly WireWorkflow[]): Workflow[] {
  return wires.map((wire) => {
    const message = receiver.message(workflowSlot(wire.id));
    const workflow = decodeWorkflow(receiver, message, wire);
    receiver.commit(message);
    return workflow;
  });
}

export function sendHistory(sender: ObjectSender, row: HistoryRow): WireHistoryRow {
  const message = sender.message(historySlot(row.workflowId));
  const entries = (list: readonly HistoryEntry[]) =>
    list.map((entry) => ({ ...entry, workflow: encodeWorkflow(sender, message, entry.workflow) }));
  const wire = { ...row, past: entries(row.past), future: entries(row.future) };
  sender.commit(message);
  return wire;
}

export function receiveHistory(receiver: ObjectReceiver, wire: WireHistoryRow): HistoryRow {
  const message = receiver.message(historySlot(wire.workflowId));
  const entries = (list: readonly WireHistoryEntry[]) =>
    list.map((entry) => ({ ...entry, workflow: decodeWorkflow(receiver, message, entry.workflow) }));
  const row = { ...wire, past: entries(wire.past), future: entries(wire.future) };
  receiver.commit(message);
  return row;
}
