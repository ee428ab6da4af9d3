/**
 * Fuzzing the import pipeline (fast-check, in the normal unit suite): valid documents generated within the
 * model's bounds (shared/model/bounds.ts) and then, most of the time, damaged by one or more mutators. For
 * every one of them parseDocument returns within a second and never throws; a refused file has readable
 * problems with their JSON paths; an accepted one analyses within a second to finite figures.
 */
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { analyzeWorkflow } from '../../shared/analysis/analyze';
import { WORKFLOW_FORMAT, WORKSPACE_FORMAT } from '../../shared/format/document';
import { parseDocument, type ParseResult } from '../../shared/format/importer';
import { BOUNDS, type NumberBound } from '../../shared/model/bounds';

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type Doc = { [key: string]: Json };

const template = JSON.parse(readFileSync('test/fixtures/format-v3/full.json', 'utf8')) as Doc;
const RUNS = 600;

const within = (bound: keyof typeof BOUNDS) => {
  const b: NumberBound = BOUNDS[bound];
  return b.integer
    ? fc.integer({ min: b.min, max: Math.min(b.max, Number.MAX_SAFE_INTEGER) })
    : fc.double({ min: b.min, max: b.max, noNaN: true, noDefaultInfinity: true }).map((v) =>
        // The bounds refuse values between 0 and the smallest positive one (denormals and the like).
        b.smallestPositive !== undefined && v > 0 && v < b.smallestPositive ? 0 : v,
      );
};

/** Names as people type them, anywhere in Unicode, within the 200-character limit. */
const name = fc.string({ unit: 'grapheme', minLength: 1, maxLength: 40 }).filter((s) => s.trim() !== '');

/** A valid document: the template's workflows and roles with every name and number drawn afresh. */
const validDocument: fc.Arbitrary<Doc> = fc
  .record({
    kind: fc.constantFrom(WORKFLOW_FORMAT, WORKSPACE_FORMAT),
    volume: within('volumePerWeek'),
    headcounts: fc.array(within('headcount'), { minLength: 3, maxLength: 3 }),
    hours: fc.array(within('hoursPerWeek'), { minLength: 3, maxLength: 3 }),
    costs: fc.array(within('costPerHour'), { minLength: 3, maxLength: 3 }),
    times: fc.array(fc.array(within('durationMax'), { minLength: 3, maxLength: 3 }), {
      minLength: 30,
      maxLength: 30,
    }),
    rejection: fc.array(within('rejectionRate'), { minLength: 10, maxLength: 10 }),
    names: fc.array(name, { minLength: 40, maxLength: 40 }),
  })
  .map((r) => {
    const doc = structuredClone(template);
    let n = 0;
    const workflows = doc.workflows as Doc[];
    const roles = doc.roles as Doc[];
    roles.forEach((role, i) => {
      role.name = r.names[n++ % 40]!;
      role.headcount = r.headcounts[i % 3]!;
      role.hoursPerWeek = r.hours[i % 3]!;
      role.costPerHour = r.costs[i % 3]!;
    });
    let t = 0;
    let q = 0;
    for (const wf of workflows) {
      wf.name = r.names[n++ % 40]!;
      wf.volumePerWeek = r.volume;
      for (const step of wf.steps as Doc[]) {
        step.name = r.names[n++ % 40]!;
        if (step.type === 'task' || step.type === 'review') {
          const [a, b, c] = [...r.times[t++ % 30]!].sort((x, y) => x - y);
          step.duration = { min: a!, likely: b!, max: c! };
        }
        if (step.type === 'review') step.rejectionRate = r.rejection[q++ % 10]!;
      }
    }
    if (r.kind === WORKFLOW_FORMAT) {
      const { workflows: _all, ...rest } = doc;
      return { ...rest, format: WORKFLOW_FORMAT, workflow: workflows[0]! };
    }
    return doc;
  });

/** Every place in a document: [path, value] for objects, lists and leaves alike. */
function places(value: Json, path: (string | number)[] = []): [(string | number)[], Json][] {
  const out: [(string | number)[], Json][] = [[path, value]];
  if (Array.isArray(value)) value.forEach((v, i) => out.push(...places(v, [...path, i])));
  else if (value !== null && typeof value === 'object')
    for (const [k, v] of Object.entries(value)) out.push(...places(v, [...path, k]));
  return out;
}

function setAt(doc: Doc, path: (string | number)[], value: Json): void {
  if (path.length === 0) return;
  let node: Json = doc;
  for (const key of path.slice(0, -1)) node = (node as Record<string | number, Json>)[key]!;
  (node as Record<string | number, Json>)[path[path.length - 1]!] = value;
}

const pick = <T>(list: T[], seed: number): T => list[seed % list.length]!;
const numbersOf = (doc: Doc) => places(doc).filter(([, v]) => typeof v === 'number');
const stringsOf = (doc: Doc) => places(doc).filter(([, v]) => typeof v === 'string');
const objectsOf = (doc: Doc) =>
  places(doc).filter(([, v]) => v !== null && typeof v === 'object' && !Array.isArray(v));

/** A damaged document is text (and sometimes not even that: bytes that are not UTF-8). */
type Input = { text: string } | { bytes: Uint8Array };
type Mutator = (doc: Doc, seed: number) => Doc | Input;

const steps = (doc: Doc): Doc[] => ((doc.workflow ?? (doc.workflows as Doc[])[0]) as Doc).steps as Doc[];
const edges = (doc: Doc): Doc[] => ((doc.workflow ?? (doc.workflows as Doc[])[0]) as Doc).edges as Doc[];

const MUTATORS: Record<string, Mutator> = {
  truncate: (doc, seed) => {
    const text = JSON.stringify(doc);
    return { text: text.slice(0, seed % text.length) };
  },
  wrongType: (doc, seed) => {
    const [path, value] = pick(places(doc).slice(1), seed);
    setAt(doc, path, typeof value === 'string' ? seed : typeof value === 'number' ? String(value) : 'x');
    return doc;
  },
  hugeNumber: (doc, seed) => {
    const [path] = pick(numbersOf(doc), seed);
    setAt(doc, path, seed % 2 ? 1e308 : -1e308);
    return doc;
  },
  denormal: (doc, seed) => {
    setAt(doc, pick(numbersOf(doc), seed)[0], 5e-324);
    return doc;
  },
  minAboveMax: (doc, seed) => {
    const step = pick(
      steps(doc).filter((s) => s.duration),
      seed,
    );
    step.duration = { min: 100, likely: 50, max: 10 };
    return doc;
  },
  probabilitiesOff: (doc, seed) => {
    for (const e of edges(doc)) if (e.probability !== null) e.probability = (seed % 7) / 10;
    return doc;
  },
  danglingId: (doc, seed) => {
    pick(edges(doc), seed).target = `ghost-${seed}`;
    return doc;
  },
  duplicateId: (doc, seed) => {
    const list = steps(doc);
    pick(list, seed).id = pick(list, seed + 1).id!;
    return doc;
  },
  deepNesting: (doc, seed) => {
    let deep: Json = 1;
    for (let i = 0; i < 30 + (seed % 300); i++) deep = [deep];
    setAt(doc, pick(places(doc).slice(1), seed)[0], deep);
    return doc;
  },
  hugeString: (doc, seed) => {
    setAt(doc, pick(stringsOf(doc), seed)[0], 'x'.repeat(10_000 + (seed % 200_000)));
    return doc;
  },
  invalidUtf8: (doc, seed) => {
    const bytes = new TextEncoder().encode(JSON.stringify(doc));
    const at = seed % bytes.length;
    return { bytes: new Uint8Array([...bytes.subarray(0, at), 0xff, 0xc3, ...bytes.subarray(at)]) };
  },
  bom: (doc) => ({ text: `\ufeff${JSON.stringify(doc, null, 2)}` }),
  invisibleCharacters: (doc, seed) => {
    const [path, value] = pick(stringsOf(doc), seed);
    const marks = ['\u202e', '\u200b', '\u200f', '\u2066', '\ufeff', '\u0000'];
    setAt(doc, path, `${pick(marks, seed)}${String(value)}${pick(marks, seed + 1)}`);
    return doc;
  },
  markup: (doc, seed) => {
    setAt(doc, pick(stringsOf(doc), seed)[0], '<img src=x onerror=alert(1)><script>x</script>');
    return doc;
  },
  futureVersion: (doc, seed) => ({ ...doc, version: 4 + (seed % 100) }),
  forbiddenKey: (doc, seed) => {
    const [path] = pick(objectsOf(doc), seed);
    const key = pick(['__proto__', 'constructor', 'prototype'], seed);
    const text = JSON.stringify(doc);
    // Written into the text: an object literal with __proto__ would set the prototype, not a key.
    if (path.length === 0) return { text: text.replace('{', `{"${key}":{"polluted":true},`) };
    return { text: text.replace(/"id":/, `"${key}":{"polluted":true},"id":`) };
  },
  otherApplication: (_doc, seed): Doc =>
    seed % 2
      ? { type: 'excalidraw', version: 2, elements: [{ id: String(seed), type: 'arrow' }], appState: {} }
      : { $type: 'bpmn:Definitions', id: `D${seed}`, rootElements: [{ $type: 'bpmn:Process' }] },
};

const mutated = fc
  .tuple(
    validDocument,
    fc.array(fc.tuple(fc.constantFrom(...Object.keys(MUTATORS)), fc.nat()), { maxLength: 3 }),
  )
  .map(([doc, mutations]) => {
    let input: Doc | Input = doc;
    for (const [mutator, seed] of mutations) {
      if ('text' in input || 'bytes' in input) break;
      try {
        input = MUTATORS[mutator]!(input as Doc, seed);
      } catch {
        // An earlier mutator removed what this one damages (the steps of a BPMN file): skip it.
      }
    }
    return { mutations: mutations.map(([m]) => m), input };
  });

/** As the app reads a file: bytes must be UTF-8 (readDroppedFile), then the pipeline. */
function importInput(input: Doc | Input): ParseResult {
  if ('bytes' in input && input.bytes instanceof Uint8Array) {
    try {
      return parseDocument(new TextDecoder('utf-8', { fatal: true }).decode(input.bytes));
    } catch {
      return { ok: false, issues: [{ path: '$', message: 'The file is not a UTF-8 text file.' }] };
    }
  }
  return parseDocument(
    'text' in input && typeof input.text === 'string' ? input.text : JSON.stringify(input),
  );
}

function allFinite(value: unknown): boolean {
  if (typeof value === 'number') return Number.isFinite(value);
  if (Array.isArray(value)) return value.every(allFinite);
  if (value !== null && typeof value === 'object') return Object.values(value).every(allFinite);
  return true;
}

describe('import fuzzing', () => {
  it('accepts every generated valid document', () => {
    fc.assert(
      fc.property(validDocument, (doc) => {
        const result = parseDocument(JSON.stringify(doc));
        expect(result.ok ? [] : result.issues.slice(0, 3)).toEqual([]);
      }),
      { numRuns: 100 },
    );
  });

  it(`never throws or hangs, and explains every refusal (${RUNS} documents)`, () => {
    let refused = 0;
    fc.assert(
      fc.property(mutated, ({ input }) => {
        const started = performance.now();
        const result = importInput(input);
        expect(performance.now() - started).toBeLessThan(1000);
        if (!result.ok) {
          refused++;
          expect(result.issues.length).toBeGreaterThan(0);
          for (const issue of result.issues) {
            expect(issue.path.startsWith('$')).toBe(true);
            expect(issue.message.length).toBeGreaterThan(5);
            expect(issue.message.length).toBeLessThan(600);
            if (issue.line !== undefined) expect(issue.line).toBeGreaterThanOrEqual(1);
          }
          return;
        }
        // Accepted: nothing refused sneaks in, and the analysis is fast and finite.
        const doc = result.document;
        expect(Object.prototype.hasOwnProperty.call(Object.prototype, 'polluted')).toBe(false);
        const workflows = doc.format === WORKFLOW_FORMAT ? [doc.workflow] : doc.workflows;
        for (const wf of workflows) {
          const t = performance.now();
          const analysis = analyzeWorkflow(wf, doc.roles);
          expect(performance.now() - t).toBeLessThan(1000);
          expect(allFinite(analysis)).toBe(true);
        }
      }),
      { numRuns: RUNS },
    );
    // The mutators do damage: most documents are refused, some pass (markup, BOM, no mutation).
    expect(refused).toBeGreaterThan(RUNS / 3);
    expect(refused).toBeLessThan(RUNS);
  });
});
