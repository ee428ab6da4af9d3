/**
 * What one slide shows, from the generated story's content (shared/story/generate.ts). Text and tables, never
 * figures typed by hand; a slide without its data says why. Diagram slides are drawn by DiagramSlide.
 */
import type { ReactNode } from 'react';
import { formatMinutes, formatMoney, formatPercent } from '../../shared/analysis/numbers';
import type { Role } from '../../shared/model/schema';
import type { Slide, SlideContent } from '../../shared/story/generate';
import type { Story } from '../../shared/story/schema';

export interface SlideContext {
  story: Story;
  roles: readonly Role[];
  /** The diagram of a flow slide (DiagramSlide), given by the presentation. */
  diagram: (kind: 'as-is' | 'to-be') => ReactNode;
}

export function SlideBody({ slide, context }: { slide: Slide; context: SlideContext }) {
  const { content } = slide;
  return (
    <>
      {content && <Content content={content} context={context} />}
      {slide.missing && <p className="slide-missing">{slide.missing}</p>}
    </>
  );
}

function Content({ content, context }: { content: SlideContent; context: SlideContext }) {
  switch (content.kind) {
    case 'title':
      return <TitleSlide content={content} context={context} />;
    case 'as-is':
      return (
        <>
          <p className="slide-lead">
            {content.constraint
              ? `Today the constraint is ${content.constraint}, outlined in orange; steps are tinted by person-hours a week.`
              : 'Steps are tinted by person-hours a week.'}
          </p>
          {context.diagram('as-is')}
        </>
      );
    case 'to-be':
      return (
        <>
          <p className="slide-lead">
            {content.modes.human} human, {content.modes['ai-assisted']} AI-assisted and{' '}
            {content.modes['ai-automated']} AI-automated tasks, {content.modes.reviews} human review
            {content.modes.reviews === 1 ? '' : 's'}.
          </p>
          {context.diagram('to-be')}
        </>
      );
    case 'bottleneck':
      return <BottleneckSlide content={content} />;
    case 'figures':
      return (
        <table className="slide-table">
          <caption className="visually-hidden">Figures, as-is and to-be</caption>
          <thead>
            <tr>
              <th scope="col">Figure</th>
              <th scope="col">As-is</th>
              <th scope="col">To-be</th>
              <th scope="col">Change</th>
            </tr>
          </thead>
          <tbody>
            {content.figures.map((f) => (
              <tr key={f.label}>
                <th scope="row">{f.label}</th>
                <td>{f.asIs ?? '—'}</td>
                <td>{f.toBe ?? '—'}</td>
                <td>{f.change ?? '—'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      );
    case 'skills':
      return (
        <>
          <p className="slide-lead">{content.summary}</p>
          <table className="slide-table compact">
            <caption className="visually-hidden">Largest skill gaps</caption>
            <thead>
              <tr>
                <th scope="col">Role</th>
                <th scope="col">Skill</th>
                <th scope="col">Change</th>
                <th scope="col">Level needed</th>
                <th scope="col">Gap</th>
                <th scope="col">Plan</th>
              </tr>
            </thead>
            <tbody>
              {content.lines.map((l) => (
                <tr key={`${l.role}-${l.skill}`}>
                  <td>{l.role}</td>
                  <th scope="row">{l.skill}</th>
                  <td>{l.flag}</td>
                  <td>{l.toBeLevel}</td>
                  <td>{l.gapLevels === null ? '—' : l.gapLevels}</td>
                  <td>{l.plan}</td>
                </tr>
              ))}
            </tbody>
          </table>
          {content.more > 0 && (
            <p className="slide-note">and {content.more} more in the Skills &amp; learning tab</p>
          )}
        </>
      );
    case 'learning':
      return (
        <>
          <p className="slide-lead">{content.summary}</p>
          <table className="slide-table">
            <caption className="visually-hidden">Learning projection by week</caption>
            <thead>
              <tr>
                <th scope="col">Week</th>
                <th scope="col">Cycle time</th>
                <th scope="col">Constraint utilization</th>
              </tr>
            </thead>
            <tbody>
              {content.points.map((p) => (
                <tr key={p.week}>
                  <th scope="row">{p.week}</th>
                  <td>{p.cycleTime === null ? 'n/a' : `${formatMinutes(p.cycleTime)} min`}</td>
                  <td>{formatPercent(p.constraintUtilization)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      );
    case 'decisions':
      return (
        <ol className="slide-list slide-decisions">
          {content.decisions.map((d, i) => (
            <li key={i}>
              <strong>{d.title}</strong>
              {d.decision && <>: {d.decision}</>}
              {d.rationale && <p className="slide-note">Why: {d.rationale}</p>}
              <p className="slide-note">
                Decided by {d.decidedBy} on {d.date}
              </p>
            </li>
          ))}
        </ol>
      );
    case 'next-steps':
      return (
        <ol className="slide-list">
          {content.steps.map((s, i) => (
            <li key={i}>{s}</li>
          ))}
        </ol>
      );
  }
}

function TitleSlide({
  content,
  context,
}: {
  content: Extract<SlideContent, { kind: 'title' }>;
  context: SlideContext;
}) {
  const { story, roles } = context;
  // Names and costs per hour only when the story allows them: a projector is seen by everyone in the room.
  const extras = roles.flatMap((role) => {
    const parts: string[] = [];
    if (story.showNames && role.people.length > 0)
      parts.push(role.people.map((p) => p.displayName).join(', '));
    if (story.showCosts && !role.costRedacted) parts.push(`${formatMoney(role.costPerHour)} per hour`);
    return parts.length > 0 && content.team.some((t) => t.startsWith(`${role.name} (`))
      ? [`${role.name}: ${parts.join('; ')}`]
      : [];
  });
  return (
    <div className="slide-title-page">
      <p className="slide-lead">
        {content.volumePerWeek} cases a week · as of {content.date}
      </p>
      {content.team.length > 0 && (
        <>
          <h3>Team</h3>
          <ul className="slide-list inline">
            {content.team.map((t) => (
              <li key={t}>{t}</li>
            ))}
          </ul>
        </>
      )}
      {extras.length > 0 && (
        <ul className="slide-list small">
          {extras.map((e) => (
            <li key={e}>{e}</li>
          ))}
        </ul>
      )}
    </div>
  );
}

function Bar({ share, constraint, label }: { share: number | null; constraint: boolean; label: string }) {
  const width = share === null ? 0 : Math.max(0, Math.min(1, share)) * 100;
  return (
    <div className="slide-bar-row">
      <span className="slide-bar-label">{label}</span>
      <span className="slide-bar-track" aria-hidden>
        <span className={`slide-bar${constraint ? ' constraint' : ''}`} style={{ width: `${width}%` }} />
      </span>
      <span className="slide-bar-value">
        {formatPercent(share)}
        {constraint ? ' ▲ constraint' : ''}
      </span>
    </div>
  );
}

function BottleneckSlide({ content }: { content: Extract<SlideContent, { kind: 'bottleneck' }> }) {
  return (
    <>
      <p className="slide-lead">{content.summary}</p>
      <ul className="slide-bars" aria-label="Utilization per role, as-is and to-be">
        {content.bars.map((b) => (
          <li key={b.roleId}>
            <span className="slide-bar-role">{b.role}</span>
            <Bar share={b.asIs} constraint={b.constraintAsIs} label="As-is" />
            <Bar share={b.toBe} constraint={b.constraintToBe} label="To-be" />
          </li>
        ))}
      </ul>
    </>
  );
}
