/** Browses and searches the skills ontology; the user's own skills can be added, renamed and retired. */
import { Plus } from 'lucide-react';
import { useMemo, useState } from 'react';
import { BUILTIN_CATEGORIES, ONTOLOGY_SOURCES } from '../../shared/ontology/builtin';
import { CUSTOM_SKILLS_CATEGORY, searchSkills } from '../../shared/ontology/index';
import type { Skill, SkillCategory } from '../../shared/model/schema';
import { useWorkspace } from '../store/workspaceStore';
import { useSkillIndex } from '../store/selectors';
import { notify } from '../store/notifications';
import { TextField } from '../ui/fields';
import { OntologyExchange } from './OntologyExchange';

const SOURCE_LABEL: Record<Skill['source'], string> = {
  onet: 'O*NET',
  digcomp: 'DigComp',
  coarchitect: 'Coarchitect',
  custom: 'Ours',
};

export function SkillsPanel() {
  const index = useSkillIndex();
  const [query, setQuery] = useState('');
  const all = useMemo(() => [...index.values()], [index]);
  const categories: SkillCategory[] = useMemo(() => [...BUILTIN_CATEGORIES, CUSTOM_SKILLS_CATEGORY], []);
  const matches = useMemo(() => (query.trim() ? searchSkills(all, query) : all), [all, query]);
  const leafCategories = categories.filter((c) => matches.some((s) => s.categoryId === c.id));
  const parentName = (c: SkillCategory) => categories.find((p) => p.id === c.parentId)?.name;
  return (
    <div className="skills-panel">
      <label htmlFor="skill-search">Search skills</label>
      <input
        id="skill-search"
        type="search"
        value={query}
        onChange={(e) => setQuery(e.target.value)}
        placeholder="Name, description or O*NET id"
      />
      <p className="muted small" aria-live="polite">
        {matches.length} of {all.length} skills
      </p>
      <AddSkillForm />
      <OntologyExchange />
      {leafCategories.map((cat) => (
        <details key={cat.id} open={query.trim() !== '' || cat.id === CUSTOM_SKILLS_CATEGORY.id}>
          <summary>
            {parentName(cat) ? `${parentName(cat)} › ` : ''}
            {cat.name}
            {cat.externalId && <span className="muted small"> {cat.externalId}</span>}
          </summary>
          <ul className="skill-list">
            {matches
              .filter((s) => s.categoryId === cat.id)
              .map((s) => (
                <SkillItem key={s.id} skill={s} />
              ))}
          </ul>
        </details>
      ))}
      <section className="credits" aria-label="Sources of the skills ontology">
        <h3>Sources</h3>
        {ONTOLOGY_SOURCES.map((src) => (
          <p key={src.id} className="small">
            {src.attribution}
          </p>
        ))}
      </section>
    </div>
  );
}

function SkillItem({ skill }: { skill: Skill }) {
  const updateCustomSkill = useWorkspace((s) => s.updateCustomSkill);
  if (skill.source !== 'custom') {
    return (
      <li className="skill-item">
        <span className="skill-name">{skill.name}</span>{' '}
        <span className={`badge source-${skill.source}`}>{SOURCE_LABEL[skill.source]}</span>
        {skill.externalId && <span className="muted small"> {skill.externalId}</span>}
        {skill.description && <p className="small muted">{skill.description}</p>}
      </li>
    );
  }
  return (
    <li className={`skill-item custom${skill.retired ? ' retired' : ''}`}>
      <TextField
        label="Skill name"
        required
        value={skill.name}
        onCommit={(name) => void updateCustomSkill({ ...skill, name: name.trim() })}
      />
      {skill.retired && <span className="badge">retired</span>}
      <button type="button" onClick={() => void updateCustomSkill({ ...skill, retired: !skill.retired })}>
        {skill.retired ? `Restore ${skill.name}` : `Retire ${skill.name}`}
      </button>
    </li>
  );
}

function AddSkillForm() {
  const addCustomSkill = useWorkspace((s) => s.addCustomSkill);
  const [name, setName] = useState('');
  const [description, setDescription] = useState('');
  return (
    <form
      className="add-skill"
      aria-label="Add your own skill"
      onSubmit={(e) => {
        e.preventDefault();
        if (!name.trim()) return;
        void addCustomSkill(name, description).then((s) => notify(`Added skill ${s.name}.`));
        setName('');
        setDescription('');
      }}
    >
      <label htmlFor="new-skill-name">New skill name</label>
      <input id="new-skill-name" value={name} onChange={(e) => setName(e.target.value)} maxLength={200} />
      <label htmlFor="new-skill-description">New skill description</label>
      <input
        id="new-skill-description"
        value={description}
        onChange={(e) => setDescription(e.target.value)}
      />
      <button type="submit" disabled={!name.trim()}>
        <Plus size={14} aria-hidden /> Add skill
      </button>
    </form>
  );
}
