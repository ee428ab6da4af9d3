// Writes test/fixtures/hostile/: named files a hostile or careless sender could hand the app, each small
// (the huge ones are generated at test time, never committed). test/unit/hostileImport.test.ts imports each
// and expects a clear error or a valid import, fast, with the database unchanged on failure.
// Built from the format-v3 fixtures; run again after a format change: node scripts/make-hostile-corpus.mjs
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const dir = `${root}test/fixtures/hostile/`;
const load = (kind) => JSON.parse(readFileSync(`${root}test/fixtures/format-v3/${kind}.json`, 'utf8'));
const clone = (v) => JSON.parse(JSON.stringify(v));
const pretty = (v) => `${JSON.stringify(v, null, 2)}\n`;

/** A one-workflow file built from the full workspace's first workflow (steps of every kind, roles). */
function workflowDoc() {
  const ws = load('full');
  const wf = ws.workflows[0];
  return {
    format: 'coarchitect.workflow',
    version: 3,
    exportedAt: ws.exportedAt,
    generator: 'Coarchitect',
    workflow: wf,
    roles: ws.roles,
    customSkills: [],
  };
}
const firstOf = (doc, type) => doc.workflow.steps.find((s) => s.type === type);
/** Edits a fresh copy of the workflow file. */
const edited = (edit) => {
  const doc = workflowDoc();
  edit(doc);
  return pretty(doc);
};

const files = new Map();
const add = (name, content) => {
  if (files.has(name)) throw new Error(`twice: ${name}`);
  files.set(name, content);
};

const valid = pretty(workflowDoc());
const workspace = pretty(load('full'));

// Broken or cut-short text.
add('truncated-half.json', valid.slice(0, Math.floor(valid.length / 2)));
add('truncated-last-byte.json', valid.trimEnd().slice(0, -1));
add('truncated-in-string.json', valid.slice(0, valid.indexOf('"name"') + 4));
add('empty.json', '');
add('whitespace-only.json', ' \n\t\n ');
add('plain-text.json', 'Hello, this is not a workflow.\n');
add('html-page.json', '<!doctype html><html><body><script>alert(1)</script></body></html>\n');
add(
  'trailing-comma.json',
  valid.replace(/}\n$/, '  ,}\n').replace('"generator": "Coarchitect",', '"generator": "Coarchitect",,'),
);
add('comments.json', `// exported by hand\n${valid}`);
add('single-quotes.json', valid.replace('"format"', "'format'"));
add('nan-literal.json', valid.replace(/"volumePerWeek": [\d.]+/, '"volumePerWeek": NaN'));
add('infinity-literal.json', valid.replace(/"volumePerWeek": [\d.]+/, '"volumePerWeek": Infinity'));
add('number-overflow-1e400.json', valid.replace(/"volumePerWeek": [\d.]+/, '"volumePerWeek": 1e400'));
add('number-400-digits.json', valid.replace(/"headcount": \d+/, `"headcount": 1${'0'.repeat(400)}`));
add('raw-control-character.json', valid.replace(/"name": "([^"]*)"/, '"name": "tab\there\nnewline"'));
add('invalid-escape.json', valid.replace(/"name": "([^"]*)"/, '"name": "bad \\x41 escape"'));
add('trailing-garbage.json', `${valid}garbage after the end`);
add('two-documents.json', `${valid}${valid}`);

// Not an object, or not ours.
add('json-array.json', pretty([workflowDoc()]));
add('json-string.json', '"coarchitect.workflow"\n');
add('json-null.json', 'null\n');
add('json-number.json', '42\n');
add(
  'excalidraw-drawing.json',
  pretty({
    type: 'excalidraw',
    version: 2,
    source: 'https://excalidraw.com',
    elements: [{ id: 'a', type: 'rectangle', x: 0, y: 0, width: 100, height: 50 }],
    appState: { viewBackgroundColor: '#ffffff' },
    files: {},
  }),
);
add(
  'bpmn-as-json.json',
  pretty({
    $type: 'bpmn:Definitions',
    id: 'Definitions_1',
    rootElements: [
      {
        $type: 'bpmn:Process',
        id: 'Process_1',
        flowElements: [
          { $type: 'bpmn:StartEvent', id: 'Start' },
          { $type: 'bpmn:Task', id: 'Task_1', name: 'Check invoice' },
        ],
      },
    ],
  }),
);
add('package-json.json', pretty({ name: 'left-pad', version: '1.3.0', main: 'index.js', license: 'WTFPL' }));
add('json-schema.json', pretty({ $schema: 'https://json-schema.org/draft/2020-12/schema', type: 'object' }));
add(
  'format-missing.json',
  edited((d) => delete d.format),
);
add(
  'format-wrong-case.json',
  edited((d) => (d.format = 'Coarchitect.Workflow')),
);
add(
  'encrypted-workspace-garbage.json',
  pretty({
    format: 'coarchitect.workspace.encrypted',
    version: 1,
    kdf: { name: 'PBKDF2' },
    ciphertext: '!!!not base64!!!',
  }),
);

// Versions.
add(
  'future-version.json',
  edited((d) => (d.version = 99)),
);
add(
  'version-zero.json',
  edited((d) => (d.version = 0)),
);
add(
  'version-string.json',
  edited((d) => (d.version = '3')),
);
add(
  'version-fraction.json',
  edited((d) => (d.version = 2.5)),
);

// Keys that reach into JavaScript's object machinery, and repeated keys.
add('proto-key-top.json', valid.replace('{\n', '{\n  "__proto__": { "polluted": true },\n'));
add(
  'proto-key-in-step.json',
  valid.replace('"type": "start"', '"type": "start", "__proto__": { "isAdmin": true }'),
);
add(
  'constructor-key.json',
  valid.replace('"generator"', '"constructor": { "prototype": { "polluted": true } },\n  "generator"'),
);
add('prototype-key-in-role.json', valid.replace(/"headcount"/, '"prototype": {}, "headcount"'));
add(
  'duplicate-keys.json',
  valid.replace(/"volumePerWeek": ([\d.]+)/, '"volumePerWeek": $1, "volumePerWeek": 100000000'),
);

// Deep nesting.
add('deep-arrays-10000.json', `${'['.repeat(10000)}${']'.repeat(10000)}`);
add('deep-objects-500.json', `${'{"a":'.repeat(500)}1${'}'.repeat(500)}`);
add('list-200k-items.json', valid.replace('"steps": [', `"steps": [${'1,'.repeat(200_000)}`));
add('deep-in-notes.json', valid.replace(/"notes": "[^"]*"/, `"notes": ${'['.repeat(200)}${']'.repeat(200)}`));

// Numbers out of their domain.
add(
  'volume-1e308.json',
  edited((d) => (d.workflow.volumePerWeek = 1e308)),
);
add(
  'headcount-1e16.json',
  edited((d) => (d.roles[0].headcount = 1e16)),
);
add(
  'headcount-denormal.json',
  edited((d) => (d.roles[0].headcount = 5e-324)),
);
add(
  'cost-negative.json',
  edited((d) => (d.roles[0].costPerHour = -38)),
);
add(
  'position-1e308.json',
  edited((d) => (d.workflow.steps[1].position = { x: 1e308, y: -1e308 })),
);
add(
  'duration-min-above-max.json',
  edited((d) => (firstOf(d, 'task').duration = { min: 90, likely: 30, max: 10 })),
);
add(
  'rejection-rate-above-1.json',
  edited((d) => (firstOf(d, 'review').rejectionRate = 1.5)),
);
add(
  'branch-probabilities-sum-70.json',
  edited((d) => {
    const decision = firstOf(d, 'decision');
    const out = d.workflow.edges.filter((e) => e.source === decision?.id);
    out.forEach((e, i) => (e.probability = i === 0 ? 0.5 : 0.2 / Math.max(1, out.length - 1)));
  }),
);
add(
  'probability-negative.json',
  edited((d) => {
    const decision = firstOf(d, 'decision');
    const edge = d.workflow.edges.find((e) => e.source === decision?.id);
    if (edge) edge.probability = -0.5;
  }),
);

// Wrong types.
add(
  'steps-is-object.json',
  edited((d) => (d.workflow.steps = { 0: d.workflow.steps[0] })),
);
add(
  'name-is-number.json',
  edited((d) => (d.workflow.name = 12345)),
);
add(
  'numbers-as-strings.json',
  edited((d) => {
    d.workflow.volumePerWeek = String(d.workflow.volumePerWeek);
    for (const r of d.roles) r.headcount = String(r.headcount);
  }),
);
add(
  'workflow-missing.json',
  edited((d) => delete d.workflow),
);
add(
  'unknown-step-type.json',
  edited((d) => (d.workflow.steps[1].type = 'subprocess')),
);
add(
  'exported-at-not-a-date.json',
  edited((d) => (d.exportedAt = 'yesterday')),
);

// Graph: dangling and duplicate ids.
add(
  'dangling-edge-target.json',
  edited((d) => (d.workflow.edges[0].target = 'step-that-does-not-exist')),
);
add(
  'dangling-role.json',
  edited((d) => (firstOf(d, 'task').roleId = 'role-that-does-not-exist')),
);
add(
  'dangling-rework-target.json',
  edited((d) => (firstOf(d, 'review').reworkTargetId = 'nowhere')),
);
add(
  'duplicate-step-ids.json',
  edited((d) => (d.workflow.steps[2].id = d.workflow.steps[1].id)),
);
add(
  'duplicate-edge-ids.json',
  edited((d) => (d.workflow.edges[1].id = d.workflow.edges[0].id)),
);
add(
  'duplicate-role-ids.json',
  edited((d) => (d.roles[1].id = d.roles[0].id)),
);
add(
  'duplicate-workflow-ids.json',
  (() => {
    const ws = load('full');
    ws.workflows[1].id = ws.workflows[0].id;
    return pretty(ws);
  })(),
);
add(
  'many-problems.json',
  edited((d) => {
    const review = firstOf(d, 'review');
    d.workflow.steps = Array.from({ length: 400 }, (_, i) => ({
      ...clone(review),
      id: `r-${i}`,
      rejectionRate: 2,
    }));
  }),
);

// Strings: huge, invisible, reordering, markup (the valid ones must import as they are).
add(
  'name-900k-characters.json',
  edited((d) => (d.workflow.name = 'A'.repeat(900_000))),
);
add('bom-then-valid.json', `\ufeff${valid}`);
add(
  'rtl-override-names.json',
  edited((d) => {
    d.workflow.name = '\u202eevil.exe\u202c txt';
    for (const s of d.workflow.steps) s.name = `\u2067${s.name}\u2069 مرحبا`;
  }),
);
add(
  'zero-width-ids.json',
  edited((d) => (d.workflow.steps[2].id = `${d.workflow.steps[1].id}\u200b`)),
);
add(
  'markup-in-names.json',
  edited((d) => {
    d.workflow.name = '<img src=x onerror=alert(1)>';
    d.roles[0].name = '"><script>alert(document.cookie)</script>';
    d.workflow.steps[1].notes = '[click](javascript:alert(1))';
  }),
);
add(
  'lone-surrogate.json',
  edited((d) => (d.workflow.name = 'broken \ud800 pair')),
);
add(
  'emoji-and-combining.json',
  edited((d) => (d.workflow.name = 'Z̸̢͍a̵l̴g̶o 👩🏽‍💻🇪🇺')),
);
add(
  'extra-unknown-fields.json',
  edited((d) => {
    d.extra = { nested: [1, 2, 3] };
    d.workflow.steps[1].color = 'red';
  }),
);
add('workspace-valid.json', workspace);

rmSync(dir, { recursive: true, force: true });
mkdirSync(dir, { recursive: true });
for (const [name, content] of files) writeFileSync(dir + name, content);
// Bytes that are not UTF-8 at all (an encoding the app refuses before reading).
writeFileSync(
  `${dir}invalid-utf8.json`,
  Buffer.concat([
    Buffer.from(valid.slice(0, 40)),
    Buffer.from([0xff, 0xfe, 0xc3, 0x28]),
    Buffer.from(valid.slice(40)),
  ]),
);
writeFileSync(
  `${dir}utf16-le.json`,
  Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(valid, 'utf16le')]),
);
console.log(`Wrote ${files.size + 2} files to test/fixtures/hostile/.`);
