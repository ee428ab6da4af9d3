// Benchmarks the CHRO lens (shared/skills): demand + gap + learning plan (computeSkillsLens) for a generated
// 5,000-step workspace (an as-is and its to-be of 2,500 steps each), 60 roles and 80 skills (target ≤ 15 ms
// median), the same for a 10,000-step workspace (5,000 + 5,000, for information), and the learning projection
// with the plan, levels and coaching for the customer-support to-be example (26 weeks, target ≤ 5 ms).
// Bundles shared/ with esbuild in memory (like bench/analytic.mjs) and prints median / p95 times.
//   node bench/skills.mjs [--runs N]
import { importShared } from './support.mjs';
import { performance } from 'node:perf_hooks';

const runsArg = process.argv.indexOf('--runs');
const RUNS = Math.max(30, runsArg > 0 ? Number(process.argv[runsArg + 1]) || 0 : 50);
const WARMUP = 15;
const ROLES = 60;
const SKILLS = 80;

const {
  computeSkillsLens,
  projectLearning,
  skillIndex,
  BUILTIN_SKILLS,
  defaultLearningAssumptions,
  customerSupportExample,
} = await importShared(
  "export { computeSkillsLens } from './shared/skills/index';\n" +
    "export { projectLearning } from './shared/analysis/learning';\n" +
    "export { skillIndex, BUILTIN_SKILLS } from './shared/ontology/index';\n" +
    "export { defaultLearningAssumptions } from './shared/model/schema';\n" +
    "export { customerSupportExample } from './shared/examples/customerSupport';",
);

const skillIds = BUILTIN_SKILLS.slice(0, SKILLS).map((s) => s.id);
const customSkills = [];
for (let k = skillIds.length; k < SKILLS; k++) {
  const id = `custom.bench-${k}`;
  skillIds.push(id);
  customSkills.push({
    id,
    name: `Bench skill ${k}`,
    description: '',
    categoryId: 'custom.my-skills',
    source: 'custom',
    externalId: null,
    retired: false,
    externalRefs: [],
    hoursPerLevel: k % 2 === 0 ? 8 : null,
  });
}
const skills = skillIndex(customSkills);

// Steps are plain object literals, as JSON.parse and zod produce them in the app.
function generate(kind, shift, TARGET_STEPS) {
  const position = { x: 0, y: 0 };
  const plain = (type, id) => ({ type, id, name: id, description: '', notes: '', position });
  const steps = [plain('start', 'start')];
  const edges = [];
  let n = 0;
  const needs = (k) => [
    { skillId: skillIds[(k * 7 + shift) % SKILLS], level: 1 + ((k + shift) % 5) },
    { skillId: skillIds[(k * 13 + 3) % SKILLS], level: 1 + ((k * 3) % 4) },
    ...(k % 2 === 0 ? [{ skillId: skillIds[(k * 17 + shift * 5) % SKILLS], level: 2 + (k % 3) }] : []),
  ];
  const task = (id) => {
    const k = n++;
    const ai = k % 9 === 8;
    return {
      type: 'task',
      id,
      name: id,
      description: '',
      notes: '',
      position,
      roleId: ai ? null : `role-${(k * 7) % ROLES}`,
      duration: { min: 1 + (k % 3), likely: 3 + (k % 5), max: 8 + (k % 11) },
      skills: needs(k),
      coaching:
        kind === 'to-be' && k % 25 === 0 && !ai
          ? {
              kind: k % 50 === 0 ? 'coaching' : 'pairing',
              coachRoleId: `role-${(k + 1) % ROLES}`,
              minutesPerCase: 1,
            }
          : null,
      mode: ai ? 'ai-automated' : 'human',
      aiTool: '',
      aiCostPerRun: 0,
      aiConcurrency: null,
      learningCurve: null,
      onetTask: null,
    };
  };
  const review = (id, b, reworkTargetId) => ({
    type: 'review',
    id,
    name: id,
    description: '',
    notes: '',
    position,
    roleId: `role-${(b * 11 + 1) % ROLES}`,
    duration: { min: 2, likely: 4, max: 9 },
    skills: needs(n++),
    coaching: null,
    rejectionRate: 0.15,
    reworkTargetId,
    feedbackLoop: null,
  });
  const link = (source, target, probability = null) =>
    edges.push({ id: `e${edges.length}`, source, target, label: '', probability });
  let prev = 'start';
  const push = (step) => (steps.push(step), step.id);
  for (let b = 0; steps.length + 21 <= TARGET_STEPS; b++) {
    const ids = [];
    for (let j = 0; j < 15; j++) {
      const id = push(task(`b${b}-t${j}`));
      ids.push(id);
      link(prev, id);
      prev = id;
    }
    const d = push(plain('decision', `b${b}-d`));
    link(prev, d);
    const x = push(task(`b${b}-x`));
    const y = push(task(`b${b}-y`));
    link(d, x, 0.3);
    link(d, y, 0.7);
    const r = push(review(`b${b}-r`, b, ids[5]));
    link(x, r);
    link(y, r);
    const last = push(task(`b${b}-z`));
    link(r, last);
    prev = last;
  }
  while (steps.length < TARGET_STEPS - 1) {
    const id = push(task(`tail-${steps.length}`));
    link(prev, id);
    prev = id;
  }
  push(plain('end', 'end'));
  link(prev, 'end');
  return {
    id: `bench-${kind}`,
    name: `Benchmark ${kind}`,
    description: '',
    kind,
    redesignOfId: kind === 'to-be' ? 'bench-as-is' : null,
    volumePerWeek: 1000,
    steps,
    edges,
    learningPlan: [],
    learningAssumptions: defaultLearningAssumptions(),
    createdAt: '2026-01-01T00:00:00.000Z',
    updatedAt: '2026-01-01T00:00:00.000Z',
  };
}

const roles = Array.from({ length: ROLES }, (_, r) => ({
  id: `role-${r}`,
  name: `Role ${r}`,
  headcount: 4 + (r % 7),
  hoursPerWeek: 38,
  costPerHour: 40 + r,
  skillLevels: skillIds
    .filter((_, k) => (k + r) % 2 === 0)
    .map((skillId, k) => ({ skillId, level: (k + r) % 4, source: 'estimate', asOf: null })),
  people:
    r % 10 === 0
      ? Array.from({ length: 4 + (r % 7) }, (_, p) => ({
          id: `role-${r}-p${p}`,
          displayName: `Person ${p}`,
          levels: skillIds
            .filter((_, k) => (k + p) % 3 === 0)
            .map((skillId, k) => ({ skillId, level: (k + p) % 5 })),
        }))
      : [],
}));
const methods = ['course', 'self-study', 'weekly-retro', 'feedback-loop'];
function plan(toBe) {
  const reviews = toBe.steps.filter((s) => s.type === 'review');
  return Array.from({ length: 240 }, (_, i) => {
    const method = methods[i % methods.length];
    const rv = reviews[i % reviews.length];
    const target = toBe.steps.find((s) => s.id === rv.reworkTargetId);
    return {
      id: `plan-${i}`,
      skillId: skillIds[(i * 7) % SKILLS],
      roleId: method === 'feedback-loop' ? target.roleId : `role-${i % ROLES}`,
      fromLevel: 1,
      toLevel: 3,
      method,
      hoursPerWeek: method === 'feedback-loop' ? 0 : 0.5,
      startWeek: i % 8,
      linkedStepId: method === 'feedback-loop' ? rv.id : null,
      notes: '',
    };
  });
}
function pair(stepsEach) {
  const asIs = generate('as-is', 0, stepsEach);
  const toBe = generate('to-be', 1, stepsEach);
  toBe.learningPlan = plan(toBe);
  return { asIs, toBe, roles, skills };
}
const workspace = pair(2_500);
const size = (w) => w.asIs.steps.length + w.toBe.steps.length;

function time(fn, runs = RUNS, warmup = WARMUP) {
  for (let i = 0; i < warmup; i++) fn();
  const samples = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    fn();
    samples.push(performance.now() - t0);
  }
  samples.sort((a, b) => a - b);
  const at = (q) => samples[Math.min(samples.length - 1, Math.ceil(q * samples.length) - 1)];
  return { median: at(0.5), p95: at(0.95), min: samples[0] };
}
const fmt = (ms) => `${ms.toFixed(2)} ms`;
const line = (label, t, target) =>
  console.log(
    `${label.padEnd(60)} median ${fmt(t.median).padStart(9)}   p95 ${fmt(t.p95).padStart(9)}   min ${fmt(t.min).padStart(9)}   ${target === null ? '' : `(target ≤ ${target} ms${t.median <= target ? '' : ', MISSED'})`}`,
  );

const lens = computeSkillsLens(workspace);
if (!lens.ok) throw new Error(lens.message);
const gaps = lens.rows.filter((r) => r.gap && r.gap.totalGapLevels > 0);
const example = customerSupportExample();
const csToBe = example.workflows.find((w) => w.kind === 'to-be');
const csProjection = projectLearning(csToBe, example.roles, { weeks: 26 });
if (!csProjection.ok) throw new Error(csProjection.message);

console.log(
  `Skills lens benchmark: ${ROLES} roles, ${SKILLS} skills, ${workspace.toBe.learningPlan.length} plan items; ` +
    `${RUNS} runs after ${WARMUP} warm-up runs (Node ${process.version})`,
);
console.log(
  `  ${size(workspace)}-step workspace (as-is ${workspace.asIs.steps.length} + to-be ${workspace.toBe.steps.length}): ` +
    `${lens.rows.length} role × skill rows, ${gaps.length} with a gap (${gaps.filter((r) => r.plan?.state === 'planned').length} planned), ` +
    `${Math.round(lens.totalReskillingHours)} reskilling hours; the customer-support projection tracks ${csProjection.trackedGaps} gaps`,
);
line(
  `demand + gap + plan (computeSkillsLens), ${size(workspace)} steps`,
  time(() => computeSkillsLens(workspace)),
  15,
);
line(
  `same without why texts (explain: 'none'), ${size(workspace)} steps`,
  time(() => computeSkillsLens({ ...workspace, explain: 'none' })),
  null,
);
line(
  `projection with plan, customer-support to-be (${csToBe.steps.length} steps, 26 weeks)`,
  time(() => projectLearning(csToBe, example.roles, { weeks: 26 })),
  5,
);
// Generated only now, so that the larger heap does not weigh on the timings above.
const large = pair(5_000);
line(
  `same, ${size(large)} steps (for information)`,
  time(() => computeSkillsLens(large)),
  null,
);
