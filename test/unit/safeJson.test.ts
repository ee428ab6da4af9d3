/** The safe JSON reader and excerpts: positions computed by hand, every refused key listed. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { excerpt, excerptValue } from '../../shared/format/excerpt';
import {
  lineColumn,
  locatePaths,
  parsePathString,
  pathToString,
  safeJsonParse,
} from '../../shared/format/safeJson';

describe('safeJsonParse', () => {
  it('reads what JSON.parse reads', () => {
    const text = '{"a": [1, -2.5e3, true, false, null, "x\\n\\u00e9\\"", {}], "b": {"c": []}}';
    expect(safeJsonParse(text)).toEqual({ ok: true, value: JSON.parse(text) });
  });

  it('places a syntax error by line and column (1-based) and names the path', () => {
    // Line 3 is `  "b": 2,,`: the second comma is at column 10.
    const result = safeJsonParse('{\n  "a": 1,\n  "b": 2,,\n  "c": 3\n}');
    expect(result).toMatchObject({
      ok: false,
      issues: [{ path: '$', line: 3, column: 10, message: expect.stringMatching(/not valid JSON/) }],
    });
    expect(safeJsonParse('{"a": [1, 2')).toMatchObject({
      issues: [{ path: '$.a', line: 1, column: 12, message: expect.stringMatching(/cut short/) }],
    });
  });

  it('lists every refused key and leaves them out of the value', () => {
    const result = safeJsonParse(
      '{"__proto__": {"x": 1},\n "list": [{"constructor": 1}, {"prototype": 2, "ok": 3}]}',
    );
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.issues.map((i) => [i.path, i.line, i.column])).toEqual([
      ['$.__proto__', 1, 2],
      ['$.list[0].constructor', 2, 12],
      ['$.list[1].prototype', 2, 32],
    ]);
    expect(result.value).toEqual({ list: [{}, { ok: 3 }] });
    expect(Object.getPrototypeOf(result.value)).toBe(Object.prototype);
  });

  it('stops at the depth limit and at the time budget', () => {
    expect(safeJsonParse('[[[1]]]', { maxDepth: 2 })).toMatchObject({
      issues: [{ line: 1, column: 3, message: expect.stringMatching(/nested more than 2 levels/) }],
    });
    let clock = 0;
    const slow = safeJsonParse(`[${'1,'.repeat(10_000)}1]`, { budgetMs: 5, now: () => (clock += 10) });
    expect(slow).toMatchObject({ ok: false, issues: [{ message: expect.stringMatching(/took too long/) }] });
  });

  it('skips a byte order mark and refuses numbers beyond a double', () => {
    expect(safeJsonParse('\ufeff{"a":1}')).toEqual({ ok: true, value: { a: 1 } });
    expect(safeJsonParse('{"a":1e400}')).toMatchObject({
      issues: [{ path: '$.a', column: 6, message: expect.stringMatching(/too large/) }],
    });
  });
});

describe('safeJsonParse against JSON.parse (fast-check)', () => {
  const plain = (key: string) => !['__proto__', 'constructor', 'prototype'].includes(key);
  const json = fc.jsonValue({ maxDepth: 6 }).filter((v) => {
    const keysOk = (x: unknown): boolean =>
      Array.isArray(x)
        ? x.every(keysOk)
        : typeof x === 'object' && x !== null
          ? Object.keys(x).every(plain) && Object.values(x).every(keysOk)
          : true;
    return keysOk(v);
  });

  it('reads every JSON text as JSON.parse does, however it is spaced', () => {
    fc.assert(
      fc.property(json, fc.constantFrom(undefined, 1, '\t'), (value, space) => {
        const text = JSON.stringify(value, null, space);
        expect(safeJsonParse(text)).toEqual({ ok: true, value: JSON.parse(text) });
      }),
      { numRuns: 300 },
    );
  });

  it('refuses exactly what JSON.parse refuses, never throwing', () => {
    fc.assert(
      fc.property(
        json,
        fc.nat(),
        fc.constantFrom('', ',', '}', ']', '"', ':', 'x', '\\', '-', '.'),
        (value, at, junk) => {
          const text = JSON.stringify(value);
          const cut = at % (text.length + 1);
          const damaged = text.slice(0, cut) + junk + text.slice(cut);
          let native = true;
          try {
            JSON.parse(damaged);
          } catch {
            native = false;
          }
          const ours = safeJsonParse(damaged);
          // Repeated names and numbers beyond a double (JSON.parse makes them Infinity) are what JSON.parse
          // takes silently and this parser refuses.
          if (!ours.ok && ours.issues.every((i) => /appears twice|too large to be read/.test(i.message)))
            return;
          expect(ours.ok).toBe(native);
          if (!ours.ok) expect(ours.issues[0]?.line).toBe(1);
        },
      ),
      { numRuns: 500 },
    );
  });
});

describe('positions and paths', () => {
  it('computes line and column from an offset', () => {
    expect(lineColumn('ab\ncd\n\nef', 0)).toEqual({ line: 1, column: 1 });
    expect(lineColumn('ab\ncd\n\nef', 4)).toEqual({ line: 2, column: 2 });
    expect(lineColumn('ab\ncd\n\nef', 7)).toEqual({ line: 4, column: 1 });
  });

  it('locates values, and a missing field at the object that lacks it', () => {
    const text = '{\n  "w": {\n    "steps": [\n      {"id": "a"},\n      {"id": "b"}\n    ]\n  }\n}';
    expect(locatePaths(text, [['w', 'steps', 1, 'id'], ['w', 'steps', 0, 'name'], ['nope']])).toEqual([
      { line: 5, column: 14 },
      { line: 4, column: 7 },
      { line: 1, column: 1 },
    ]);
  });

  it('writes and reads JSON paths', () => {
    expect(pathToString(['workflow', 'steps', 2, 'name'])).toBe('$.workflow.steps[2].name');
    expect(pathToString(['a b'])).toBe('$["a b"]');
    expect(parsePathString('$.workflow.steps[2].name')).toEqual(['workflow', 'steps', 2, 'name']);
    expect(parsePathString('$["a b"]')).toBeUndefined();
  });
});

describe('excerpt', () => {
  it('cuts long values and says how much was cut', () => {
    expect(excerpt('x'.repeat(10_000_000), 10)).toBe('xxxxxxxxxx… (9,999,990 more characters)');
    expect(excerpt('short')).toBe('short');
  });

  it('makes invisible and reordering characters visible', () => {
    expect(excerpt('\u202eevil\u200b')).toBe('\\u202Eevil\\u200B');
    expect(excerpt('a\nb')).toBe('a\\u000Ab');
  });

  it('never splits a surrogate pair', () => {
    expect(excerpt('ab😀cd', 3)).toBe('ab… (4 more characters)');
  });

  it('summarises any value', () => {
    expect([excerptValue('x'), excerptValue([1, 2]), excerptValue({}), excerptValue(3)]).toEqual([
      '"x"',
      'a list of 2 items',
      'an object',
      '3',
    ]);
  });
});
