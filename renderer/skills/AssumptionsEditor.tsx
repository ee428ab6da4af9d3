/**
 * The editable assumptions behind the lens's figures, kept with the to-be so a file's figures reproduce:
 * feedback minutes per rejection, the penalty per missing level, and learning hours per level by category.
 * Each change is one workflow edit (saved, undoable) and every figure that uses it follows.
 */
import { RotateCcw } from 'lucide-react';
import type { LearningAssumptions, Workflow } from '../../shared/model/schema';
import { categoryById } from '../../shared/ontology/index';
import { DEFAULT_HOURS_PER_LEVEL } from '../../shared/skills/hoursPerLevel';
import { useWorkspace } from '../store/workspaceStore';
import { NumberField } from '../ui/fields';

export function AssumptionsEditor({ toBe, why }: { toBe: Workflow; why: string }) {
  const a = toBe.learningAssumptions;
  const edit = (patch: Partial<LearningAssumptions>) =>
    useWorkspace.getState().editWorkflow(toBe.id, (wf) => ({
      ...wf,
      learningAssumptions: { ...wf.learningAssumptions, ...patch },
      updatedAt: new Date().toISOString(),
    }));
  const setHours = (categoryId: string, hours: number | null) => {
    const next = { ...a.hoursPerLevelByCategory };
    if (hours === null) delete next[categoryId];
    else next[categoryId] = hours;
    edit({ hoursPerLevelByCategory: next });
  };
  return (
    <details className="why assumptions">
      <summary>Assumptions</summary>
      <p>{why}</p>
      <div className="assumption-fields">
        <NumberField
          label="Feedback per rejection"
          unit="min"
          value={a.feedbackMinutesPerRejection}
          bound="feedbackMinutesPerRejection"
          hint="Learning each rejected piece of work gives the role that did it."
          onCommit={(v) => edit({ feedbackMinutesPerRejection: v })}
        />
        <NumberField
          label="Slower per missing level"
          unit="%"
          scale={100}
          value={a.penaltyPerMissingLevel}
          bound="penaltyPerMissingLevel"
          hint="Extra time and extra rejection per level a role is below a step's need; 0 turns it off."
          onCommit={(v) => edit({ penaltyPerMissingLevel: v })}
        />
      </div>
      <table className="figures-table" aria-label="Learning hours per level">
        <thead>
          <tr>
            <th scope="col">Category</th>
            <th scope="col">Hours per level</th>
            <th scope="col">
              <span className="visually-hidden">Reset</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {Object.entries(DEFAULT_HOURS_PER_LEVEL).map(([categoryId, standard]) => {
            const name = categoryById(categoryId)?.name ?? categoryId;
            const own = a.hoursPerLevelByCategory[categoryId];
            return (
              <tr key={categoryId}>
                <th scope="row">{name}</th>
                <td>
                  <NumberField
                    label={`Hours per level for ${name}`}
                    value={own ?? standard}
                    bound="hoursPerLevel"
                    labelHidden
                    onCommit={(v) => setHours(categoryId, v)}
                  />
                </td>
                <td>
                  {own !== undefined && own !== standard && (
                    <button
                      type="button"
                      className="icon"
                      aria-label={`Reset ${name} to the default ${standard} h`}
                      title={`Default: ${standard} h`}
                      onClick={() => setHours(categoryId, null)}
                    >
                      <RotateCcw size={14} aria-hidden />
                    </button>
                  )}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </details>
  );
}
