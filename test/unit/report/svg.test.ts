// @vitest-environment jsdom
/**
 * The SVG renderer: golden files of both examples (as-is with load heat, to-be plain), and the SVG parsed
 * back holds no script, no external reference, and hostile labels only as escaped text.
 * Regenerate the golden files with UPDATE_GOLDEN=1.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { analyzeWorkflow } from '../../../shared/analysis';
import { customerSupportExample } from '../../../shared/examples/customerSupport';
import { invoiceProcessingExample } from '../../../shared/examples/invoiceProcessing';
import type { Workflow, Workspace } from '../../../shared/model/schema';
import { completeSteps, noLearningPlan } from '../../../shared/model/schema';
import { renderWorkflowSvg, wrapText } from '../../../shared/report/svg';
import { escapeXml, visibleText } from '../../../shared/report/escape';

const GOLDEN = 'test/unit/report/golden';

/** Normalised: line endings, trailing spaces. */
const normalise = (svg: string) =>
  svg
    .replace(/\r\n/g, '\n')
    .split('\n')
    .map((l) => l.trimEnd())
    .join('\n');

function golden(name: string, svg: string) {
  const path = `${GOLDEN}/${name}.svg`;
  if (process.env.UPDATE_GOLDEN || !existsSync(path)) {
    mkdirSync(GOLDEN, { recursive: true });
    writeFileSync(path, svg);
  }
  expect(normalise(svg)).toBe(normalise(readFileSync(path, 'utf8')));
}

function render(ws: Workspace, wf: Workflow, heat: boolean) {
  const analysis = analyzeWorkflow(wf, ws.roles);
  if (!analysis.ok) throw new Error(analysis.error.message);
  return renderWorkflowSvg(wf, { roles: ws.roles, analysis, heat: heat ? 'load' : null });
}

function parse(svg: string): Document {
  const doc = new DOMParser().parseFromString(svg, 'image/svg+xml');
  expect(doc.getElementsByTagName('parsererror')).toHaveLength(0);
  return doc;
}

function assertSafe(doc: Document) {
  const all = Array.from(doc.getElementsByTagName('*'));
  expect(
    all.filter((e) =>
      ['script', 'foreignObject', 'image', 'use', 'a', 'iframe', 'style'].includes(e.localName),
    ),
  ).toEqual([]);
  for (const el of all) {
    for (const attr of Array.from(el.attributes)) {
      expect(attr.name.startsWith('on'), `${el.localName} ${attr.name}`).toBe(false);
      if (attr.name === 'href' || attr.name === 'xlink:href') throw new Error('no links');
      // Only internal references (markers) are allowed.
      const urls = attr.value.match(/url\(([^)]*)\)/g) ?? [];
      for (const u of urls) expect(u).toMatch(/^url\(#[\w-]+\)$/);
      if (attr.name !== 'xmlns') expect(attr.value).not.toMatch(/https?:|javascript:|data:/i);
    }
  }
}

describe('renderWorkflowSvg', () => {
  const examples = [
    ['customer-support', customerSupportExample()],
    ['invoice-processing', invoiceProcessingExample()],
  ] as const;

  describe.each(examples)('%s', (name, ws) => {
    const asIs = ws.workflows.find((w) => w.kind === 'as-is')!;
    const toBe = ws.workflows.find((w) => w.kind === 'to-be')!;

    it('matches the golden files (as-is with load heat, to-be)', () => {
      golden(`${name}-as-is`, render(ws, asIs, true).svg);
      golden(`${name}-to-be`, render(ws, toBe, false).svg);
    });

    it('is deterministic and safe', () => {
      const a = render(ws, toBe, true);
      expect(render(ws, toBe, true).svg).toBe(a.svg);
      assertSafe(parse(a.svg));
      expect(a.svg).not.toMatch(/NaN|Infinity|undefined/);
    });

    it('draws every step with its name and mode label', () => {
      const doc = parse(render(ws, toBe, false).svg);
      const steps = doc.querySelectorAll('g.step');
      expect(steps).toHaveLength(toBe.steps.length);
      const text = doc.documentElement.textContent ?? '';
      expect(text).toContain('AI-automated');
      expect(text).toContain('Human review');
    });
  });

  it('shows the load figures on the as-is (hand-checked against the analysis)', () => {
    const ws = customerSupportExample();
    const asIs = ws.workflows.find((w) => w.kind === 'as-is')!;
    const analysis = analyzeWorkflow(asIs, ws.roles);
    if (!analysis.ok) throw new Error('analysis failed');
    const draft = analysis.steps.find((s) => s.name === 'Draft reply')!;
    const svg = render(ws, asIs, true).svg;
    expect(svg).toContain(`${draft.hoursPerWeek.toFixed(1)} h/week`);
    expect(svg).toContain('Constraint');
  });

  it('escapes hostile labels: markup, script and right-to-left overrides stay plain text', () => {
    const hostile = '<script>alert(1)</script> & "x" \u202Egnp.exe';
    const wf: Workflow = {
      id: 'wf',
      name: '<img src=x onerror=alert(1)>',
      description: '',
      kind: 'as-is',
      redesignOfId: null,
      volumePerWeek: 10,
      steps: completeSteps([
        { id: 's', type: 'start', name: 'Start', position: { x: 0, y: 0 } },
        {
          id: 't',
          type: 'task',
          name: hostile,
          mode: 'human',
          duration: { min: 1, likely: 2, max: 3 },
          position: { x: 260, y: 0 },
        },
        { id: 'e', type: 'end', name: '</svg><svg onload=alert(1)>', position: { x: 520, y: 0 } },
      ]),
      edges: [
        { id: 'e1', source: 's', target: 't', label: '<b>go</b>', probability: null },
        { id: 'e2', source: 't', target: 'e', label: '', probability: null },
      ],
      ...noLearningPlan(),
      createdAt: '2026-11-01T09:00:00.000Z',
      updatedAt: '2026-11-01T09:00:00.000Z',
    };
    const { svg } = renderWorkflowSvg(wf, { title: wf.name });
    const doc = parse(svg);
    assertSafe(doc);
    expect(doc.getElementsByTagName('script')).toHaveLength(0);
    expect(doc.getElementsByTagName('img')).toHaveLength(0);
    expect(doc.getElementsByTagName('b')).toHaveLength(0);
    const text = doc.documentElement.textContent ?? '';
    expect(text).toContain('<script>alert(1)</script>');
    expect(text).toContain('<b>go</b>');
    expect(text).not.toContain('\u202E');
    expect(text).toContain('⟨U+202E⟩');
  });

  it('says so for an empty workflow', () => {
    const wf: Workflow = {
      ...customerSupportExample().workflows[0]!,
      steps: [],
      edges: [],
    };
    expect(renderWorkflowSvg(wf).svg).toContain('This workflow has no steps yet.');
  });

  it('wraps long names into two lines with an ellipsis', () => {
    expect(wrapText('one two three four five six seven eight nine ten eleven', 80, 2)).toEqual([
      'one two',
      'three fou…',
    ]);
    expect(wrapText('short', 180, 2)).toEqual(['short']);
  });

  it('escapes and shows control characters visibly', () => {
    expect(escapeXml(`a<b>&"'`)).toBe('a&lt;b&gt;&amp;&quot;&#39;');
    expect(visibleText('x\u202Ey\u0007')).toBe('x⟨U+202E⟩y⟨U+0007⟩');
  });
});
