/**
 * The persistence worker's side: decodes requests in the order they arrive and writes them. A plain
 * function of the messages, so that tests run it in Node against fake-indexeddb.
 *
 * Requests are decoded in the order they arrive and their transactions are started in that order, so a later
 * save of a workflow always lands after an earlier one.
 */
import { CoarchitectDb } from './db';
import {
  receiveHistory,
  receiveWorkflows,
  RequestEnvelopeSchema,
  type PersistenceReply,
  type PersistenceRequest,
} from './persistenceProtocol';
import { ObjectReceiver } from './sharedObjects';
import { saveWorkflows, writeWorkflowRevisions } from './repository';

const messageOf = (error: unknown) => (error instanceof Error ? error.message : String(error));

/** Returns the handler of incoming messages; `reply` posts an answer back. */
export function createPersistenceService(
  reply: (message: PersistenceReply) => void,
): (data: unknown) => void {
  const receiver = new ObjectReceiver();
  let db: CoarchitectDb | null = null;
  /** Set once decoding failed: the object tables disagree and nothing more may be written from here. */
  let desynced = false;

  return (data) => {
    const envelope = RequestEnvelopeSchema.safeParse(data);
    if (!envelope.success) return; // Not ours: nothing to answer.
    const request = data as PersistenceRequest;
    const { id } = request;
    if (desynced) {
      reply({ id, ok: false, message: 'The storage worker stopped after an earlier error.' });
      return;
    }
    let write: (database: CoarchitectDb) => Promise<unknown>;
    try {
      switch (request.type) {
        case 'open':
          db = new CoarchitectDb(request.databaseName);
          reply({ id, ok: true });
          return;
        case 'prime': {
          const message = receiver.message(request.slot);
          receiver.decode(message, request.items);
          receiver.commit(message);
          reply({ id, ok: true });
          return;
        }
        case 'release':
          for (const slot of request.slots) receiver.release(slot);
          reply({ id, ok: true });
          return;
        case 'save-workflows': {
          const workflows = receiveWorkflows(receiver, request.workflows);
          const bases = request.baseRevisions;
          // Checked on the UI thread before sending (checkedForWrite); the revision check happens here.
          write = bases
            ? (database) =>
                writeWorkflowRevisions(
                  database,
                  workflows.map((workflow, i) => ({ workflow, baseRevision: bases[i] ?? 0 })),
                )
            : async (database) => {
                const revisions = await saveWorkflows(database, workflows);
                return { saved: [...revisions].map(([id, revision]) => ({ id, revision })), conflicts: [] };
              };
          break;
        }
        case 'save-history': {
          const row = receiveHistory(receiver, request.row);
          write = (database) => database.history.put(row);
          break;
        }
      }
    } catch (error) {
      desynced = true;
      reply({ id, ok: false, message: messageOf(error) });
      return;
    }
    if (!db) {
      reply({ id, ok: false, message: 'The storage worker has no database open.' });
      return;
    }
    write(db).then(
      (result) => reply({ id, ok: true, result }),
      (error: unknown) => reply({ id, ok: false, message: messageOf(error) }),
    );
  };
}
