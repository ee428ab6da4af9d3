/**
 * The governance attributes of a task or review (format version 5): who receives its output, the data it
 * handles and the accountable owner. The governance lint reads them (shared/lint).
 */
import {
  AUDIENCES,
  DATA_CLASSES,
  type Audience,
  type DataClass,
  type WorkStep,
} from '../../shared/model/schema';
import type { StepPatch } from '../../shared/model/operations';
import { SelectField, TextField } from '../ui/fields';

export const AUDIENCE_LABELS: Record<Audience, string> = {
  internal: 'Internal (the team)',
  customer: 'Customer',
};

export const DATA_LABELS: Record<DataClass, string> = {
  none: 'No personal data',
  personal: 'Personal data',
  'special-category': 'Special-category data (health, beliefs…)',
};

export function GovernanceFields({ step, update }: { step: WorkStep; update(patch: StepPatch): void }) {
  return (
    <fieldset className="governance">
      <legend>Governance</legend>
      <SelectField<Audience>
        label="Output goes to"
        value={step.audience}
        options={AUDIENCES.map((a) => ({ value: a, label: AUDIENCE_LABELS[a] }))}
        onCommit={(audience) => update({ audience })}
        hint="Whether the step's output reaches a customer."
      />
      <SelectField<DataClass>
        label="Data handled"
        value={step.data}
        options={DATA_CLASSES.map((d) => ({ value: d, label: DATA_LABELS[d] }))}
        onCommit={(data) => update({ data })}
      />
      <TextField
        label="Owner"
        value={step.owner}
        maxLength={200}
        onCommit={(owner) => update({ owner })}
        hint="The accountable person (personal data: removed when sharing outside HR)."
      />
    </fieldset>
  );
}
