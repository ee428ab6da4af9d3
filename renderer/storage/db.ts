/**
 * The local database. Versions are append-only: a new version declares its stores and an upgrade that
 * rewrites older rows, and rows are parsed with the shared schemas when read (repository.ts), so a row
 * written by an older app is upgraded or reported, never half-read.
 */
import Dexie, { type ChromeTransactionDurability, type Table } from 'dexie';
import type { Role, Skill, Workflow } from '../../shared/model/schema';
import {
  addVersion2StepFields,
  addVersion3RoleFields,
  addVersion3SkillFields,
  addVersion3WorkflowFields,
} from '../../shared/model/upgrades';
import type { HistoryRow } from './historyRow';
import type { Decision, SignOff, Thread, Version } from '../../shared/codesign/index';
import type { Keyring } from '../../shared/encryption/keyring';
import { EncryptionSession } from './encryptionSession';
import { encryptionMiddleware } from './encryptionMiddleware';

export interface MetaRow {
  key: string;
  value: unknown;
}

export const DATABASE_NAME = 'coarchitect';
/** The newest schema version declared below. */
export const DATABASE_VERSION = 7;

/** The database on disk was written by a newer Coarchitect: it is opened for nothing and written never. */
export class NewerDatabaseError extends Error {
  override name = 'NewerDatabaseError';
  constructor(readonly found: number) {
    super(
      `it was written by a newer Coarchitect (database version ${found}; this app knows versions up to ${DATABASE_VERSION}). Update Coarchitect to open it`,
    );
  }
}

/**
 * A workflow as stored: the document plus its revision, raised by one at every write. A tab writes only
 * over the revision its copy was based on (checked inside the write transaction, repository.ts), so a stale
 * copy never overwrites a newer one. The revision is storage bookkeeping, not part of the file format.
 */
export type WorkflowRow = Workflow & { revision: number };

export class CoarchitectDb extends Dexie {
  workflows!: Table<WorkflowRow, string>;
  roles!: Table<Role, string>;
  customSkills!: Table<Skill, string>;
  meta!: Table<MetaRow, string>;
  /** Undo history per workflow, keyed by workflowId (version 3); rows are parsed on read all the same. */
  history!: Table<HistoryRow, string>;
  /** The wrapped keys of an encrypted workspace (version 6): one row, or none when encryption is off. */
  keyring!: Table<Keyring, string>;
  /** The co-design record (version 7), beside the workflows: never part of a workflow row. */
  threads!: Table<Thread, string>;
  decisions!: Table<Decision, string>;
  versions!: Table<Version, string>;
  signoffs!: Table<SignOff, string>;
  /** Whether rows are sealed, and the data key while unlocked (see encryptionMiddleware.ts). */
  readonly encryption = new EncryptionSession();

  /**
   * Writes are 'strict' by default: a transaction reports success only once the data is on disk, so a
   * crash or power loss right after "All changes saved" loses nothing (Chromium's default, 'relaxed',
   * may drop the last writes). The benchmark opens a 'relaxed' one to show the cost.
   */
  constructor(name = DATABASE_NAME, durability: ChromeTransactionDurability = 'strict') {
    super(name, { chromeTransactionDurability: durability });
    this.use(encryptionMiddleware(this.encryption));
    // Known before the first read or write, so a locked workspace never writes a clear row (not even
    // from the persistence worker, whose connection never holds the key and so falls back to this thread).
    this.on('ready', async () => {
      this.encryption.enabled = (await this.table('keyring').count()) > 0;
    });
    // Version 1: the first schema. Indexes only on what the library sorts and searches by.
    this.version(1).stores({
      workflows: 'id, name, kind, updatedAt',
      roles: 'id, name',
      customSkills: 'id, name',
      meta: 'key',
    });
    // Version 2: steps gain AI cost and concurrency, learning curves and feedback loops (model version 2).
    this.version(2)
      .stores({})
      .upgrade((tx) =>
        tx
          .table('workflows')
          .toCollection()
          .modify((row: unknown) => addVersion2StepFields(row)),
      );
    // Version 3: the undo history of each workflow survives a reload. A new table only: no rows change.
    this.version(3).stores({ history: 'workflowId' });
    // Version 4: the CHRO lens (model version 3): learning plans, coaching, O*NET links, skill levels,
    // people, external skill references. Undo history rows need nothing: they are parsed with the same
    // schemas on read, whose defaults fill in the new fields.
    this.version(4)
      .stores({})
      .upgrade(async (tx) => {
        await tx
          .table('workflows')
          .toCollection()
          .modify((row: unknown) => addVersion3WorkflowFields(row));
        await tx
          .table('roles')
          .toCollection()
          .modify((row: unknown) => addVersion3RoleFields(row));
        await tx
          .table('customSkills')
          .toCollection()
          .modify((row: unknown) => addVersion3SkillFields(row));
      });
    // Version 5: each workflow row carries a revision (see WorkflowRow); rows written before start at 1.
    // The compound index lets a save read the stored revision without loading (cloning) the whole row.
    this.version(5)
      .stores({ workflows: 'id, name, kind, updatedAt, [id+revision]' })
      .upgrade((tx) =>
        tx
          .table('workflows')
          .toCollection()
          .modify((row: { revision?: unknown }) => {
            if (typeof row.revision !== 'number' || !Number.isInteger(row.revision) || row.revision < 1)
              row.revision = 1;
          }),
      );
    // Version 6: encryption at rest. A new table for the wrapped keys; no row changes until the user
    // enables encryption (encryption.ts), which rewrites the sensitive tables in one transaction.
    this.version(6).stores({ keyring: 'id' });
    // Version 7: the co-design record (comments, decisions, versions, sign-offs), by id with the workflow
    // it belongs to indexed. New tables only; the local profile is a row of meta.
    this.version(7).stores({
      threads: 'id, workflowId',
      decisions: 'id, workflowId',
      versions: 'id, workflowId',
      signoffs: 'id, workflowId',
    });
    // After every version: Dexie 4 opens a database of a higher version than declared without a word
    // (IndexedDB's version is Dexie's times 10), and a write by this older app could then lose the newer
    // app's data. Refuse it instead; open() rejects with the message and nothing is written.
    this.on('ready', (db) => {
      const found = db.backendDB().version / 10;
      if (found > DATABASE_VERSION) {
        db.close();
        throw new NewerDatabaseError(Math.floor(found));
      }
    });
  }
}
