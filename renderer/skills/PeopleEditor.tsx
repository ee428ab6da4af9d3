/**
 * Named people of a role with their own level per skill, where the team level does not describe everyone.
 * Personal data: it stays on this machine and is left out of exports for sharing. Each change is a role
 * edit through the workspace store, so it is saved and undoable.
 */
import { Trash2, UserPlus } from 'lucide-react';
import { PROFICIENCY_MAX, SKILL_LEVEL_MIN, type Role } from '../../shared/model/schema';
import { notify } from '../store/notifications';
import { useSkillIndex } from '../store/selectors';
import { useWorkspace } from '../store/workspaceStore';
import { TextField } from '../ui/fields';
import { addPerson, removePerson, renamePerson, setPersonLevel } from './skillEdits';

const LEVELS = Array.from({ length: PROFICIENCY_MAX - SKILL_LEVEL_MIN + 1 }, (_, i) => i + SKILL_LEVEL_MIN);

export function PeopleEditor({ role, skillIds }: { role: Role; skillIds: readonly string[] }) {
  const skills = useSkillIndex();
  const save = (next: Role) =>
    void useWorkspace
      .getState()
      .updateRole(next)
      .catch((e: Error) => notify(`Could not save the people: ${e.message}`, 'error'));
  const teamLevel = (skillId: string) => role.skillLevels.find((l) => l.skillId === skillId)?.level ?? 0;
  return (
    <section className="role-people" aria-labelledby="role-people-title">
      <h3 id="role-people-title">People of {role.name}</h3>
      <p className="muted small">
        Optional: name people whose level differs from the team&apos;s, and the gap is counted per person.
        Personal data: it stays on this machine and is left out of exports for sharing.
      </p>
      {role.people.length > 0 && (
        <ul className="people-list" aria-label={`People of ${role.name}`}>
          {role.people.map((person) => (
            <li key={person.id} aria-label={person.displayName}>
              <TextField
                label={`Name of ${person.displayName}`}
                value={person.displayName}
                required
                onCommit={(name) => save(renamePerson(role, person.id, name))}
              />
              <button
                type="button"
                className="icon"
                aria-label={`Remove ${person.displayName}`}
                onClick={() => save(removePerson(role, person.id))}
              >
                <Trash2 size={14} aria-hidden />
              </button>
            </li>
          ))}
        </ul>
      )}
      {role.people.length > 0 && skillIds.length > 0 && (
        <table className="figures-table people-levels" aria-label={`Levels of the people of ${role.name}`}>
          <thead>
            <tr>
              <th scope="col">Skill</th>
              {role.people.map((person) => (
                <th key={person.id} scope="col">
                  {person.displayName}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {skillIds.map((skillId) => {
              const name = skills.get(skillId)?.name ?? `Unknown skill (${skillId})`;
              return (
                <tr key={skillId}>
                  <th scope="row">{name}</th>
                  {role.people.map((person) => {
                    const own = person.levels.find((l) => l.skillId === skillId);
                    return (
                      <td key={person.id}>
                        <select
                          aria-label={`Level of ${name} for ${person.displayName}`}
                          value={own ? String(own.level) : ''}
                          onChange={(e) =>
                            save(
                              setPersonLevel(
                                role,
                                person.id,
                                skillId,
                                e.target.value === '' ? null : Number(e.target.value),
                              ),
                            )
                          }
                        >
                          <option value="">team ({teamLevel(skillId)})</option>
                          {LEVELS.map((l) => (
                            <option key={l} value={l}>
                              {l === 0 ? '0 (none)' : String(l)}
                            </option>
                          ))}
                        </select>
                      </td>
                    );
                  })}
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
      <button type="button" onClick={() => save(addPerson(role, `Person ${role.people.length + 1}`).role)}>
        <UserPlus size={16} aria-hidden /> Add person
      </button>
    </section>
  );
}
