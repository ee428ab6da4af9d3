/**
 * Task search over a reference pack, fast enough to run on every keystroke: the text of each task is
 * lower-cased once, and a query is a few words that must all appear (in the statement or the occupation
 * title). Results keep the pack's order (by occupation), so the same query always lists the same tasks.
 */
import { labelOf, type ReferencePack } from './pack';
import type { ExposureLabel } from '../model/schema';

/** Longer queries are cut here: nobody types more, and a pasted page must not stall the dialog. */
export const MAX_QUERY_CHARS = 200;
const MAX_WORDS = 12;

export interface Occupation {
  index: number;
  soc: string;
  title: string;
  /** Tasks of this occupation are tasks[start, end) of the pack. */
  start: number;
  end: number;
}

export interface ReferenceTask {
  index: number;
  taskId: string;
  statement: string;
  occupation: Occupation;
  human: ExposureLabel | null;
  gpt: ExposureLabel | null;
  /** O*NET task type; null where the source gives none. */
  core: boolean | null;
}

export interface ReferenceIndex {
  pack: ReferencePack;
  occupations: Occupation[];
  /** Occupations sorted by title, for pickers. */
  occupationsByTitle: Occupation[];
  /** Share of tasks (with both labels) on which the human and GPT-4 labels agree, 0–1. */
  agreement: number;
  haystacks: string[];
}

export function buildIndex(pack: ReferencePack): ReferenceIndex {
  const occupations: Occupation[] = pack.occupations.map(([soc, title], index) => ({
    index,
    soc,
    title,
    start: -1,
    end: -1,
  }));
  const haystacks = new Array<string>(pack.tasks.length);
  let both = 0;
  let agree = 0;
  pack.tasks.forEach(([, occ, statement, human, gpt], i) => {
    const o = occupations[occ];
    if (o) {
      if (o.start < 0) o.start = i;
      o.end = i + 1;
    }
    haystacks[i] = `${statement} ${o?.title ?? ''}`.toLowerCase();
    if (human >= 0 && gpt >= 0) {
      both++;
      if (human === gpt) agree++;
    }
  });
  for (const o of occupations) if (o.start < 0) o.start = o.end = 0;
  const occupationsByTitle = [...occupations].sort((a, b) => a.title.localeCompare(b.title));
  return { pack, occupations, occupationsByTitle, agreement: both > 0 ? agree / both : 0, haystacks };
}

export function taskAt(index: ReferenceIndex, i: number): ReferenceTask | null {
  const row = index.pack.tasks[i];
  if (!row) return null;
  const [taskId, occ, statement, human, gpt, type] = row;
  const occupation = index.occupations[occ];
  if (!occupation) return null;
  return {
    index: i,
    taskId,
    statement,
    occupation,
    human: labelOf(human),
    gpt: labelOf(gpt),
    core: type === 0 ? true : type === 1 ? false : null,
  };
}

export interface SearchOptions {
  /** Only this occupation's tasks (its index); all when absent. */
  occupation?: number | null;
  /** At most this many tasks are returned (the total still counts every match). */
  limit?: number;
}

export interface SearchResult {
  tasks: ReferenceTask[];
  /** How many tasks match in all. */
  total: number;
  /** The query was longer than MAX_QUERY_CHARS and only its start was used. */
  cut: boolean;
}

/** The distinct lower-cased words of a query (at most MAX_WORDS, from its first MAX_QUERY_CHARS). */
export function queryWords(query: string): string[] {
  const words = query.slice(0, MAX_QUERY_CHARS).toLowerCase().split(/\s+/).filter(Boolean);
  return [...new Set(words)].slice(0, MAX_WORDS);
}

export function searchTasks(index: ReferenceIndex, query: string, options: SearchOptions = {}): SearchResult {
  const limit = options.limit ?? 50;
  const occupation =
    options.occupation === null || options.occupation === undefined
      ? null
      : index.occupations[options.occupation];
  const start = occupation ? occupation.start : 0;
  const end = occupation ? occupation.end : index.haystacks.length;
  const words = queryWords(query);
  const found: number[] = [];
  let total = 0;
  for (let i = start; i < end; i++) {
    const hay = index.haystacks[i] ?? '';
    let all = true;
    for (const word of words) {
      if (!hay.includes(word)) {
        all = false;
        break;
      }
    }
    if (!all) continue;
    total++;
    if (found.length < limit) found.push(i);
  }
  return {
    tasks: found.map((i) => taskAt(index, i)).filter((t): t is ReferenceTask => t !== null),
    total,
    cut: query.length > MAX_QUERY_CHARS,
  };
}

/** An occupation's tasks in pack order (core tasks first, as O*NET lists them). */
export function occupationTasks(index: ReferenceIndex, occupation: number): ReferenceTask[] {
  const o = index.occupations[occupation];
  if (!o) return [];
  const tasks: ReferenceTask[] = [];
  for (let i = o.start; i < o.end; i++) {
    const t = taskAt(index, i);
    if (t) tasks.push(t);
  }
  return tasks.sort((a, b) => Number(b.core === true) - Number(a.core === true));
}
