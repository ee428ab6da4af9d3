/**
 * Reads and writes the co-design record (Dexie version 7) and the local profile (a row of meta). Rows are
 * parsed with the shared schemas on read: a row that does not parse is left out and counted, never
 * half-read.
 */
import type { z } from 'zod';
import {
  DecisionSchema,
  ProfileSchema,
  SignOffSchema,
  ThreadSchema,
  VersionSchema,
  type Decision,
  type Profile,
  type SignOff,
  type Thread,
  type Version,
} from '../../shared/codesign/index';
import type { CoarchitectDb } from './db';

export const PROFILE_KEY = 'codesign.profile';

export interface CodesignRecord {
  threads: Thread[];
  decisions: Decision[];
  versions: Version[];
  signoffs: SignOff[];
  /** Rows that did not parse (left out). */
  unreadable: number;
}

export async function loadProfile(db: CoarchitectDb): Promise<Profile | null> {
  const row = await db.meta.get(PROFILE_KEY);
  const parsed = ProfileSchema.safeParse(row?.value);
  return parsed.success ? parsed.data : null;
}

export async function saveProfile(db: CoarchitectDb, profile: Profile): Promise<void> {
  await db.meta.put({ key: PROFILE_KEY, value: ProfileSchema.parse(profile) });
}

function parseRows<T>(rows: unknown[], schema: z.ZodType<T>): { rows: T[]; unreadable: number } {
  const out: T[] = [];
  let unreadable = 0;
  for (const row of rows) {
    const parsed = schema.safeParse(row);
    if (parsed.success) out.push(parsed.data);
    else unreadable++;
  }
  return { rows: out, unreadable };
}

export async function loadRecord(db: CoarchitectDb, workflowIds: readonly string[]): Promise<CodesignRecord> {
  // One equality query per workflow: anyOf() walks a cursor, which the encryption middleware's cursor
  // wrapper does not let jump between keys (the read never finishes).
  const rowsOf = async (table: CoarchitectDb['threads' | 'decisions' | 'versions' | 'signoffs']) => {
    const out: unknown[] = [];
    for (const id of workflowIds) out.push(...(await table.where('workflowId').equals(id).toArray()));
    return out;
  };
  const [t, d, v, s] = await db.transaction('r', [db.threads, db.decisions, db.versions, db.signoffs], () =>
    Promise.all([rowsOf(db.threads), rowsOf(db.decisions), rowsOf(db.versions), rowsOf(db.signoffs)]),
  );
  const threads = parseRows(t, ThreadSchema);
  const decisions = parseRows(d, DecisionSchema);
  const versions = parseRows(v, VersionSchema);
  const signoffs = parseRows(s, SignOffSchema);
  return {
    threads: threads.rows,
    decisions: decisions.rows,
    versions: versions.rows,
    signoffs: signoffs.rows,
    unreadable: threads.unreadable + decisions.unreadable + versions.unreadable + signoffs.unreadable,
  };
}

export const saveThread = (db: CoarchitectDb, thread: Thread) => db.threads.put(thread);
export const saveDecision = (db: CoarchitectDb, decision: Decision) => db.decisions.put(decision);
export const saveVersion = (db: CoarchitectDb, version: Version) => db.versions.put(version);
export const deleteVersion = (db: CoarchitectDb, id: string) => db.versions.delete(id);
export const saveSignOff = (db: CoarchitectDb, signOff: SignOff) => db.signoffs.put(signOff);

/** Adds an imported record in one transaction (ids are fresh: nothing is overwritten). */
export async function addRecord(
  db: CoarchitectDb,
  record: Omit<CodesignRecord, 'unreadable'>,
): Promise<void> {
  await db.transaction('rw', [db.threads, db.decisions, db.versions, db.signoffs], async () => {
    await db.threads.bulkPut(record.threads);
    await db.decisions.bulkPut(record.decisions);
    await db.versions.bulkPut(record.versions);
    await db.signoffs.bulkPut(record.signoffs);
  });
}
