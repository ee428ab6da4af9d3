/**
 * The semantic diff of two workflows: steps added, removed and changed per attribute, connections, the roles
 * their steps are done by, workflow settings, and layout-only moves kept in a group of their own. Linear in
 * the size of the two workflows (5,000 steps: see bench/diff.mjs).
 */
import type { Edge, Role, Step, Workflow } from '../model/schema';
import { percentLabel, plainNumber } from './labels';
import { matchSteps } from './matchSteps';
import { stepChanges } from './stepChanges';
import type { ConnectionChange, ConnectionRef, DiffSide, RoleChange, StepRef, WorkflowDiff } from './types';

const refOf = (s: Step): StepRef => ({ id: s.id, name: s.name, type: s.type });

function connectionRef(e: Edge, names: ReadonlyMap<string, string>): ConnectionRef {
  return {
    id: e.id,
    sourceId: e.source,
    targetId: e.target,
    sourceName: names.get(e.source) ?? e.source,
    targetName: names.get(e.target) ?? e.target,
    label: e.label,
    probability: e.probability,
  };
}

const probabilityLabel = (p: number | null) => (p === null ? 'none' : percentLabel(p));

function rolesUsed(wf: Workflow): Set<string> {
  const used = new Set<string>();
  for (const s of wf.steps) {
    if (s.type !== 'task' && s.type !== 'review') continue;
    if (s.roleId !== null) used.add(s.roleId);
    if (s.coaching?.coachRoleId) used.add(s.coaching.coachRoleId);
  }
  return used;
}

function diffRoles(before: DiffSide, after: DiffSide): WorkflowDiff['roles'] {
  const used = rolesUsed(before.workflow);
  for (const id of rolesUsed(after.workflow)) used.add(id);
  const b = new Map(before.roles.filter((r) => used.has(r.id)).map((r) => [r.id, r]));
  const a = new Map(after.roles.filter((r) => used.has(r.id)).map((r) => [r.id, r]));
  const result: WorkflowDiff['roles'] = { added: [], removed: [], changed: [] };
  for (const [id, rb] of b) {
    const ra = a.get(id);
    if (!ra) {
      result.removed.push({ roleId: id, name: rb.name });
      continue;
    }
    const changes: RoleChange['changes'] = [];
    if (rb.name !== ra.name) changes.push({ attribute: 'name', before: rb.name, after: ra.name });
    for (const attribute of ['headcount', 'hoursPerWeek', 'costPerHour'] as const) {
      if (rb[attribute] !== ra[attribute]) {
        changes.push({ attribute, before: plainNumber(rb[attribute]), after: plainNumber(ra[attribute]) });
      }
    }
    if (changes.length > 0) result.changed.push({ roleId: id, name: ra.name, changes });
  }
  for (const [id, ra] of a) if (!b.has(id)) result.added.push({ roleId: id, name: ra.name });
  return result;
}

export function diffWorkflows(before: DiffSide, after: DiffSide): WorkflowDiff {
  const wb = before.workflow;
  const wa = after.workflow;
  const matching = matchSteps(wb, wa);
  const beforeNames = new Map(wb.steps.map((s) => [s.id, s.name]));
  const afterNames = new Map(wa.steps.map((s) => [s.id, s.name]));
  const ctx = {
    beforeRoles: new Map<string, Role>(before.roles.map((r) => [r.id, r])),
    afterRoles: new Map<string, Role>(after.roles.map((r) => [r.id, r])),
    beforeNames,
    afterNames,
    beforeIdOf: matching.beforeIdOf,
  };
  const steps: WorkflowDiff['steps'] = {
    added: matching.added.map(refOf),
    removed: matching.removed.map(refOf),
    changed: [],
  };
  const moved: WorkflowDiff['moved'] = [];
  for (const { before: b, after: a, reason } of matching.pairs) {
    const changes = stepChanges(b, a, ctx);
    if (changes.length > 0)
      steps.changed.push({ before: refOf(b), after: refOf(a), matchedBy: reason, changes });
    if (b.position.x !== a.position.x || b.position.y !== a.position.y) {
      moved.push({ before: refOf(b), after: refOf(a), from: b.position, to: a.position });
    }
  }

  // Connections are compared by their ends, with the first workflow's ends translated to the second's ids;
  // a second connection between the same two steps is told apart by its rank.
  const keyed = new Map<string, Edge[]>();
  for (const e of wa.edges) {
    const k = `${e.source}\u0000${e.target}`;
    const list = keyed.get(k);
    if (list) list.push(e);
    else keyed.set(k, [e]);
  }
  const connections: WorkflowDiff['connections'] = { added: [], removed: [], changed: [] };
  const used = new Set<Edge>();
  for (const e of wb.edges) {
    const source = matching.afterIdOf.get(e.source);
    const target = matching.afterIdOf.get(e.target);
    const candidates =
      source !== undefined && target !== undefined ? keyed.get(`${source}\u0000${target}`) : undefined;
    const match = candidates?.find((c) => !used.has(c));
    if (!match) {
      connections.removed.push(connectionRef(e, beforeNames));
      continue;
    }
    used.add(match);
    const changes: ConnectionChange['changes'] = [];
    if (e.label !== match.label) {
      changes.push({ attribute: 'label', before: e.label || 'none', after: match.label || 'none' });
    }
    if (e.probability !== match.probability) {
      changes.push({
        attribute: 'probability',
        before: probabilityLabel(e.probability),
        after: probabilityLabel(match.probability),
      });
    }
    if (changes.length > 0) {
      connections.changed.push({
        before: connectionRef(e, beforeNames),
        after: connectionRef(match, afterNames),
        changes,
      });
    }
  }
  for (const e of wa.edges) if (!used.has(e)) connections.added.push(connectionRef(e, afterNames));

  const roles = diffRoles(before, after);
  const workflow: WorkflowDiff['workflow'] = [];
  if (wb.name !== wa.name) workflow.push({ attribute: 'name', before: wb.name, after: wa.name });
  if (wb.volumePerWeek !== wa.volumePerWeek) {
    workflow.push({
      attribute: 'volumePerWeek',
      before: plainNumber(wb.volumePerWeek),
      after: plainNumber(wa.volumePerWeek),
    });
  }
  const semanticChangeCount =
    steps.added.length +
    steps.removed.length +
    steps.changed.reduce((n, c) => n + c.changes.length, 0) +
    connections.added.length +
    connections.removed.length +
    connections.changed.length +
    roles.added.length +
    roles.removed.length +
    roles.changed.length +
    workflow.length;
  return {
    steps,
    moved,
    connections,
    roles,
    workflow,
    semanticChangeCount,
    layoutOnly: semanticChangeCount === 0 && moved.length > 0,
  };
}
