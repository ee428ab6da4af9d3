import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  describePersistence,
  forgetPersistenceAnswer,
  requestPersistentStorage,
} from '../../renderer/storage/persistence';

afterEach(() => forgetPersistenceAnswer());

describe('persistent storage', () => {
  it('asks once, and not at all when already granted', async () => {
    const persist = vi.fn(async () => true);
    const storage = { persisted: async () => false, persist };
    expect(await requestPersistentStorage(storage)).toBe('persistent');
    expect(await requestPersistentStorage(storage)).toBe('persistent');
    expect(persist).toHaveBeenCalledTimes(1);
    forgetPersistenceAnswer();
    const granted = { persisted: async () => true, persist: vi.fn(async () => true) };
    expect(await requestPersistentStorage(granted)).toBe('persistent');
    expect(granted.persist).not.toHaveBeenCalled();
  });

  it('reports a refusal, a failure and a browser without the API', async () => {
    expect(await requestPersistentStorage({ persisted: async () => false, persist: async () => false })).toBe(
      'best-effort',
    );
    forgetPersistenceAnswer();
    expect(
      await requestPersistentStorage({
        persist: async () => {
          throw new Error('not allowed');
        },
      }),
    ).toBe('unknown');
    forgetPersistenceAnswer();
    expect(await requestPersistentStorage(undefined)).toBe('unknown');
    expect(describePersistence('persistent')).toMatch(/^Storage: persistent/);
    expect(describePersistence('best-effort')).toMatch(/may be cleared by the browser/);
  });
});
