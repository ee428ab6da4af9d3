// The analysis at the worst valid headcount against headcount 1 (issue 12: "the analysis of the worst valid
// headcount ≤ 1 ms more than of headcount 1"). A 12-step workflow of one role at about 85% utilization (the
// Erlang C work grows with the offered load, so the role is loaded in proportion to its headcount), plus the
// bare Erlang C computation at 100,000 servers. Also checks that a headcount of 1e16 is refused at once.
// Bundles shared/analysis with esbuild in memory and prints medians over the runs.
//   node bench/bounds.mjs [--runs N]
import { importShared } from './support.mjs';
import { performance } from 'node:perf_hooks';

const runsArg = process.argv.indexOf('--runs');
const RUNS = Math.max(20, runsArg > 0 ? Number(process.argv[runsArg + 1]) || 0 : 200);

const { analyzeWorkflow, erlangC, MAX_HEADCOUNT } = await importShared(
  "export { analyzeWorkflow, erlangC } from './shared/analysis/index';\n" +
    "export { MAX_HEADCOUNT } from './shared/model/bounds';",
);

const STEPS = 10;
function workflow(volumePerWeek) {
  const position = { x: 0, y: 0 };
  const base = (type, id) => ({ type, id, name: id, description: '', notes: '', position });
  const steps = [base('start', 'start')];
  const edges = [];
  let prev = 'start';
  for (let i = 0; i < STEPS; i++) {
    const id = `t${i}`;
    steps.push({
      ...base('task', id),
      roleId: 'r',
      duration: { min: 2, likely: 4, max: 9 },
      skills: [],
      coaching: null,
      mode: 'human',
      aiTool: '',
      aiCostPerRun: 0,
      aiConcurrency: null,
      learningCurve: null,
      onetTask: null,
    });
    edges.push({ id: `${prev}-${id}`, source: prev, target: id, label: '', probability: null });
    prev = id;
  }
  steps.push(base('end', 'end'));
  edges.push({ id: `${prev}-end`, source: prev, target: 'end', label: '', probability: null });
  const now = '2026-01-01T00:00:00.000Z';
  return {
    id: 'w',
    name: 'Bounds bench',
    description: '',
    kind: 'as-is',
    redesignOfId: null,
    volumePerWeek,
    steps,
    edges,
    learningPlan: [],
    learningAssumptions: {
      feedbackMinutesPerRejection: 3,
      penaltyPerMissingLevel: 0.15,
      hoursPerLevelByCategory: {},
    },
    createdAt: now,
    updatedAt: now,
  };
}
const role = (headcount) => ({
  id: 'r',
  name: 'R',
  headcount,
  hoursPerWeek: 40,
  costPerHour: 50,
  skillLevels: [],
  people: [],
});

/** Cases per week that load `headcount` people at 40 h to 85% (minutes per case: 10 × PERT mean 4.5). */
const volumeFor = (headcount) => (0.85 * headcount * 40 * 60) / ((STEPS * (2 + 4 * 4 + 9)) / 6);

function median(xs) {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}
function time(fn) {
  for (let i = 0; i < 20; i++) fn();
  const t = [];
  for (let i = 0; i < RUNS; i++) {
    const t0 = performance.now();
    fn();
    t.push(performance.now() - t0);
  }
  return median(t);
}

const results = {};
for (const h of [1, 100, 10_000, MAX_HEADCOUNT]) {
  const wf = workflow(volumeFor(h));
  const roles = [role(h)];
  const r = analyzeWorkflow(wf, roles, { explain: 'summary' });
  if (!r.ok) throw new Error(`headcount ${h}: ${r.error.message}`);
  const util = r.roles[0].utilization;
  results[h] = time(() => analyzeWorkflow(wf, roles, { explain: 'summary' }));
  console.log(
    `analysis, ${STEPS + 2} steps, headcount ${h.toLocaleString('en-US')} at ${(util * 100).toFixed(0)}%: median ${results[h].toFixed(3)} ms (${RUNS} runs)`,
  );
}
const diff = results[MAX_HEADCOUNT] - results[1];
console.log(
  `worst valid headcount (${MAX_HEADCOUNT.toLocaleString('en-US')}) − headcount 1: ${diff.toFixed(3)} ms (target ≤ 1 ms) ${diff <= 1 ? 'OK' : 'OVER'}`,
);
const ec = time(() => erlangC(MAX_HEADCOUNT, 0.85 * MAX_HEADCOUNT));
console.log(`erlangC(100,000 servers, 85,000 Erlangs): median ${ec.toFixed(4)} ms`);
const hugeWf = workflow(100);
const huge = time(() => analyzeWorkflow(hugeWf, [role(1e16)], { explain: 'summary' }));
const refused = analyzeWorkflow(hugeWf, [role(1e16)]);
console.log(
  `headcount 1e16: median ${huge.toFixed(3)} ms, answer: ${refused.ok ? 'analysed (!)' : refused.error.message}`,
);
