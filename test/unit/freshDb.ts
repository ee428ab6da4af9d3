/** A database of its own for each test (fake-indexeddb), closed and deleted after the test. */
import { afterEach } from 'vitest';
import { CoarchitectDb } from '../../renderer/storage/db';

const open: CoarchitectDb[] = [];

afterEach(async () => {
  for (const db of open.splice(0)) {
    db.close();
    await db.delete();
  }
});

export function freshDb(): CoarchitectDb {
  const db = new CoarchitectDb(`test-${crypto.randomUUID()}`);
  open.push(db);
  return db;
}
