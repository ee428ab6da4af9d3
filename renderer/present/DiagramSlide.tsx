/**
 * A flow on a slide: the shared SVG renderer's picture (the same as the exports), fitted to the slide with a
 * minimum on-screen text size. When the whole flow would be too small to read, the part around the
 * constraint is shown and the slide says so; Walk the flow zooms to one step of the main path at a time and
 * shows its figures beside it.
 */
import { useLayoutEffect, useMemo, useRef, useState } from 'react';
import type { WorkflowAnalysis } from '../../shared/analysis';
import { formatMinutes, formatPercent } from '../../shared/analysis/numbers';
import type { Role, Skill, Step, Workflow } from '../../shared/model/schema';
import { MODE_LABELS, renderWorkflowSvg } from '../../shared/report/svg';
import { fitDiagram, unionOf, viewBoxText, zoomTo } from './fit';

export interface DiagramSlideProps {
  workflow: Workflow;
  roles: readonly Role[];
  analysis: WorkflowAnalysis | null;
  heat: 'load' | null;
  /** The stops of Walk the flow and the current one (null: not walking). */
  stops: readonly Step[];
  walk: number | null;
  skills: ReadonlyMap<string, Skill>;
}

/** The smallest on-screen text, in CSS pixels: about 9 px at 1080 lines, never below 8. */
const minTextPx = (viewportHeight: number) => Math.max(8, viewportHeight / 120);

function useSize<T extends HTMLElement>() {
  const ref = useRef<T>(null);
  const [size, setSize] = useState({ width: 0, height: 0 });
  useLayoutEffect(() => {
    const element = ref.current;
    if (!element) return;
    const measure = () => setSize({ width: element.clientWidth, height: element.clientHeight });
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(element);
    return () => observer.disconnect();
  }, []);
  return [ref, size] as const;
}

export function DiagramSlide({ workflow, roles, analysis, heat, stops, walk, skills }: DiagramSlideProps) {
  const diagram = useMemo(
    () => renderWorkflowSvg(workflow, { roles, analysis, heat }),
    [workflow, roles, analysis, heat],
  );
  const [areaRef, area] = useSize<HTMLDivElement>();
  const holder = useRef<HTMLDivElement>(null);
  const stop = walk === null ? null : (stops[walk] ?? null);
  const constraintRoleId = analysis?.bottleneck?.roleId ?? null;
  const fit = useMemo(() => {
    const min = minTextPx(typeof window === 'undefined' ? 1080 : window.innerHeight);
    const box = stop ? diagram.boxes.get(stop.id) : undefined;
    if (box) return zoomTo(box, diagram, area, min);
    const constraintBoxes = workflow.steps.flatMap((s) =>
      (s.type === 'task' || s.type === 'review') && s.roleId === constraintRoleId
        ? [diagram.boxes.get(s.id)!].filter(Boolean)
        : [],
    );
    return fitDiagram({ diagram, area, minTextPx: min, focus: unionOf(constraintBoxes) });
  }, [diagram, area, stop, workflow, constraintRoleId]);

  // The picture is our own escaped SVG (no scripts, no external references); its view box is set in place
  // so a walk step or a resize does not re-parse it.
  const markup = useMemo(() => ({ __html: diagram.svg }), [diagram]);
  useLayoutEffect(() => {
    const svg = holder.current?.querySelector('svg');
    if (!svg) return;
    svg.setAttribute('viewBox', viewBoxText(fit.viewBox));
    svg.setAttribute('width', '100%');
    svg.setAttribute('height', '100%');
    svg.querySelectorAll('.walk-current').forEach((g) => g.classList.remove('walk-current'));
    if (stop) svg.querySelector(`[data-step-id="${CSS.escape(stop.id)}"]`)?.classList.add('walk-current');
  }, [fit, stop, markup]);

  const figures = stop ? analysis?.steps.find((s) => s.id === stop.id) : undefined;
  const role = figures?.roleId ? analysis?.roles.find((r) => r.id === figures.roleId) : undefined;
  const roleName = (id: string | null) => roles.find((r) => r.id === id)?.name ?? 'no role';
  return (
    <div className="slide-diagram">
      <div className="slide-diagram-area" ref={areaRef}>
        <div className="slide-diagram-picture" ref={holder} dangerouslySetInnerHTML={markup} />
      </div>
      {stop ? (
        <aside className="walk-card" aria-label={`Step ${walk! + 1} of ${stops.length}`}>
          <h3>{stop.name}</h3>
          <dl>
            <dt>Mode</dt>
            <dd>{stop.type === 'task' ? MODE_LABELS[stop.mode] : 'Human review'}</dd>
            <dt>Role</dt>
            <dd>
              {stop.type === 'task' && stop.mode === 'ai-automated'
                ? 'AI (no person)'
                : roleName((stop as { roleId?: string | null }).roleId ?? null)}
            </dd>
            <dt>Time</dt>
            <dd>{figures ? `${formatMinutes(figures.meanMinutes)} min per visit` : 'n/a'}</dd>
            <dt>Wait</dt>
            <dd>
              {figures?.waitMinutes === null || figures?.waitMinutes === undefined
                ? 'none'
                : `${formatMinutes(figures.waitMinutes)} min`}
            </dd>
            <dt>Utilization of its role</dt>
            <dd>{role ? formatPercent(role.utilization) : 'n/a'}</dd>
            {(stop.type === 'task' || stop.type === 'review') && stop.skills.length > 0 && (
              <>
                <dt>Skills</dt>
                <dd>
                  {stop.skills
                    .slice(0, 3)
                    .map((s) => `${skills.get(s.skillId)?.name ?? s.skillId} (${s.level})`)
                    .join(', ')}
                  {stop.skills.length > 3 ? ` and ${stop.skills.length - 3} more` : ''}
                </dd>
              </>
            )}
          </dl>
        </aside>
      ) : (
        fit.cropped && (
          <p className="slide-note">
            {constraintRoleId
              ? `The whole flow is too large to read at this size: showing the part around the constraint (${roleName(constraintRoleId)}). Press F to walk the flow step by step.`
              : 'The whole flow is too large to read at this size: showing its middle. Press F to walk the flow step by step.'}
          </p>
        )
      )}
    </div>
  );
}

/** The figures of a walk stop in one sentence, for the live region. */
export function walkAnnouncement(
  stop: Step,
  index: number,
  count: number,
  analysis: WorkflowAnalysis | null,
  roles: readonly Role[],
): string {
  const figures = analysis?.steps.find((s) => s.id === stop.id);
  const role = figures?.roleId ? analysis?.roles.find((r) => r.id === figures.roleId) : undefined;
  const mode = stop.type === 'task' ? MODE_LABELS[stop.mode] : 'Human review';
  const parts = [`Step ${index + 1} of ${count}: ${stop.name}`, mode];
  if (role) parts.push(roles.find((r) => r.id === role.id)?.name ?? role.name);
  if (figures) parts.push(`${formatMinutes(figures.meanMinutes)} min`);
  if (role) parts.push(`utilization ${formatPercent(role.utilization)}`);
  return parts.join(', ');
}
