/**
 * The find bar over the diagram: words, modes, a role, a skill and "with problems" narrow down the steps the
 * canvas highlights (see useStepHighlight); the count says how many match. Ctrl/⌘+F puts the cursor in it.
 */
import { Search, X } from 'lucide-react';
import { useEffect, useMemo, useRef } from 'react';
import { TASK_MODES, type Workflow } from '../../shared/model/schema';
import { isStepFilterActive } from '../../shared/model/stepFilter';
import type { Problem } from '../../shared/model/validate';
import { registerActions } from '../commands/registry';
import { useEditor } from '../store/editorStore';
import { useStepFilter } from '../store/filterStore';
import { useSkillIndex } from '../store/selectors';
import { useWorkspace } from '../store/workspaceStore';
import { MODE_LABELS } from './stepKinds';
import { useStepHighlight } from './useStepHighlight';
import './filter.css';

export interface FilterBarProps {
  workflow: Workflow;
  problems: readonly Problem[];
}

/**
 * Subscribes to the filter itself (as the canvas will), so typing here re-renders the bar and the canvas,
 * never the editor's side panels.
 */
export function FilterBar({ workflow, problems }: FilterBarProps) {
  const { matches } = useStepHighlight(workflow, problems);
  const filter = useStepFilter((s) => s.filter);
  const { setText, toggleMode, setRole, setSkill, toggleProblemsOnly, clear } = useStepFilter.getState();
  const roles = useWorkspace((s) => s.roles);
  const skillIndex = useSkillIndex();
  const input = useRef<HTMLInputElement>(null);
  const active = isStepFilterActive(filter);

  // Only the skills this workflow uses: the full ontology would bury them.
  const usedSkills = useMemo(() => {
    const ids = new Set(
      workflow.steps
        .flatMap((s) => (s.type === 'task' || s.type === 'review' ? s.skills : []))
        .map((r) => r.skillId),
    );
    return [...ids]
      .map((id) => ({ id, name: skillIndex.get(id)?.name ?? id }))
      .sort((a, b) => a.name.localeCompare(b.name));
  }, [workflow.steps, skillIndex]);

  // A filter belongs to the workflow it was set on.
  useEffect(() => useStepFilter.getState().clear(), [workflow.id]);

  useEffect(
    () =>
      registerActions([
        {
          id: 'view.find-steps',
          title: 'Find steps',
          group: 'View',
          keys: ['Mod+F'],
          allowInTextFields: true,
          // The bar is hidden while presenting.
          enabled: () => !useEditor.getState().presenting,
          run: () => {
            input.current?.focus();
            input.current?.select();
          },
          keywords: ['search', 'filter', 'highlight'],
        },
        {
          id: 'view.clear-step-filter',
          title: 'Clear step filter',
          group: 'View',
          enabled: () => isStepFilterActive(useStepFilter.getState().filter),
          run: () => useStepFilter.getState().clear(),
          keywords: ['find', 'search', 'highlight'],
        },
      ]),
    [],
  );

  const total = workflow.steps.length;
  return (
    <div className="filter-bar" role="search" aria-label="Find and filter steps">
      <label className="filter-search">
        <Search size={14} aria-hidden />
        <input
          ref={input}
          type="search"
          aria-label="Find steps"
          placeholder="Find steps"
          value={filter.text}
          onChange={(e) => setText(e.target.value)}
          onKeyDown={(e) => {
            // Escape empties the box first; a second Escape is left to whatever else listens.
            if (e.key === 'Escape' && filter.text !== '') {
              e.preventDefault();
              e.stopPropagation();
              setText('');
            }
          }}
        />
      </label>
      <div className="filter-modes" role="group" aria-label="Filter by mode">
        {TASK_MODES.map((mode) => (
          <button
            key={mode}
            type="button"
            aria-pressed={filter.modes.includes(mode)}
            onClick={() => toggleMode(mode)}
          >
            {MODE_LABELS[mode]}
          </button>
        ))}
      </div>
      <select
        aria-label="Filter by role"
        value={filter.roleIds[0] ?? ''}
        onChange={(e) => setRole(e.target.value || null)}
      >
        <option value="">Any role</option>
        {roles.map((r) => (
          <option key={r.id} value={r.id}>
            {r.name}
          </option>
        ))}
      </select>
      <select
        aria-label="Filter by skill"
        value={filter.skillIds[0] ?? ''}
        onChange={(e) => setSkill(e.target.value || null)}
      >
        <option value="">Any skill</option>
        {usedSkills.map((s) => (
          <option key={s.id} value={s.id}>
            {s.name}
          </option>
        ))}
      </select>
      <button type="button" aria-pressed={filter.problemsOnly} onClick={toggleProblemsOnly}>
        With problems
      </button>
      <span className="filter-count" role="status">
        {matches ? `${matches.size} of ${total} steps` : `${total} steps`}
      </span>
      <button type="button" className="ghost" onClick={clear} disabled={!active}>
        <X size={14} aria-hidden /> Clear
      </button>
    </div>
  );
}
