import { describe, expect, it } from 'vitest';
import { canonicalJson, contentHash, semanticContent, sha256Hex } from '../../../shared/codesign';
import { customerSupportExample } from '../../../shared/examples/customerSupport';

describe('canonical JSON (RFC 8785)', () => {
  it('orders keys by UTF-16 code units at every depth, whatever the order written', () => {
    expect(canonicalJson({ b: 1, a: { d: [3, { z: 1, y: 2 }], c: null } })).toBe(
      '{"a":{"c":null,"d":[3,{"y":2,"z":1}]},"b":1}',
    );
    // Upper case sorts before lower case, and "€" (U+20AC) after both.
    expect(canonicalJson({ '€': 1, a: 2, B: 3 })).toBe('{"B":3,"a":2,"€":1}');
  });

  it('writes numbers as ECMAScript does (no trailing zeros, exponents only when shorter)', () => {
    expect(canonicalJson([1.0, 0.1 + 0.2, 1e21, 1e-7, -0, 100, 4.5])).toBe(
      '[1,0.30000000000000004,1e+21,1e-7,0,100,4.5]',
    );
  });

  it('refuses values JSON cannot hold', () => {
    expect(() => canonicalJson([Number.NaN])).toThrow(/NaN/);
    expect(() => canonicalJson({ x: Number.POSITIVE_INFINITY })).toThrow(/Infinity/);
  });

  it('hashes with SHA-256 (the known digest of "abc")', async () => {
    expect(await sha256Hex('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
  });
});

describe('semantic content', () => {
  const ws = customerSupportExample();
  const wf = ws.workflows[1]!;

  it('leaves out positions, story and timestamps, keeps names, modes and times', () => {
    const c = semanticContent(wf, ws.roles) as { workflow: Record<string, unknown>; roles: unknown[] };
    expect(Object.keys(c.workflow)).not.toContain('story');
    expect(Object.keys(c.workflow)).not.toContain('updatedAt');
    const steps = c.workflow.steps as Record<string, unknown>[];
    expect(steps[0]).not.toHaveProperty('position');
    expect(steps.map((s) => s.name)).toContain('Send reply');
    // Only the roles the workflow's steps are done by.
    expect(c.roles.length).toBeGreaterThan(0);
    expect(c.roles.length).toBeLessThanOrEqual(ws.roles.length);
  });

  it('gives the same hash for a moved step or reordered keys, another for a renamed one', async () => {
    const base = await contentHash(wf, ws.roles);
    const moved = {
      ...wf,
      updatedAt: '2030-01-01T00:00:00.000Z',
      steps: wf.steps.map((s, i) => (i === 0 ? { ...s, position: { x: 999, y: 999 } } : s)),
    };
    expect(await contentHash(moved, ws.roles)).toBe(base);
    const reordered = Object.fromEntries(Object.entries(wf).reverse()) as typeof wf;
    expect(await contentHash(reordered, ws.roles)).toBe(base);
    const renamed = { ...wf, steps: wf.steps.map((s, i) => (i === 1 ? { ...s, name: 'Other' } : s)) };
    expect(await contentHash(renamed, ws.roles)).not.toBe(base);
    expect(base).toMatch(/^[0-9a-f]{64}$/);
  });
});
