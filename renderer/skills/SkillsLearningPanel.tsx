/**
 * "Skills & learning", the CHRO lens of a redesign: per role, what the to-be asks that the as-is did not,
 * how far the team is from it, the hours and weeks to close the gap, the team's current levels and the
 * learning plan. Shown for a to-be and for its as-is (both show the pair).
 */
import { Download } from 'lucide-react';
import { useMemo, useState } from 'react';
import { formatNumber, formatPercent } from '../../shared/analysis/numbers';
import { projectLearning } from '../../shared/analysis/learning';
import type { Workflow } from '../../shared/model/schema';
import { getPlatform } from '../platform';
import { notify } from '../store/notifications';
import { useSkillIndex } from '../store/selectors';
import { useWorkspace } from '../store/workspaceStore';
import { SelectField } from '../ui/fields';
import { LearningPlanEditor } from './LearningPlanEditor';
import { RoleLevelsEditor } from './RoleLevelsEditor';
import { PeopleEditor } from './PeopleEditor';
import { AssumptionsEditor } from './AssumptionsEditor';
import { SkillsTable } from './SkillsTable';
import { tableCsv, tableRows } from './lensTable';
import { useLensPair, useSkillsLens } from './useSkillsLens';
import './skills.css';

const NO_ROLE = '__no-role__';
/** Above this many steps the week-0 utilization is left to the projection (Analysis tab). */
const UTILIZATION_STEPS = 300;

export function SkillsLearningPanel({ workflow }: { workflow: Workflow }) {
  const pair = useLensPair(workflow);
  const lens = useSkillsLens(pair);
  const roles = useWorkspace((s) => s.roles);
  const skills = useSkillIndex();
  // Roles in workspace order that the pair asks anything of; steps without a role last.
  const roleOptions = useMemo(() => {
    if (!lens?.ok) return [];
    const seen = new Set(lens.rows.map((r) => r.roleId ?? NO_ROLE));
    const options = roles.filter((r) => seen.has(r.id)).map((r) => ({ value: r.id, label: r.name }));
    if (seen.has(NO_ROLE)) options.push({ value: NO_ROLE, label: 'No role (AI-automated steps)' });
    return options;
  }, [lens, roles]);
  const [chosen, setChosen] = useState<string | null>(null);
  const roleValue =
    chosen !== null && roleOptions.some((o) => o.value === chosen) ? chosen : (roleOptions[0]?.value ?? '');
  const roleId = roleValue === NO_ROLE || roleValue === '' ? null : roleValue;
  const role = roles.find((r) => r.id === roleId) ?? null;
  const rows = useMemo(() => (lens?.ok ? tableRows(lens.rows, roleId) : []), [lens, roleId]);
  // The skills the to-be asks of the role at a level (the ones a current level is compared with).
  const gapSkillIds = useMemo(
    () =>
      lens?.ok && role ? lens.rows.filter((r) => r.roleId === role.id && r.gap).map((r) => r.skill.id) : [],
    [lens, role],
  );
  // Utilization this week with the learning time in it (coaching, pairing, retros, courses), as the
  // projection computes it.
  const week0 = useMemo(() => {
    if (!pair || pair.toBe.steps.length > UTILIZATION_STEPS) return null;
    const p = projectLearning(pair.toBe, roles, { weeks: 1, skills });
    return p.ok ? (p.weeks[0] ?? null) : null;
  }, [pair, roles, skills]);

  if (!pair) {
    return (
      <div className="skills-learning">
        <h2>Skills &amp; learning</h2>
        <p className="muted">
          The lens compares an as-is with its redesign. Create a redesign of this workflow (Library →
          Redesign) to see what it asks of each role.
        </p>
      </div>
    );
  }
  if (!lens) return null;
  if (!lens.ok) {
    return (
      <div className="skills-learning">
        <h2>Skills &amp; learning</h2>
        <p className="banner error" role="alert">
          The {lens.side} cannot be analysed yet: {lens.message}
        </p>
        <LearningPlanEditor toBe={pair.toBe} rows={[]} roleId={null} skills={skills} />
      </div>
    );
  }
  const roleName = role?.name ?? 'steps without a role';
  const load = lens.learningLoad.find((l) => l.roleId === roleId);
  const roleReskilling = rows.reduce((sum, r) => sum + (r.reskillingHours ?? 0), 0);
  const exportCsv = async () => {
    const name = `${pair.toBe.name} - ${roleName} - skills.csv`.replace(/[\\/:*?"<>|]/g, '-');
    try {
      const result = await getPlatform().saveTextFile({
        suggestedName: name,
        content: tableCsv(roleName, rows),
        filters: [{ name: 'CSV', extensions: ['csv'] }],
      });
      if (result.saved) notify(`Exported the skills of ${roleName}.`);
    } catch (e) {
      notify(`Could not export: ${e instanceof Error ? e.message : String(e)}`, 'error');
    }
  };

  return (
    <div className="skills-learning">
      <h2>Skills &amp; learning</h2>
      <p className="muted small">
        {pair.asIs ? (
          <>
            What “{pair.toBe.name}” asks of each role against “{pair.asIs.name}”
          </>
        ) : (
          <>What “{pair.toBe.name}” asks of each role (no as-is to compare with)</>
        )}
        . Reskilling across all roles:{' '}
        <strong>{formatNumber(Math.round(lens.totalReskillingHours))} h</strong>.
      </p>
      <div className="skills-toolbar">
        <SelectField label="Show role" value={roleValue} options={roleOptions} onCommit={setChosen} />
        <button type="button" onClick={() => void exportCsv()} disabled={rows.length === 0}>
          <Download size={14} aria-hidden /> Export table as CSV
        </button>
      </div>
      <div className="figures" role="group" aria-label={`Learning figures of ${roleName}`}>
        <dl>
          <dt>Reskilling hours</dt>
          <dd>
            <strong>{formatNumber(Math.round(roleReskilling * 10) / 10)} h</strong>
          </dd>
        </dl>
        <dl>
          <dt>Learning time</dt>
          <dd>
            <strong>{formatNumber(Math.round((load?.hoursPerWeek ?? 0) * 10) / 10)} h/week</strong>
            {load?.why && (
              <details className="why">
                <summary>Why?</summary>
                <p>{load.why}</p>
              </details>
            )}
          </dd>
        </dl>
        {role && week0 && (
          <dl>
            <dt>Utilization with learning</dt>
            <dd>
              <strong>{formatPercent(week0.utilization[role.id] ?? null)}</strong>
              <span className="muted small"> this week</span>
            </dd>
          </dl>
        )}
      </div>
      <SkillsTable roleName={roleName} rows={rows} />
      {role && (
        <>
          <RoleLevelsEditor role={role} skillIds={gapSkillIds} />
          <PeopleEditor role={role} skillIds={gapSkillIds} />
        </>
      )}
      <LearningPlanEditor toBe={pair.toBe} rows={lens.rows} roleId={roleId} skills={skills} />
      <AssumptionsEditor toBe={pair.toBe} why={lens.assumptions.why} />
      {lens.warnings.length > 0 && (
        <ul className="analysis-warnings small muted">
          {lens.warnings.map((w) => (
            <li key={w}>{w}</li>
          ))}
        </ul>
      )}
    </div>
  );
}
