// Writes the migration fixtures: files of every format version (test/fixtures/format-v1..v3) and the rows
// of a database at every old schema version (test/fixtures/dexie-v1..v6; dexie-v4 was written by hand
// before and is left as it is). The "full" files are the example workspace exactly as the app of that
// version shipped it (read from the commit that introduced the version); "minimal" and "edge" are written
// here in that version's shape. format-v4 was written from format-v3 with the 3 → 4 migration (story: null;
// the edge file also carries an edited story), since no commit shipped version-4 examples yet; it is not
// rewritten here. format-v5 is written from the examples of the commit that introduced it: "full" is the
// invoice example as it is, "edge" also sets audience, data and an owner of the longest length. format-v6
// is written from the working tree's examples (the version-6 files); its "edge" also carries a co-design
// record (threads with markup and a long comment, a thread on a removed step, a decision, a version chain
// and a sign-off with one valid and one tampered signature). "minimal" and "full" have no record.
// Run once after a format or schema change: node scripts/make-migration-fixtures.mjs
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { importShared } from '../bench/support.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
/** The commit that introduced each format version (its examples are the version's own files). */
const COMMITS = { 1: '7e155a1', 2: '10fc621', 3: '73bfcfb', 5: '7dc116e', 6: null };

/** A file as it was at the commit, or (commit null) as it is in the working tree. */
const show = (commit, path) =>
  JSON.parse(
    commit === null
      ? readFileSync(`${root}${path}`, 'utf8')
      : execFileSync('git', ['show', `${commit}:${path}`], { cwd: root, encoding: 'utf8' }),
  );
const clone = (v) => JSON.parse(JSON.stringify(v));

function step(id, type, name, x, extra = {}) {
  return { id, name, description: '', notes: '', position: { x, y: 0 }, type, ...extra };
}

/** Fields each model version added, removed to write an older version's shape. */
function toVersion(doc, version) {
  const out = clone(doc);
  out.version = version;
  const workflows = out.workflows ?? [out.workflow];
  for (const wf of workflows) {
    if (version < 4) delete wf.story;
    if (version < 3) {
      delete wf.learningPlan;
      delete wf.learningAssumptions;
    }
    for (const s of wf.steps) {
      if (version < 5) {
        delete s.audience;
        delete s.data;
        delete s.owner;
      }
      if (version < 3) {
        delete s.coaching;
        delete s.onetTask;
      }
      if (version < 2) {
        delete s.aiCostPerRun;
        delete s.aiConcurrency;
        delete s.learningCurve;
        delete s.feedbackLoop;
      }
    }
  }
  if (version < 3) {
    for (const r of out.roles ?? []) {
      delete r.skillLevels;
      delete r.people;
    }
    for (const s of out.customSkills ?? []) {
      delete s.externalRefs;
      delete s.hoursPerLevel;
    }
  }
  return out;
}

const header = { generator: 'Coarchitect', exportedAt: '2026-11-01T09:00:00.000Z' };
const dates = { createdAt: '2026-11-01T09:00:00.000Z', updatedAt: '2026-11-01T09:00:00.000Z' };
const assumptions = {
  feedbackMinutesPerRejection: 3,
  penaltyPerMissingLevel: 0.15,
  hoursPerLevelByCategory: {},
};

function minimal(version) {
  return toVersion(
    {
      format: 'coarchitect.workflow',
      version,
      ...header,
      workflow: {
        id: 'wf-minimal',
        name: 'Minimal',
        description: '',
        kind: 'as-is',
        redesignOfId: null,
        volumePerWeek: 100,
        steps: [step('s-start', 'start', 'Start', 0), step('s-end', 'end', 'Done', 520)],
        edges: [{ id: 'e-1', source: 's-start', target: 's-end', label: '', probability: null }],
        learningPlan: [],
        learningAssumptions: assumptions,
        ...dates,
      },
      roles: [],
      customSkills: [],
    },
    version,
  );
}

/**
 * The edge of what a valid file may hold: the customer-support to-be of that version as one workflow, with
 * every number at its bound, names in right-to-left script, with zero-width characters, emoji and markup,
 * a custom skill nobody uses and a role of the largest headcount.
 */
function edge(version, commit) {
  const ws = show(commit, 'examples/customer-support.coarchitect.json');
  const wf = ws.workflows.find((w) => w.kind === 'to-be') ?? ws.workflows[0];
  wf.id = 'wf-edge';
  wf.redesignOfId = null;
  wf.name = 'دعم العملاء \u200b<b>to-be</b> 🤖';
  wf.description = 'x'.repeat(2000);
  wf.volumePerWeek = 1e9;
  for (const s of wf.steps) {
    s.name = `${s.name} \u202e<script>alert(1)</script>`.slice(0, 200);
    if (s.type === 'task' || s.type === 'review') {
      s.duration = { min: 0, likely: 0, max: 525600 };
      // Version 5: AI output to customers, special-category data, an owner of the longest allowed name.
      if (s.mode === 'ai-automated' || s.type === 'review') {
        s.audience = 'customer';
        s.data = s.type === 'review' ? 'personal' : 'special-category';
        s.owner = `آنا\u200b دوارتي <i>owner</i> ${'x'.repeat(200)}`.slice(0, 200);
      }
    }
  }
  const roles = ws.roles.map((r, i) =>
    i === 0 ? { ...r, name: 'وكيل\u200d الدعم', headcount: 100000, hoursPerWeek: 168, costPerHour: 1e9 } : r,
  );
  const customSkills = [
    {
      id: 'custom-edge',
      name: 'Ŝkïll with ﬁ ligature',
      description: '',
      categoryId: 'ai-collaboration',
      source: 'custom',
      externalId: null,
      retired: true,
    },
  ];
  return toVersion(
    { format: 'coarchitect.workflow', version, ...header, workflow: wf, roles, customSkills },
    version,
  );
}

/** The edge file with a co-design record (format version 6), its hashes computed by shared/codesign. */
async function withRecord(doc) {
  const { createVersion } = await importShared("export { createVersion } from './shared/codesign/index';");
  const wf = doc.workflow;
  const at = '2026-12-01T09:00:00.000Z';
  const cto = { name: 'Ада <b>CTO</b>', role: 'CTO' };
  const chro = { name: 'Grace', role: 'CHRO' };
  const v1 = await createVersion(wf, doc.roles, null, {
    id: 'ver-1',
    name: 'Before AI \u200b🤖',
    reason: 'named',
    author: cto,
    createdAt: at,
  });
  const v2 = await createVersion(wf, doc.roles, v1, {
    id: 'ver-2',
    name: 'Proposed for sign-off',
    reason: 'sign-off',
    author: null,
    createdAt: '2026-12-01T10:00:00.000Z',
  });
  const step = wf.steps.find((s) => s.type === 'task');
  const comment = (id, author, text) => ({ id, author, createdAt: at, text });
  return {
    ...doc,
    codesign: {
      threads: [
        {
          id: 'th-1',
          workflowId: wf.id,
          anchor: { kind: 'step', stepId: step.id, name: step.name },
          status: 'open',
          createdAt: at,
          comments: [
            // The longest comment allowed (10,000 characters), with markup and a right-to-left override.
            comment(
              'c-1',
              cto,
              `<script>alert(1)</script> @CHRO \u202e ${'long '.repeat(2000)}`.slice(0, 9999) + '!',
            ),
            comment('c-2', chro, 'Agreed, @Ада <b>CTO</b>'),
          ],
          resolvedAt: null,
          decisionId: null,
        },
        {
          id: 'th-2',
          workflowId: wf.id,
          anchor: { kind: 'step', stepId: 'step-removed', name: 'Draft reply' },
          status: 'resolved',
          createdAt: at,
          comments: [comment('c-3', chro, 'Removed on purpose.')],
          resolvedAt: at,
          decisionId: 'dec-1',
        },
      ],
      decisions: [
        {
          id: 'dec-1',
          workflowId: wf.id,
          title: 'Remove the research step',
          context: 'AI reads the history',
          options: ['Keep', 'Remove'],
          decision: 'Remove',
          rationale: 'Duplicated work',
          decidedBy: chro,
          date: '2026-12-01',
          status: 'accepted',
          links: { stepIds: [step.id], threadIds: ['th-2'], versionIds: ['ver-1'] },
          createdAt: at,
        },
      ],
      versions: [v1, v2],
      signoffs: [
        {
          id: 'so-1',
          workflowId: wf.id,
          versionId: 'ver-2',
          contentHash: v2.contentHash,
          proposedBy: cto,
          proposedAt: '2026-12-01T10:00:00.000Z',
          acknowledged: [],
          signatures: [
            { id: 'sig-1', signer: cto, signedAt: at, note: '', contentHash: v2.contentHash },
            // Tampered: it signs other content, so it never counts.
            { id: 'sig-2', signer: chro, signedAt: at, note: 'forged', contentHash: 'f'.repeat(64) },
          ],
        },
      ],
    },
  };
}

function write(path, value) {
  mkdirSync(new URL('.', new URL(path, `file://${root}`)), { recursive: true });
  writeFileSync(`${root}${path}`, `${JSON.stringify(value, null, 2)}\n`);
}

const docs = {};
for (const version of [1, 2, 3, 5, 6]) {
  const commit = COMMITS[version];
  docs[version] = {
    minimal: minimal(version),
    full: show(commit, 'examples/invoice-processing.coarchitect.json'),
    edge: version >= 6 ? await withRecord(edge(version, commit)) : edge(version, commit),
  };
  for (const [kind, doc] of Object.entries(docs[version]))
    write(`test/fixtures/format-v${version}/${kind}.json`, doc);
}

// Format 4 was written once from format 3 (see the top); its files are read back for schema 6's rows.
docs[4] = Object.fromEntries(
  ['minimal', 'full', 'edge'].map((kind) => [
    kind,
    JSON.parse(readFileSync(`${root}test/fixtures/format-v4/${kind}.json`, 'utf8')),
  ]),
);

/**
 * The rows a database of that schema held: schema 1 model 1, schemas 2–3 model 2, 4–5 model 3 (5 with
 * revisions), 6 (the encryption keyring, no key in these) model 4.
 */
const MODEL_OF_SCHEMA = { 1: 1, 2: 2, 3: 2, 5: 3, 6: 4 };
for (const [schema, model] of Object.entries(MODEL_OF_SCHEMA)) {
  for (const [kind, doc] of Object.entries(docs[model])) {
    const workflows = (doc.workflows ?? [doc.workflow]).map((wf, i) =>
      Number(schema) >= 5 ? { ...wf, revision: i + 2 } : wf,
    );
    write(`test/fixtures/dexie-v${schema}/${kind}.json`, {
      workflows,
      roles: doc.roles ?? [],
      customSkills: doc.customSkills ?? [],
    });
  }
}
// The record's short lists (options, links) are written on one line, as the repository's Prettier wants.
execFileSync('npx', ['prettier', '--write', 'test/fixtures/format-v6'], { cwd: root, stdio: 'ignore' });
console.log('Wrote test/fixtures/format-v1..v3, format-v5, format-v6 and dexie-v1, v2, v3, v5, v6.');
