/**
 * Copy, cut, paste and duplicate of steps, as pure edits. What travels (on the system clipboard, or between
 * workflows) is a fragment: the chosen steps and the connections among them, tagged with a format name and
 * version so that a paste can tell a Coarchitect fragment from any other text.
 *
 * Decisions, documented once here:
 * - Start steps are never copied: a workflow has exactly one start, so a pasted start would always be an
 *   error. The copy says how many it left out (`skipped`) so the caller can tell the user. End steps are
 *   copied, since a workflow may have several ends ("Resolved", "Rejected").
 * - Only connections with both ends among the copied steps travel; connections to the rest of the
 *   workflow would dangle in the target.
 * - A paste gives every step and connection a fresh id, so pasting the same fragment twice, or into the
 *   workflow it came from, never collides. Names stay as they were (no "(copy)" suffix): the pasted steps
 *   usually replace or extend the originals, and ids already tell them apart.
 * - Roles and skills are workspace-wide, so `roleId` and `skills` stay as they are.
 */
import { z } from 'zod';
import { describeIssue } from '../format/importer';
import { newId } from './ids';
import { removeElements, nowIso } from './operations';
import { EdgeSchema, StepSchema } from './schema';
import type { Edge, Position, Step, Workflow } from './schema';

export const FRAGMENT_FORMAT = 'coarchitect.fragment';
export const FRAGMENT_VERSION = 1;

/** Clipboard text longer than this is refused before parsing (thousands of steps fit in a few MB). */
export const MAX_FRAGMENT_CHARS = 20 * 1024 * 1024;

export const ClipboardFragmentSchema = z
  .object({
    format: z.literal(FRAGMENT_FORMAT),
    version: z.literal(FRAGMENT_VERSION),
    /** The workflow the steps were copied from; informational (step ids are local to a workflow). */
    sourceWorkflowId: z.string().min(1, 'must not be empty'),
    steps: z.array(StepSchema),
    edges: z.array(EdgeSchema),
  })
  .superRefine((fragment, ctx) => {
    const stepIds = new Set<string>();
    fragment.steps.forEach((step, i) => {
      if (step.type === 'start') {
        ctx.addIssue({
          code: 'custom',
          path: ['steps', i],
          message: 'a fragment cannot hold a start step (a workflow has exactly one)',
        });
      }
      if (stepIds.has(step.id)) {
        ctx.addIssue({ code: 'custom', path: ['steps', i, 'id'], message: `id '${step.id}' is used twice` });
      }
      stepIds.add(step.id);
    });
    fragment.edges.forEach((edge, i) => {
      for (const end of ['source', 'target'] as const) {
        if (!stepIds.has(edge[end])) {
          ctx.addIssue({
            code: 'custom',
            path: ['edges', i, end],
            message: `${end} '${edge[end]}' is not a step of the fragment`,
          });
        }
      }
      if (edge.source === edge.target) {
        ctx.addIssue({ code: 'custom', path: ['edges', i], message: 'a step cannot connect to itself' });
      }
    });
  });
export type ClipboardFragment = z.infer<typeof ClipboardFragmentSchema>;

export interface CopyResult {
  fragment: ClipboardFragment;
  /** How many of the chosen steps were left out because they are start steps. */
  skipped: number;
}

/**
 * The chosen steps (start steps left out) and the connections among them; null when nothing copyable is
 * chosen (no ids, unknown ids, or only the start).
 */
export function copyFragment(workflow: Workflow, stepIds: ReadonlySet<string>): CopyResult | null {
  const chosen = workflow.steps.filter((s) => stepIds.has(s.id));
  const steps = chosen.filter((s) => s.type !== 'start');
  if (steps.length === 0) return null;
  const kept = new Set(steps.map((s) => s.id));
  const edges = workflow.edges.filter((e) => kept.has(e.source) && kept.has(e.target));
  return {
    fragment: {
      format: FRAGMENT_FORMAT,
      version: FRAGMENT_VERSION,
      sourceWorkflowId: workflow.id,
      steps: steps.map(cloneStep),
      edges: edges.map((e) => ({ ...e })),
    },
    skipped: chosen.length - steps.length,
  };
}

export interface CutResult extends CopyResult {
  /** The workflow without the copied steps and every connection touching them. */
  workflow: Workflow;
}

/** Copy, then remove what was copied (a chosen start step stays, as it was not copied). */
export function cutFragment(workflow: Workflow, stepIds: ReadonlySet<string>): CutResult | null {
  const copied = copyFragment(workflow, stepIds);
  if (!copied) return null;
  const removed = new Set(copied.fragment.steps.map((s) => s.id));
  return { ...copied, workflow: removeElements(workflow, removed) };
}

/**
 * Where a paste goes. `at`: the top-left corner of the fragment's bounding box (of step positions) lands on
 * this point, e.g. the pointer. `offset`: every step moves by this much from where it was copied; repeated
 * pastes of one fragment would stack exactly on top of each other with a fixed offset, so the caller grows
 * it with each paste (40,40 then 80,80 …).
 */
export type PastePlacement = { offset: Position } | { at: Position };

export interface PasteResult {
  workflow: Workflow;
  /** New ids of the pasted steps, in fragment order (to select them after the paste). */
  pastedStepIds: string[];
  pastedEdgeIds: string[];
}

/**
 * Adds the fragment's steps and connections to the workflow under fresh ids. A review's rework target
 * inside the fragment follows it to the pasted copy; one outside the fragment is kept when the target
 * workflow has that step (a paste into the same workflow, or into a redesign, which shares step ids) and
 * cleared otherwise. An empty fragment returns the workflow unchanged (the same object: no undo step).
 */
export function pasteFragment(
  workflow: Workflow,
  fragment: ClipboardFragment,
  placement: PastePlacement,
): PasteResult {
  // The type allows what the schema forbids (a hand-built fragment); never let a second start in.
  const steps = fragment.steps.filter((s) => s.type !== 'start');
  if (steps.length === 0) return { workflow, pastedStepIds: [], pastedEdgeIds: [] };

  const newIds = new Map(steps.map((s) => [s.id, newId('step')]));
  const existing = new Set(workflow.steps.map((s) => s.id));
  const shift = shiftFor(steps, placement);

  const pastedSteps = steps.map((s): Step => {
    const step: Step = {
      ...cloneStep(s),
      id: newIds.get(s.id) as string,
      position: { x: s.position.x + shift.x, y: s.position.y + shift.y },
    };
    if (step.type === 'review' && step.reworkTargetId !== null) {
      const target = step.reworkTargetId;
      step.reworkTargetId = newIds.get(target) ?? (existing.has(target) ? target : null);
    }
    return step;
  });
  const pastedEdges = fragment.edges
    .filter((e) => newIds.has(e.source) && newIds.has(e.target) && e.source !== e.target)
    .map((e): Edge => ({
      ...e,
      id: newId('edge'),
      source: newIds.get(e.source) as string,
      target: newIds.get(e.target) as string,
    }));
  return {
    workflow: {
      ...workflow,
      steps: [...workflow.steps, ...pastedSteps],
      edges: [...workflow.edges, ...pastedEdges],
      updatedAt: nowIso(),
    },
    pastedStepIds: pastedSteps.map((s) => s.id),
    pastedEdgeIds: pastedEdges.map((e) => e.id),
  };
}

export const DUPLICATE_OFFSET: Position = { x: 40, y: 40 };

/** Copy and paste in one edit, shifted by `offset`; the workflow unchanged when nothing copyable is chosen. */
export function duplicateSteps(
  workflow: Workflow,
  stepIds: ReadonlySet<string>,
  offset: Position = DUPLICATE_OFFSET,
): PasteResult {
  const copied = copyFragment(workflow, stepIds);
  if (!copied) return { workflow, pastedStepIds: [], pastedEdgeIds: [] };
  return pasteFragment(workflow, copied.fragment, { offset });
}

/** JSON text for the system clipboard. */
export function serializeFragment(fragment: ClipboardFragment): string {
  return JSON.stringify(fragment);
}

export type FragmentParseResult = { ok: true; fragment: ClipboardFragment } | { ok: false; error: string };

/**
 * Reads clipboard text back into a fragment, saying precisely why when it cannot: not JSON, not a
 * Coarchitect fragment, a newer fragment version, or the first invalid value with its path.
 */
export function parseFragment(text: string): FragmentParseResult {
  if (text.length > MAX_FRAGMENT_CHARS) {
    return { ok: false, error: 'The clipboard text is too large to be a Coarchitect fragment.' };
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    return { ok: false, error: `The clipboard text is not JSON (${(error as Error).message}).` };
  }
  if (
    typeof json !== 'object' ||
    json === null ||
    (json as { format?: unknown }).format !== FRAGMENT_FORMAT
  ) {
    return {
      ok: false,
      error: `The clipboard text is not a Coarchitect fragment: "format" must be "${FRAGMENT_FORMAT}".`,
    };
  }
  const version = (json as { version?: unknown }).version;
  if (typeof version === 'number' && version > FRAGMENT_VERSION) {
    return {
      ok: false,
      error: `The steps were copied from a newer version of Coarchitect (fragment version ${version}); this version reads version ${FRAGMENT_VERSION}.`,
    };
  }
  const parsed = ClipboardFragmentSchema.safeParse(json);
  if (!parsed.success) {
    const [first, ...rest] = parsed.error.issues.map((issue) => describeIssue(issue, json));
    const more = rest.length > 0 ? ` (and ${rest.length} more problem${rest.length === 1 ? '' : 's'})` : '';
    return {
      ok: false,
      error: `The Coarchitect fragment is invalid at ${first?.path ?? '$'}: ${first?.message ?? 'unknown problem'}${more}.`,
    };
  }
  return { ok: true, fragment: parsed.data };
}

function shiftFor(steps: readonly Step[], placement: PastePlacement): Position {
  if ('offset' in placement) return placement.offset;
  // A loop, not Math.min(...spread): a fragment may hold more steps than a call takes arguments.
  let left = Infinity;
  let top = Infinity;
  for (const s of steps) {
    left = Math.min(left, s.position.x);
    top = Math.min(top, s.position.y);
  }
  return { x: placement.at.x - left, y: placement.at.y - top };
}

/** A step sharing nothing mutable with the original (skills, duration, learning curve are nested objects). */
function cloneStep(step: Step): Step {
  return JSON.parse(JSON.stringify(step)) as Step;
}
