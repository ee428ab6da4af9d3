/**
 * The flow core refactor keeps every figure bit for bit: the analysis, a seeded simulation and the learning
 * projection of every example, template and generated large workflow (as is and under a what-if), the
 * command line's output and the refusals of invalid what-ifs are compared with the figures stored before it
 * (test/fixtures/flow-figures/, one file per workspace). Regenerate them only for an intended change of a
 * figure, with
 *
 *   UPDATE_FLOW_FIGURES=1 npx vitest run test/unit/flow/equality.test.ts
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { allFigures, ROOT } from './figures';

const DIR = path.join(ROOT, 'test/fixtures/flow-figures');
const UPDATE = process.env.UPDATE_FLOW_FIGURES === '1';
const fileFor = (name: string) => path.join(DIR, `${name.replace(/[^a-z0-9-]+/gi, '-')}.json`);

describe('figures stay identical', () => {
  const figures = allFigures();
  if (UPDATE) {
    mkdirSync(DIR, { recursive: true });
    for (const [name, value] of Object.entries(figures))
      writeFileSync(fileFor(name), `${JSON.stringify(value, null, 1)}\n`);
  }
  for (const [name, value] of Object.entries(figures)) {
    it(name, () => {
      const file = fileFor(name);
      expect(existsSync(file), `${file} is missing`).toBe(true);
      expect(value).toEqual(JSON.parse(readFileSync(file, 'utf8')));
    });
  }
});
