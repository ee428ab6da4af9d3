/**
 * The report as HTML text, pure: the analysis sections (figures, steps and roles tables, the problems that
 * stop an analysis, an empty workflow said so, formulas and credits) that the in-app report appends after its
 * slides, and the whole stand-alone report document that the export CLI writes (and prints to PDF). Every
 * label is escaped; the document holds no script and no external reference; numbers are formatted as the
 * analysis's text report formats them, so the printed figures equal `npm run analyze`.
 */
import type { WorkflowAnalysis } from '../analysis/analyze';
import { formatInteger, formatMinutes, formatMoney, formatNumber, formatPercent } from '../analysis/numbers';
import type { Role, Skill, Workflow } from '../model/schema';
import { validateWorkflow } from '../model/validate';
import { ONTOLOGY_SOURCES } from '../ontology';
import type { GeneratedStory, Slide } from '../story/generate';
import { visibleSlides } from '../story/generate';
import { escapeXml } from './escape';
import { renderWorkflowSvg } from './svg';
import { pageTiles, tiledDiagramHtml } from './tiles';

export type PaperSize = 'A4' | 'Letter';

/** The printable area of a landscape page with 12 mm side margins and 16 mm at the bottom (the footer), CSS px. */
export const PAGE_BOX: Record<PaperSize, { width: number; height: number }> = {
  // 297 − 24 mm by 210 − 28 mm at 96 px per inch.
  A4: { width: 1031, height: 687 },
  // 279.4 − 24 mm by 215.9 − 28 mm.
  Letter: { width: 965, height: 710 },
};
/** 6 pt in CSS pixels: no diagram text is printed smaller. */
export const MIN_PRINT_TEXT_PX = 8;
/** Room a page keeps for its heading and a tile's caption. */
const HEADING_ROOM_PX = 90;

const esc = escapeXml;
const hours = (h: number) => (Math.abs(h) >= 1000 ? formatInteger(h) : (Math.round(h * 10) / 10).toFixed(1));
const minutes = (m: number | null) => (m === null ? 'unbounded' : formatMinutes(m));

/** A CSS string literal: quotes, backslashes and line breaks escaped (the footer's workflow name). */
export function cssString(text: string): string {
  return `"${text.replace(/[\\"]/g, (c) => `\\${c}`).replace(/[\n\r\f]/g, ' ')}"`;
}

/**
 * The print rules: page size and orientation, and the running footer (workflow name and date on the left,
 * "Page X of Y" on the right) in the page's margin boxes, which Chromium's print engine fills in.
 */
export function pageCss(workflowName: string, date: string, paper: PaperSize = 'A4'): string {
  return `@page {
  size: ${paper} landscape;
  margin: 12mm 12mm 16mm;
  @bottom-left { content: ${cssString(`${workflowName} · ${date}`)}; font: 9pt system-ui, sans-serif; color: #3d3d3d; }
  @bottom-right { content: "Page " counter(page) " of " counter(pages); font: 9pt system-ui, sans-serif; color: #3d3d3d; }
}`;
}

function table(caption: string, header: readonly string[], rows: readonly (readonly string[])[]): string {
  const head = header.map((h, i) => `<th scope="col"${i > 0 ? ' class="num"' : ''}>${esc(h)}</th>`).join('');
  const body = rows
    .map(
      (r) =>
        `<tr>${r.map((c, i) => (i === 0 ? `<th scope="row">${esc(c)}</th>` : `<td class="num">${esc(c)}</td>`)).join('')}</tr>`,
    )
    .join('\n');
  return `<table class="report-table"><caption>${esc(caption)}</caption><thead><tr>${head}</tr></thead><tbody>\n${body}\n</tbody></table>`;
}

/** The analysis's summary lines, as `formatTextReport` words them. */
function summaryList(analysis: WorkflowAnalysis): string {
  const b = analysis.bottleneck;
  const roleName = (id: string) => analysis.roles.find((r) => r.id === id)?.name ?? id;
  const ct = analysis.cycleTimeMinutes;
  const c = analysis.costPerCase;
  const items = [
    ['Volume', `${formatInteger(analysis.volumePerWeek)} cases/week`],
    [
      'Bottleneck',
      b
        ? `${roleName(b.roleId)} at ${formatPercent(b.utilization)} utilization`
        : 'none (no person works on this workflow)',
    ],
    [
      'Capacity',
      analysis.maxVolumePerWeek === null || !b
        ? 'not limited by any role'
        : `${formatInteger(Math.floor(analysis.maxVolumePerWeek))} cases/week before ${roleName(b.roleId)} reaches 100%`,
    ],
    [
      'Cycle time',
      ct.total === null
        ? `unbounded (a queue is over capacity); ${formatMinutes(ct.processing)} min processing per case`
        : `${formatMinutes(ct.total)} min per case (${formatMinutes(ct.processing)} processing + ${formatMinutes(ct.waiting ?? 0)} waiting, in working minutes)`,
    ],
    ['Cost per case', `${formatMoney(c.total)} (people ${formatMoney(c.people)}, AI ${formatMoney(c.ai)})`],
  ];
  return `<dl class="report-summary">${items.map(([k, v]) => `<dt>${esc(k!)}</dt><dd>${esc(v!)}</dd>`).join('')}</dl>`;
}

export interface WorkflowSectionInput {
  workflow: Workflow | null;
  /** "As-is" or "To-be". */
  what: string;
  analysis: WorkflowAnalysis | null;
  roles: readonly Role[];
  skills: ReadonlyMap<string, Skill>;
}

/**
 * One workflow's figures: the summary, the roles and steps tables; or, when it has no steps, a sentence
 * saying so; or, when it has problems that stop the analysis, the list of those problems instead of figures.
 */
export function workflowFiguresHtml(input: WorkflowSectionInput): string {
  const { workflow, what, analysis } = input;
  if (!workflow) return '';
  const heading = `<h2 class="report-section-title">${esc(`${what} figures: ${workflow.name}`)}</h2>`;
  if (workflow.steps.length === 0) {
    return `<section class="report-page report-analysis" aria-label="${esc(`${what} figures`)}">${heading}<p class="report-empty">This workflow is empty: it has no steps yet, so there are no figures to report.</p></section>`;
  }
  const problems = validateWorkflow(workflow, { roles: input.roles, skills: input.skills });
  const errors = problems.filter((p) => p.severity === 'error');
  if (!analysis || errors.length > 0) {
    const list = (errors.length > 0 ? errors : problems)
      .map((p) => {
        const step = p.stepId ? workflow.steps.find((s) => s.id === p.stepId)?.name : undefined;
        return `<li>${step ? `<strong>${esc(step)}</strong>: ` : ''}${esc(p.message)}</li>`;
      })
      .join('\n');
    return `<section class="report-page report-analysis" aria-label="${esc(`${what} figures`)}">${heading}<p class="report-problems-lead">The figures cannot be computed until these problems are fixed:</p><ul class="report-problems">${list || '<li>The analysis failed.</li>'}</ul></section>`;
  }
  const roles = table(
    'Utilization per role',
    ['Role', 'People', 'Load h/wk', 'Capacity h/wk', 'Utilization', 'Wait min'],
    analysis.roles.map((r) => [
      r.name,
      formatNumber(r.headcount),
      hours(r.loadHoursPerWeek),
      hours(r.capacityHoursPerWeek),
      formatPercent(r.utilization),
      minutes(r.waitMinutes),
    ]),
  );
  const names = new Map(workflow.steps.map((s) => [s.id, s.name]));
  const steps = table(
    'Steps',
    ['Step', 'Visits per case', 'Mean min', 'Person-h/wk', 'Wait min', 'Cost per case'],
    analysis.steps.map((s) => [
      names.get(s.id) ?? s.name,
      formatNumber(s.visits),
      formatMinutes(s.meanMinutes),
      hours(s.hoursPerWeek),
      minutes(s.waitMinutes),
      formatMoney(s.costPerCase),
    ]),
  );
  return `<section class="report-page report-analysis" aria-label="${esc(`${what} figures`)}">${heading}${summaryList(analysis)}${roles}${steps}</section>`;
}

/** How the figures are computed, in one place for the reader of a handout. */
export const FORMULAS_HTML = `<section class="report-page report-formulas" aria-label="Formulas and sources">
<h2 class="report-section-title">Formulas, assumptions and sources</h2>
<ul>
<li><strong>Load</strong> per role = Σ volume × visits × mean minutes ÷ 60 over its steps (PERT mean of minimum, most likely and maximum).</li>
<li><strong>Utilization</strong> = load ÷ (headcount × hours per person per week); the <strong>constraint</strong> is the role with the highest utilization.</li>
<li><strong>Capacity</strong> = the weekly volume at which the constraint reaches 100%.</li>
<li><strong>Waiting</strong> per step: a multi-server queue (Erlang C with the work mix's variability); <strong>cycle time</strong> = processing + waiting, in working minutes.</li>
<li><strong>Cost per case</strong> = Σ visits × mean minutes ÷ 60 × cost per hour, plus AI cost per run.</li>
<li>Rework: a review that rejects a share r of the work sends it back, so the steps in its loop are visited 1 ÷ (1 − r) times.</li>
</ul>
<h3>Data sources</h3>
<ul>${ONTOLOGY_SOURCES.map((s) => `<li>${esc(s.attribution)}</li>`).join('')}</ul>
</section>`;

/** The analysis sections of a story's report, appended after its slides. */
export function analysisSectionsHtml(input: {
  generated: GeneratedStory;
  asIs: Workflow | null;
  toBe: Workflow | null;
  roles: readonly Role[];
  skills: ReadonlyMap<string, Skill>;
}): string {
  const { generated, asIs, toBe, roles, skills } = input;
  return [
    workflowFiguresHtml({ workflow: asIs, what: 'As-is', analysis: generated.asIsAnalysis, roles, skills }),
    workflowFiguresHtml({ workflow: toBe, what: 'To-be', analysis: generated.toBeAnalysis, roles, skills }),
    FORMULAS_HTML,
  ].join('\n');
}

/** A flow diagram tiled for the page box (its heading takes HEADING_ROOM_PX). */
export function reportDiagramHtml(
  workflow: Workflow,
  options: {
    prefix: string;
    roles: readonly Role[];
    analysis: WorkflowAnalysis | null;
    heat: 'load' | null;
    paper?: PaperSize;
  },
): string {
  const diagram = renderWorkflowSvg(workflow, {
    roles: options.roles,
    analysis: options.analysis,
    heat: options.heat,
    title: workflow.name,
  });
  const box = PAGE_BOX[options.paper ?? 'A4'];
  const grid = pageTiles(
    diagram,
    { width: box.width, height: box.height - HEADING_ROOM_PX },
    MIN_PRINT_TEXT_PX,
  );
  return tiledDiagramHtml(diagram, options.prefix, grid, workflow.name, esc);
}

/** One slide of the story as report HTML (the CLI's report; the app renders slides with React). */
function slideHtml(slide: Slide, input: FullReportInput): string {
  const c = slide.content;
  const parts: string[] = [];
  const heading = c?.kind === 'title' ? c.workflowName : slide.title;
  if (c) {
    switch (c.kind) {
      case 'title':
        parts.push(
          `<p class="report-lead">${esc(`${formatInteger(c.volumePerWeek)} cases a week · ${c.date}`)}</p>`,
          c.team.length > 0 ? `<p>${esc(`Team: ${c.team.join(', ')}`)}</p>` : '',
        );
        break;
      case 'as-is':
      case 'to-be': {
        const wf = c.kind === 'as-is' ? input.asIs : input.toBe;
        const analysis = c.kind === 'as-is' ? input.generated.asIsAnalysis : input.generated.toBeAnalysis;
        if (c.kind === 'as-is' && c.constraint)
          parts.push(
            `<p class="report-lead">${esc(`The constraint is ${c.constraint}, outlined in orange; steps are tinted by person-hours a week.`)}</p>`,
          );
        if (c.kind === 'to-be')
          parts.push(
            `<p class="report-lead">${esc(`${c.modes.human} human, ${c.modes['ai-assisted']} AI-assisted and ${c.modes['ai-automated']} AI-automated tasks, ${c.modes.reviews} human reviews.`)}</p>`,
          );
        if (wf)
          parts.push(
            reportDiagramHtml(wf, {
              prefix: c.kind,
              roles: input.roles,
              analysis,
              heat: c.kind === 'as-is' ? 'load' : null,
              ...(input.paper ? { paper: input.paper } : {}),
            }),
          );
        break;
      }
      case 'bottleneck':
        parts.push(
          `<p class="report-lead">${esc(c.summary)}</p>`,
          table(
            'Utilization per role, as-is and to-be',
            ['Role', 'As-is', 'To-be'],
            c.bars.map((b) => [
              `${b.role}${b.constraintAsIs || b.constraintToBe ? ' (constraint)' : ''}`,
              formatPercent(b.asIs),
              formatPercent(b.toBe),
            ]),
          ),
        );
        break;
      case 'figures':
        parts.push(
          table(
            'Figures, as-is and to-be',
            ['Figure', 'As-is', 'To-be', 'Change'],
            c.figures.map((f) => [f.label, f.asIs ?? '—', f.toBe ?? '—', f.change ?? '—']),
          ),
        );
        break;
      case 'skills':
        parts.push(
          `<p class="report-lead">${esc(c.summary)}</p>`,
          table(
            'Skills the redesign asks for',
            ['Skill', 'Role', 'Change', 'Level', 'Gap', 'Plan'],
            c.lines.map((l) => [
              l.skill,
              l.role,
              l.flag,
              String(l.toBeLevel),
              l.gapLevels === null ? '—' : String(l.gapLevels),
              l.plan,
            ]),
          ),
          c.more > 0 ? `<p>${esc(`… and ${c.more} more.`)}</p>` : '',
        );
        break;
      case 'learning':
        parts.push(
          `<p class="report-lead">${esc(c.summary)}</p>`,
          table(
            'Learning projection',
            ['Week', 'Cycle time min', 'Constraint utilization'],
            c.points
              .filter((p, i) => i === 0 || i === c.points.length - 1 || p.week % 4 === 0)
              .map((p) => [
                String(p.week),
                p.cycleTime === null ? 'unbounded' : formatMinutes(p.cycleTime),
                formatPercent(p.constraintUtilization),
              ]),
          ),
        );
        break;
      case 'next-steps':
        parts.push(`<ol>${c.steps.map((s) => `<li>${esc(s)}</li>`).join('')}</ol>`);
        break;
      case 'decisions':
        parts.push(
          `<ol>${c.decisions
            .map(
              (d) =>
                `<li><strong>${esc(d.title)}</strong>${d.decision ? `: ${esc(d.decision)}` : ''}` +
                (d.rationale ? `<br>Why: ${esc(d.rationale)}` : '') +
                `<br>Decided by ${esc(d.decidedBy)} on ${esc(d.date)}</li>`,
            )
            .join('')}</ol>`,
        );
        break;
    }
  }
  if (slide.missing) parts.push(`<p class="report-missing">${esc(slide.missing)}</p>`);
  return `<section class="report-page" aria-label="${esc(slide.title)}"><h2 class="report-section-title">${esc(heading)}</h2>${parts.join('\n')}</section>`;
}

export interface FullReportInput {
  generated: GeneratedStory;
  asIs: Workflow | null;
  toBe: Workflow | null;
  roles: readonly Role[];
  skills: ReadonlyMap<string, Skill>;
  /** Printed in the footer, YYYY-MM-DD. */
  date: string;
  paper?: PaperSize;
}

/** Screen and print styles of the stand-alone report (no remote fonts: the system's sans-serif). */
const REPORT_CSS = `
body { margin: 0; font: 11pt/1.35 system-ui, 'Segoe UI', Roboto, Helvetica, Arial, sans-serif; color: #1a1a1a; background: #fff; }
main { padding: 0; }
.report-page { break-after: page; }
.report-page:last-child { break-after: auto; }
.report-section-title { font-size: 18pt; margin: 0 0 8px; }
.report-lead { font-size: 12pt; margin: 0 0 8px; }
.report-tile { margin: 0 0 6px; break-inside: avoid; page-break-inside: avoid; }
.report-tile + .report-tile { break-before: page; }
.report-tile svg { display: block; border: 1px solid #c8cdd2; }
.report-tile-view { border: 1px solid #c8cdd2; box-sizing: border-box; -webkit-print-color-adjust: exact; print-color-adjust: exact; }
.report-tile figcaption { font-size: 9pt; color: #3d3d3d; }
.report-table { border-collapse: collapse; margin: 0 0 10px; font-size: 10pt; }
.report-table caption { text-align: left; font-weight: 700; padding: 4px 0; }
.report-table th, .report-table td { border-bottom: 1px solid #c8cdd2; padding: 3px 8px; text-align: left; }
.report-table .num { text-align: right; }
.report-table thead { display: table-header-group; }
.report-table tr { break-inside: avoid; }
.report-summary { display: grid; grid-template-columns: max-content 1fr; gap: 2px 12px; margin: 0 0 10px; }
.report-summary dt { font-weight: 700; }
.report-summary dd { margin: 0; }
.report-missing, .report-empty, .report-problems-lead { font-style: italic; }
`;

/** The whole report as one HTML document: the story's visible slides, then the analysis sections. */
export function renderReportHtml(input: FullReportInput): string {
  const subject = input.toBe ?? input.asIs;
  const name = subject?.name ?? 'Coarchitect report';
  const slides = visibleSlides(input.generated);
  const body = [...slides.map((s) => slideHtml(s, input)), analysisSectionsHtml(input)].join('\n');
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">
<title>${esc(`Report: ${name}`)}</title>
<style>${pageCss(name, input.date, input.paper)}
${REPORT_CSS}</style>
</head>
<body>
<main aria-label="${esc(`Report: ${name}`)}">
${body}
</main>
</body>
</html>
`;
}
