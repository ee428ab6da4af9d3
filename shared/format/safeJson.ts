/**
 * A JSON parser for files from outside: unlike JSON.parse it knows where every problem is (line and column
 * from the offset, and the JSON path), refuses the keys that reach into JavaScript's object machinery
 * (`__proto__`, `constructor`, `prototype`), stops at a nesting depth and at a time budget, and can give the
 * position of any value afterwards (to place a schema error in the file). Pure: runs in a worker and Node.
 *
 * Every refused key is left out of the object built, so even a caller that ignored the issues could not be
 * handed a polluted object.
 */
import { excerpt } from './excerpt';

export interface JsonIssue {
  /** JSONPath of the value, e.g. `$.workflow.steps[2].name`; `$` for the whole file. */
  path: string;
  message: string;
  /** 1-based, where known. */
  line?: number;
  column?: number;
}

export interface SafeJsonOptions {
  /** Deepest nesting of objects and arrays accepted (a Coarchitect file needs about 8). */
  maxDepth?: number;
  /** Milliseconds the parse may take before it gives up; checked every few thousand values. */
  budgetMs?: number;
  /** The clock (injectable for tests). */
  now?: () => number;
}

/**
 * `value` is present whenever the text could be read to its end (then the issues, if any, are refused keys,
 * repeated names or unreadable numbers, and the caller may go on validating to list every problem).
 */
export type SafeJsonResult =
  { ok: true; value: unknown } | { ok: false; issues: JsonIssue[]; value?: unknown };

export const MAX_JSON_DEPTH = 64;
/** Longest list accepted: twenty times the steps of the largest workflow we benchmark (5,000). */
export const MAX_JSON_ITEMS = 100_000;
export const JSON_BUDGET_MS = 5_000;
/** Keys refused anywhere in a file: assigning them on a plain object changes its prototype or class. */
export const FORBIDDEN_KEYS: ReadonlySet<string> = new Set(['__proto__', 'constructor', 'prototype']);

/** 1-based line and column of an offset (columns count UTF-16 code units, as editors mostly do). */
export function lineColumn(text: string, offset: number): { line: number; column: number } {
  return lineIndex(text)(offset);
}

/**
 * Line and column of any offset in `text`: the line starts are found once, then each lookup is a binary
 * search, so listing thousands of problems of a large file stays linear.
 */
export function lineIndex(text: string): (offset: number) => { line: number; column: number } {
  let starts: number[] | null = null;
  return (offset) => {
    if (!starts) {
      starts = [0];
      for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
    }
    const at = Math.max(0, Math.min(offset, text.length));
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((starts[mid] ?? 0) <= at) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, column: at - (starts[lo] ?? 0) + 1 };
  };
}

/** `$.workflow.steps[2].name` back into its keys; undefined for a path this module did not write simply. */
export function parsePathString(path: string): (string | number)[] | undefined {
  if (!path.startsWith('$')) return undefined;
  const keys: (string | number)[] = [];
  const part = /\.([A-Za-z_$][\w$]*)|\[(\d+)\]/y;
  part.lastIndex = 1;
  while (part.lastIndex < path.length) {
    const m = part.exec(path);
    if (!m) return undefined;
    keys.push(m[1] ?? Number(m[2]));
  }
  return keys;
}

export function pathToString(path: readonly (string | number)[]): string {
  let out = '$';
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`;
    else if (/^[A-Za-z_$][\w$]*$/.test(key)) out += `.${key}`;
    else out += `[${JSON.stringify(excerpt(key, 40))}]`;
  }
  return out;
}

class Stop extends Error {}

const WHITESPACE = new Set([0x20, 0x09, 0x0a, 0x0d]);

/** A path as a trie, so the parser can note the positions of the values asked for at no cost elsewhere. */
interface PathTrie {
  children: Map<string | number, PathTrie>;
  wanted: boolean;
}

class Parser {
  private pos = 0;
  private readonly path: (string | number)[] = [];
  readonly issues: JsonIssue[] = [];
  readonly positions = new Map<PathTrie, number>();
  private values = 0;
  private readonly deadline: number;
  private readonly where: (offset: number) => { line: number; column: number };

  constructor(
    private readonly text: string,
    private readonly maxDepth: number,
    budgetMs: number,
    private readonly now: () => number,
    private readonly trie: PathTrie | null,
  ) {
    this.deadline = now() + budgetMs;
    this.where = lineIndex(text);
  }

  run(): unknown {
    // A byte order mark (Windows editors write one) is not data.
    if (this.text.charCodeAt(0) === 0xfeff) this.pos = 1;
    this.skipWhitespace();
    if (this.pos >= this.text.length) this.fatal('The file is empty.');
    const value = this.value(0, this.trie);
    this.skipWhitespace();
    if (this.pos < this.text.length)
      this.fatal(`Unexpected ${this.describeHere()} after the end of the JSON value.`);
    return value;
  }

  private issueAt(offset: number, message: string, path = this.path): JsonIssue {
    return { path: pathToString(path), message, ...this.where(offset) };
  }

  /** A syntax error: parsing cannot go on past it, so it is the last issue. */
  private fatal(message: string, offset = this.pos): never {
    const early = this.pos >= this.text.length && !message.includes('cut short');
    const why = early ? `${message} The file ends too early (it may be cut short).` : message;
    this.issues.push(this.issueAt(offset, `The file is not valid JSON: ${why}`));
    throw new Stop();
  }

  private describeHere(): string {
    if (this.pos >= this.text.length) return 'end of file';
    const ch = this.text.slice(this.pos, this.pos + 12);
    return `text ${JSON.stringify(excerpt(ch, 10))}`;
  }

  private skipWhitespace(): void {
    const t = this.text;
    while (this.pos < t.length && WHITESPACE.has(t.charCodeAt(this.pos))) this.pos++;
  }

  private tick(): void {
    if (++this.values % 4096 === 0 && this.now() > this.deadline) {
      this.fatal('Reading the file took too long; it is too large or too complex to import.');
    }
  }

  private value(depth: number, trie: PathTrie | null): unknown {
    this.tick();
    if (trie?.wanted) this.positions.set(trie, this.pos);
    const c = this.text.charCodeAt(this.pos);
    if (c === 0x7b /* { */ || c === 0x5b /* [ */) {
      if (depth >= this.maxDepth) {
        this.fatal(`The data is nested more than ${this.maxDepth} levels deep; a Coarchitect file never is.`);
      }
      return c === 0x7b ? this.object(depth + 1, trie) : this.array(depth + 1, trie);
    }
    if (c === 0x22 /* " */) return this.string();
    if (c === 0x2d || (c >= 0x30 && c <= 0x39)) return this.number();
    for (const [word, v] of [
      ['true', true],
      ['false', false],
      ['null', null],
    ] as const) {
      if (this.text.startsWith(word, this.pos)) {
        this.pos += word.length;
        return v;
      }
    }
    if (this.pos >= this.text.length)
      this.fatal('The file ends in the middle of the data (it may be cut short).');
    this.fatal(
      `Unexpected ${this.describeHere()}: expected a value (text in double quotes, a number, true, false, null, an object or a list).`,
    );
  }

  private object(depth: number, trie: PathTrie | null): Record<string, unknown> {
    const out: Record<string, unknown> = {};
    this.pos++; // {
    this.skipWhitespace();
    if (this.text.charCodeAt(this.pos) === 0x7d) {
      this.pos++;
      return out;
    }
    const seen = new Set<string>();
    for (;;) {
      this.skipWhitespace();
      if (this.text.charCodeAt(this.pos) !== 0x22) {
        if (this.pos >= this.text.length)
          this.fatal('The file ends in the middle of an object (it may be cut short).');
        this.fatal(`Unexpected ${this.describeHere()}: expected a name in double quotes.`);
      }
      const keyOffset = this.pos;
      const key = this.string();
      this.skipWhitespace();
      if (this.text.charCodeAt(this.pos) !== 0x3a)
        this.fatal(`Unexpected ${this.describeHere()}: expected ':' after a name.`);
      this.pos++;
      this.skipWhitespace();
      this.path.push(key);
      const forbidden = FORBIDDEN_KEYS.has(key);
      if (forbidden) {
        this.issues.push(this.issueAt(keyOffset, `The name "${key}" is not allowed in a Coarchitect file.`));
      } else if (seen.has(key)) {
        this.issues.push(this.issueAt(keyOffset, `"${excerpt(key, 40)}" appears twice in the same object.`));
      }
      seen.add(key);
      const v = this.value(depth, trie?.children.get(key) ?? null);
      this.path.pop();
      if (!forbidden) out[key] = v;
      this.skipWhitespace();
      const c = this.text.charCodeAt(this.pos);
      this.pos++;
      if (c === 0x2c) continue;
      if (c === 0x7d) return out;
      this.pos--;
      if (this.pos >= this.text.length)
        this.fatal('The file ends in the middle of an object (it may be cut short).');
      this.fatal(`Unexpected ${this.describeHere()}: expected ',' or '}'.`);
    }
  }

  private array(depth: number, trie: PathTrie | null): unknown[] {
    const out: unknown[] = [];
    this.pos++; // [
    this.skipWhitespace();
    if (this.text.charCodeAt(this.pos) === 0x5d) {
      this.pos++;
      return out;
    }
    for (;;) {
      this.skipWhitespace();
      if (out.length >= MAX_JSON_ITEMS) {
        this.fatal(
          `A list has more than ${MAX_JSON_ITEMS.toLocaleString('en-US')} items; a Coarchitect file never has.`,
        );
      }
      this.path.push(out.length);
      out.push(this.value(depth, trie?.children.get(out.length) ?? null));
      this.path.pop();
      this.skipWhitespace();
      const c = this.text.charCodeAt(this.pos);
      this.pos++;
      if (c === 0x2c) continue;
      if (c === 0x5d) return out;
      this.pos--;
      if (this.pos >= this.text.length)
        this.fatal('The file ends in the middle of a list (it may be cut short).');
      this.fatal(`Unexpected ${this.describeHere()}: expected ',' or ']'.`);
    }
  }

  private string(): string {
    const t = this.text;
    const start = this.pos;
    this.pos++; // "
    let out = '';
    let chunk = this.pos;
    for (;;) {
      if (this.pos >= t.length)
        this.fatal('The file ends inside a text in double quotes (it may be cut short).', start);
      const c = t.charCodeAt(this.pos);
      if (c === 0x22) {
        out += t.slice(chunk, this.pos);
        this.pos++;
        return out;
      }
      if (c < 0x20)
        this.fatal(
          'A control character (such as a line break) inside text must be written as an escape like \\n.',
        );
      if (c !== 0x5c) {
        this.pos++;
        continue;
      }
      out += t.slice(chunk, this.pos);
      const e = t[this.pos + 1];
      const simple: Record<string, string> = {
        '"': '"',
        '\\': '\\',
        '/': '/',
        b: '\b',
        f: '\f',
        n: '\n',
        r: '\r',
        t: '\t',
      };
      if (e !== undefined && simple[e] !== undefined) {
        out += simple[e];
        this.pos += 2;
      } else if (e === 'u' && /^[0-9a-fA-F]{4}$/.test(t.slice(this.pos + 2, this.pos + 6))) {
        out += String.fromCharCode(parseInt(t.slice(this.pos + 2, this.pos + 6), 16));
        this.pos += 6;
      } else {
        this.fatal(`The escape ${JSON.stringify(t.slice(this.pos, this.pos + 2))} is not valid JSON.`);
      }
      chunk = this.pos;
    }
  }

  private number(): number {
    const t = this.text;
    const start = this.pos;
    const match = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
    match.lastIndex = start;
    const m = match.exec(t);
    if (!m) this.fatal(`Unexpected ${this.describeHere()}: not a valid number.`);
    this.pos = start + m[0].length;
    const n = Number(m[0]);
    if (!Number.isFinite(n)) {
      this.issues.push(this.issueAt(start, `The number ${excerpt(m[0], 30)} is too large to be read.`));
      return 0;
    }
    return n;
  }
}

function buildTrie(paths: readonly (readonly PropertyKey[])[]): PathTrie {
  const root: PathTrie = { children: new Map(), wanted: false };
  for (const path of paths) {
    let node = root;
    for (const key of path) {
      const k = typeof key === 'number' ? key : String(key);
      let next = node.children.get(k);
      if (!next) node.children.set(k, (next = { children: new Map(), wanted: false }));
      node = next;
    }
    node.wanted = true;
  }
  return root;
}

/** Every prefix of every path is wanted too: a missing field is placed at the object that lacks it. */
function allPrefixes(paths: readonly (readonly PropertyKey[])[]): PropertyKey[][] {
  const out: PropertyKey[][] = [];
  for (const path of paths) for (let n = 0; n <= path.length; n++) out.push(path.slice(0, n));
  return out;
}

/** Parses untrusted JSON text; every non-syntax problem is listed, a syntax error ends the list. */
export function safeJsonParse(text: string, options: SafeJsonOptions = {}): SafeJsonResult {
  const parser = new Parser(
    text,
    options.maxDepth ?? MAX_JSON_DEPTH,
    options.budgetMs ?? JSON_BUDGET_MS,
    options.now ?? (() => Date.now()),
    null,
  );
  let value: unknown;
  try {
    value = parser.run();
  } catch (error) {
    if (!(error instanceof Stop)) throw error;
    return { ok: false, issues: parser.issues };
  }
  return parser.issues.length > 0 ? { ok: false, issues: parser.issues, value } : { ok: true, value };
}

/**
 * Line and column of the values at the given paths, for text that parsed (a second pass, only when there
 * are schema errors to place). A path that does not exist in the text is placed at its deepest existing
 * parent (a missing field at the object that lacks it).
 */
export function locatePaths(
  text: string,
  paths: readonly (readonly PropertyKey[])[],
): ({ line: number; column: number } | undefined)[] {
  const trie = buildTrie(allPrefixes(paths));
  const parser = new Parser(text, Number.MAX_SAFE_INTEGER, Number.POSITIVE_INFINITY, () => 0, trie);
  try {
    parser.run();
  } catch (error) {
    if (!(error instanceof Stop)) throw error;
  }
  const where = lineIndex(text);
  return paths.map((path) => {
    let node: PathTrie | undefined = trie;
    let offset = parser.positions.get(trie);
    for (const key of path) {
      node = node?.children.get(typeof key === 'number' ? key : String(key));
      const here = node ? parser.positions.get(node) : undefined;
      if (here === undefined) break;
      offset = here;
    }
    return offset === undefined ? undefined : where(offset);
  });
}
