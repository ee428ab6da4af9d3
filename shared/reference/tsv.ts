/**
 * Reads the original full_labelset.tsv of the GPTs-are-GPTs repository into a reference pack, keeping only
 * the columns the app uses. The file is tab-separated with CSV-style quoting ("" inside quoted fields).
 */
import { LABELSET_ONET_RELEASE, LABELSET_SOURCE, labelsetLicence } from './licence';
import { codeOf, PACK_FORMAT, PACK_VERSION, type PackTask, type ReferencePack } from './pack';
import { checkPack } from './read';

export const LABELSET_COLUMNS = {
  soc: 'O*NET-SOC Code',
  taskId: 'Task ID',
  statement: 'Task',
  taskType: 'Task Type',
  title: 'Title',
  human: 'human_exposure_agg',
  gpt: 'gpt4_exposure',
} as const;

export interface SkippedRow {
  line: number;
  reason: string;
}

export type TsvReadResult =
  { ok: true; pack: ReferencePack; skipped: SkippedRow[] } | { ok: false; reason: string };

/** One line's fields; quotes are undone ("a ""b""" → a "b"). */
export function splitTsvLine(line: string): string[] {
  const fields: string[] = [];
  let i = 0;
  while (i <= line.length) {
    if (line[i] === '"') {
      let value = '';
      i++;
      while (i < line.length) {
        if (line[i] === '"') {
          if (line[i + 1] === '"') {
            value += '"';
            i += 2;
          } else {
            i++;
            break;
          }
        } else value += line[i++];
      }
      const tab = line.indexOf('\t', i);
      fields.push(value + (tab < 0 ? line.slice(i) : line.slice(i, tab)));
      i = tab < 0 ? line.length + 1 : tab + 1;
    } else {
      const tab = line.indexOf('\t', i);
      fields.push(tab < 0 ? line.slice(i) : line.slice(i, tab));
      i = tab < 0 ? line.length + 1 : tab + 1;
    }
  }
  return fields;
}

/** "8823.0" → "8823": the label set wrote O*NET's integer task ids as floats. */
function taskIdOf(raw: string): string {
  const trimmed = raw.trim();
  return /^\d+\.0+$/.test(trimmed) ? trimmed.replace(/\.0+$/, '') : trimmed;
}

function taskTypeOf(raw: string): -1 | 0 | 1 {
  const t = raw.trim().toLowerCase();
  return t === 'core' ? 0 : t === 'supplemental' ? 1 : -1;
}

/** `mitNotice`: the LICENSE text found beside the file, when there is one (the build script passes it). */
export function parseLabelsetTsv(text: string, mitNotice?: string): TsvReadResult {
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  const header = splitTsvLine(lines[0] ?? '');
  const col = {} as Record<keyof typeof LABELSET_COLUMNS, number>;
  const missing: string[] = [];
  for (const [key, name] of Object.entries(LABELSET_COLUMNS) as [keyof typeof LABELSET_COLUMNS, string][]) {
    col[key] = header.indexOf(name);
    if (col[key] < 0) missing.push(`"${name}"`);
  }
  if (missing.length > 0) {
    return {
      ok: false,
      reason: `This is not the GPTs-are-GPTs label set: the first line lacks the column${missing.length === 1 ? '' : 's'} ${missing.join(', ')}.`,
    };
  }

  const occupationIndex = new Map<string, number>();
  const occupations: [string, string][] = [];
  const byOccupation: PackTask[][] = [];
  const seen = new Set<string>();
  const skipped: SkippedRow[] = [];
  for (let n = 1; n < lines.length; n++) {
    const line = lines[n];
    if (!line || line.trim() === '') continue;
    const f = splitTsvLine(line);
    const get = (key: keyof typeof LABELSET_COLUMNS) => (f[col[key]] ?? '').trim();
    const soc = get('soc');
    const taskId = taskIdOf(get('taskId'));
    const statement = get('statement');
    const title = get('title');
    const problem = !soc
      ? 'no O*NET-SOC code'
      : !taskId
        ? 'no task id'
        : !statement
          ? 'no task statement'
          : !title
            ? 'no occupation title'
            : statement.length > 2_000
              ? 'task statement over 2,000 characters'
              : seen.has(taskId)
                ? `task id ${taskId} appears twice`
                : null;
    if (problem) {
      skipped.push({ line: n + 1, reason: problem });
      continue;
    }
    seen.add(taskId);
    let occ = occupationIndex.get(soc);
    if (occ === undefined) {
      occ = occupations.length;
      occupationIndex.set(soc, occ);
      occupations.push([soc, title]);
      byOccupation.push([]);
    }
    byOccupation[occ]?.push([
      taskId,
      occ,
      statement,
      codeOf(get('human')),
      codeOf(get('gpt')),
      taskTypeOf(get('taskType')),
    ]);
  }
  const tasks = byOccupation.flat();
  if (tasks.length === 0) return { ok: false, reason: 'The label set holds no task rows.' };

  const checked = checkPack({
    format: PACK_FORMAT,
    version: PACK_VERSION,
    title: 'O*NET task statements with GPTs-are-GPTs exposure labels',
    onetRelease: LABELSET_ONET_RELEASE,
    labelSource: LABELSET_SOURCE,
    licence: labelsetLicence(mitNotice),
    occupations,
    tasks,
  });
  return checked.ok ? { ok: true, pack: checked.pack, skipped } : checked;
}
