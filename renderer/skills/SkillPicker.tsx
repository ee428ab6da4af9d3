/** Finds a skill of the ontology by name, description or public id, and attaches it. */
import { Plus } from 'lucide-react';
import { useId, useMemo, useState } from 'react';
import { searchSkills } from '../../shared/ontology/index';
import { useSkillIndex } from '../store/selectors';

const MAX_RESULTS = 8;

export function SkillPicker({
  exclude,
  onPick,
}: {
  exclude: ReadonlySet<string>;
  onPick(skillId: string): void;
}) {
  const id = useId();
  const [query, setQuery] = useState('');
  const skills = useSkillIndex();
  const results = useMemo(() => {
    if (query.trim() === '') return [];
    const offered = [...skills.values()].filter((s) => !s.retired && !exclude.has(s.id));
    return searchSkills(offered, query).slice(0, MAX_RESULTS);
  }, [query, skills, exclude]);
  return (
    <div className="skill-picker">
      <label htmlFor={id}>Add a skill</label>
      <input
        id={id}
        type="search"
        placeholder="Search skills, e.g. writing"
        value={query}
        onChange={(e) => setQuery(e.target.value)}
      />
      {query.trim() !== '' && (
        <ul aria-label="Matching skills" className="skill-results">
          {results.length === 0 && <li className="muted small">No skill matches “{query}”.</li>}
          {results.map((s) => (
            <li key={s.id}>
              <button
                type="button"
                aria-label={`Add skill ${s.name}`}
                onClick={() => {
                  onPick(s.id);
                  setQuery('');
                }}
              >
                <Plus size={12} aria-hidden /> {s.name}
                {s.externalId && <span className="muted small"> {s.externalId}</span>}
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
