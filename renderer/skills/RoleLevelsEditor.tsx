/**
 * The team's current level per skill of one role (0 = none to 5), where the level comes from and as of
 * when. Every change is a role edit through the workspace store, so it is saved and undoable.
 */
import { LEVEL_SOURCES, PROFICIENCY_MAX, SKILL_LEVEL_MIN } from '../../shared/model/schema';
import type { LevelSource, Role } from '../../shared/model/schema';
import { useWorkspace } from '../store/workspaceStore';
import { notify } from '../store/notifications';
import { useSkillIndex } from '../store/selectors';
import { setRoleLevel } from './skillEdits';

const SOURCE_LABELS: Record<LevelSource, string> = {
  assessed: 'Assessed',
  'self-assessed': 'Self-assessed',
  estimate: 'Estimate',
};

const LEVELS = Array.from({ length: PROFICIENCY_MAX - SKILL_LEVEL_MIN + 1 }, (_, i) => i + SKILL_LEVEL_MIN);

export function RoleLevelsEditor({ role, skillIds }: { role: Role; skillIds: readonly string[] }) {
  const skills = useSkillIndex();
  // The skills the workflows ask of the role first, then any other level recorded for it.
  const ids = [...new Set([...skillIds, ...role.skillLevels.map((l) => l.skillId)])];
  const save = (next: Role) =>
    void useWorkspace
      .getState()
      .updateRole(next)
      .catch((e: Error) => notify(`Could not save the levels: ${e.message}`, 'error'));
  return (
    <section className="role-levels" aria-labelledby="role-levels-title">
      <h3 id="role-levels-title">Current levels of {role.name}</h3>
      <p className="muted small">
        The team level per skill, 0 (none) to 5, for {role.headcount} people
        {role.people.length > 0 ? `; ${role.people.length} people have their own levels` : ''}.
      </p>
      <table className="figures-table role-levels-table" aria-label={`Current levels of ${role.name}`}>
        <thead>
          <tr>
            <th scope="col">Skill</th>
            <th scope="col">Level</th>
            <th scope="col">Source</th>
            <th scope="col">As of</th>
          </tr>
        </thead>
        <tbody>
          {ids.map((skillId) => {
            const name = skills.get(skillId)?.name ?? `Unknown skill (${skillId})`;
            const recorded = role.skillLevels.find((l) => l.skillId === skillId);
            return (
              <tr key={skillId}>
                <th scope="row">{name}</th>
                <td>
                  <select
                    aria-label={`Level of ${name}`}
                    value={recorded ? String(recorded.level) : ''}
                    onChange={(e) => save(setRoleLevel(role, skillId, { level: Number(e.target.value) }))}
                  >
                    {!recorded && <option value="">not recorded</option>}
                    {LEVELS.map((l) => (
                      <option key={l} value={l}>
                        {l === 0 ? '0 (none)' : String(l)}
                      </option>
                    ))}
                  </select>
                </td>
                <td>
                  <select
                    aria-label={`Source of ${name}`}
                    value={recorded?.source ?? 'estimate'}
                    onChange={(e) =>
                      save(setRoleLevel(role, skillId, { source: e.target.value as LevelSource }))
                    }
                  >
                    {LEVEL_SOURCES.map((s) => (
                      <option key={s} value={s}>
                        {SOURCE_LABELS[s]}
                      </option>
                    ))}
                  </select>
                </td>
                <td>
                  <input
                    type="date"
                    aria-label={`As of for ${name}`}
                    value={recorded?.asOf ?? ''}
                    onChange={(e) => {
                      const v = e.target.value;
                      // Only a whole date (or none) reaches the model, as the schema asks.
                      if (v === '' || /^\d{4}-\d{2}-\d{2}$/.test(v))
                        save(setRoleLevel(role, skillId, { asOf: v === '' ? null : v }));
                    }}
                  />
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </section>
  );
}
