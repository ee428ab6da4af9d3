import { describe, expect, it } from 'vitest';
import {
  createVersion,
  unpackSnapshot,
  verifyChain,
  packSnapshot,
  type Version,
} from '../../../shared/codesign';
import { customerSupportExample } from '../../../shared/examples/customerSupport';
import type { Workflow } from '../../../shared/model/schema';

const ws = customerSupportExample();
const wf = ws.workflows[1]!;
const author = { name: 'Ada', role: 'CTO' as const };

function withTime(w: Workflow, likely: number): Workflow {
  return {
    ...w,
    steps: w.steps.map((s) =>
      s.type === 'task' && s.name === 'Send reply' ? { ...s, duration: { min: 0.1, likely, max: 9 } } : s,
    ),
  };
}

async function chainOf(n: number): Promise<Version[]> {
  const out: Version[] = [];
  for (let i = 0; i < n; i++) {
    out.push(
      await createVersion(withTime(wf, 1 + i), ws.roles, out.at(-1) ?? null, {
        id: `v${i + 1}`,
        name: `Version ${i + 1}`,
        reason: 'named',
        author,
        createdAt: `2026-12-0${i + 1}T10:00:00.000Z`,
      }),
    );
  }
  return out;
}

const problemsOf = async (versions: Version[]) =>
  Object.fromEntries([...(await verifyChain(versions))].map(([id, c]) => [id, c.problems]));

describe('versions', () => {
  it('store the model compressed and give it back whole', async () => {
    const [v] = await chainOf(1);
    const back = unpackSnapshot(v!.data);
    expect(back.ok && back.snapshot.workflow).toEqual(withTime(wf, 1));
    expect(v!.seq).toBe(1);
    expect(v!.prevHash).toBe('');
    expect(v!.data.length).toBeLessThan(JSON.stringify(wf).length);
  });

  it('chain: each version records the hash of the one before', async () => {
    const vs = await chainOf(3);
    expect(vs[1]!.prevHash).toBe(vs[0]!.hash);
    expect(vs[2]!.prevHash).toBe(vs[1]!.hash);
    expect(await problemsOf(vs)).toEqual({ v1: [], v2: [], v3: [] });
  });

  it('catches a tampered model and keeps the rest usable', async () => {
    const vs = await chainOf(3);
    const forged = packSnapshot({ workflow: withTime(wf, 7), roles: ws.roles });
    vs[1] = { ...vs[1]!, data: forged };
    expect(await problemsOf(vs)).toEqual({
      v1: [],
      v2: ['content-mismatch', 'hash-mismatch'],
      v3: [],
    });
  });

  it('catches a re-hashed version (content and hash forged together) at the next link', async () => {
    const vs = await chainOf(3);
    const forgedWf = withTime(wf, 7);
    const rehashed = await createVersion(forgedWf, ws.roles, vs[0]!, {
      id: 'v2',
      name: 'Version 2',
      reason: 'named',
      author,
      createdAt: vs[1]!.createdAt,
    });
    vs[1] = rehashed;
    expect(await problemsOf(vs)).toEqual({ v1: [], v2: [], v3: ['chain-broken'] });
  });

  it('catches an edited hash', async () => {
    const vs = await chainOf(3);
    vs[0] = { ...vs[0]!, hash: '0'.repeat(64) };
    expect(await problemsOf(vs)).toEqual({ v1: ['hash-mismatch'], v2: ['chain-broken'], v3: [] });
  });

  it('catches reordered or removed history', async () => {
    const vs = await chainOf(3);
    const swapped = [vs[0]!, { ...vs[1]!, seq: 3 }, { ...vs[2]!, seq: 2 }];
    const p = await problemsOf(swapped);
    expect(p.v3).toEqual(['chain-broken']);
    expect(p.v2).toEqual(['chain-broken']);
    expect(p.v1).toEqual([]);
    expect(await problemsOf([vs[0]!, vs[2]!])).toEqual({ v1: [], v3: ['chain-broken'] });
  });

  it('flags a version whose model cannot be read', async () => {
    const vs = await chainOf(2);
    vs[0] = { ...vs[0]!, data: 'AAAA' };
    expect((await problemsOf(vs)).v1).toEqual(['unreadable']);
  });
});
