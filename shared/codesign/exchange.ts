/**
 * The co-design record in the exchange format (format version 6): an optional top-level `codesign` section
 * with the threads, decisions, versions and sign-offs of the exported workflows. On import the record
 * follows its workflows (a workflow imported as a copy takes its record along), every row gets a fresh id
 * so nothing already stored is overwritten, and the version chains and signatures are checked: a version or
 * signature that does not verify is kept, flagged, and never counts.
 */
import { z } from 'zod';
import { newId } from '../model/ids';
import { checkSignatures, SignOffSchema, type SignOff } from './signoff';
import { DecisionSchema, ThreadSchema, type Decision, type Thread } from './threads';
import { verifyChain, VersionSchema, type Version, type VersionCheck } from './versions';

export const CodesignSectionSchema = z
  .object({
    threads: z.array(ThreadSchema).default([]),
    decisions: z.array(DecisionSchema).default([]),
    versions: z.array(VersionSchema).default([]),
    signoffs: z.array(SignOffSchema).default([]),
  })
  .meta({
    description:
      'The co-design record of the exported workflows: comment threads, decisions, versions (hash-chained) and sign-offs.',
  });
export type CodesignSection = z.infer<typeof CodesignSectionSchema>;

export const emptyCodesign = (): CodesignSection => ({
  threads: [],
  decisions: [],
  versions: [],
  signoffs: [],
});

/** The part of a record that belongs to these workflows. */
export function sectionFor(record: CodesignSection, workflowIds: ReadonlySet<string>): CodesignSection {
  const mine = <T extends { workflowId: string }>(rows: readonly T[]) =>
    rows.filter((r) => workflowIds.has(r.workflowId));
  return {
    threads: mine(record.threads),
    decisions: mine(record.decisions),
    versions: mine(record.versions),
    signoffs: mine(record.signoffs),
  };
}

/**
 * The record of imported workflows, under the ids they were stored with (`workflowIds`: file id → stored
 * id; rows of workflows not imported are dropped) and with fresh row ids, links rewritten to match.
 */
export function remapSection(
  section: CodesignSection,
  workflowIds: ReadonlyMap<string, string>,
  freshId: (prefix: string) => string = newId,
): CodesignSection {
  const rowIds = new Map<string, string>();
  const fresh = (old: string, prefix: string) => {
    const id = freshId(prefix);
    rowIds.set(old, id);
    return id;
  };
  const kept = <T extends { workflowId: string }>(rows: readonly T[]) =>
    rows.filter((r) => workflowIds.has(r.workflowId));
  const wf = (id: string) => workflowIds.get(id) ?? id;
  // Ids first (links may point forwards: a thread to its decision, a decision to its threads).
  const versions = kept(section.versions).map((v) => ({
    ...v,
    id: fresh(v.id, 'version'),
    workflowId: wf(v.workflowId),
  }));
  const threads = kept(section.threads).map((t) => ({
    ...t,
    id: fresh(t.id, 'thread'),
    workflowId: wf(t.workflowId),
  }));
  const decisions = kept(section.decisions).map((d) => ({
    ...d,
    id: fresh(d.id, 'decision'),
    workflowId: wf(d.workflowId),
  }));
  const link = (id: string) => rowIds.get(id) ?? id;
  return {
    versions,
    threads: threads.map((t): Thread => ({
      ...t,
      decisionId: t.decisionId === null ? null : link(t.decisionId),
    })),
    decisions: decisions.map((d): Decision => ({
      ...d,
      links: {
        stepIds: d.links.stepIds,
        threadIds: d.links.threadIds.map(link),
        versionIds: d.links.versionIds.map(link),
      },
    })),
    signoffs: kept(section.signoffs).map((s): SignOff => ({
      ...s,
      id: freshId('signoff'),
      workflowId: wf(s.workflowId),
      versionId: link(s.versionId),
      signatures: s.signatures.map((g) => ({ ...g, id: freshId('signature') })),
    })),
  };
}

export interface SectionCheck {
  flaggedVersions: Version[];
  invalidSignatures: number;
  /** What the import tells the user, one line each. */
  notes: string[];
}

/** Checks the version chains (per workflow) and every signature of an imported record. */
export async function checkSection(section: CodesignSection): Promise<SectionCheck> {
  const byWorkflow = new Map<string, Version[]>();
  for (const v of section.versions) {
    const list = byWorkflow.get(v.workflowId);
    if (list) list.push(v);
    else byWorkflow.set(v.workflowId, [v]);
  }
  const checks = new Map<string, VersionCheck>();
  for (const list of byWorkflow.values()) for (const [id, c] of await verifyChain(list)) checks.set(id, c);
  const flaggedVersions = section.versions.filter((v) => checks.get(v.id)?.ok === false);
  let invalidSignatures = 0;
  for (const s of section.signoffs) {
    invalidSignatures += checkSignatures(s, checks.get(s.versionId)).filter((c) => !c.valid).length;
  }
  const notes: string[] = [];
  if (flaggedVersions.length > 0) {
    notes.push(
      `${flaggedVersions.length} version${flaggedVersions.length === 1 ? ' in the file does not match its' : 's in the file do not match their'} hash (${flaggedVersions.map((v) => `'${v.name}'`).join(', ')}): kept and flagged.`,
    );
  }
  if (invalidSignatures > 0) {
    notes.push(
      `${invalidSignatures} signature${invalidSignatures === 1 ? ' in the file does' : 's in the file do'} not match the signed version: kept, flagged and not counted.`,
    );
  }
  return { flaggedVersions, invalidSignatures, notes };
}
