/** Both exposure labels of a task, the suggested mode and which label it follows, worded as exposure. */
import './reference.css';
import type { ExposureLabel } from '../../shared/model/schema';
import { BASIS_NAMES, LABEL_MEANINGS, suggestMode } from '../../shared/reference/index';
import { MODE_LABELS } from '../editor/stepKinds';

export function ExposureLabels({
  human,
  gpt,
  agreement,
}: {
  human: ExposureLabel | null;
  gpt: ExposureLabel | null;
  /** Share of the reference data on which the two labels agree, when known. */
  agreement?: number;
}) {
  const suggestion = suggestMode(human, gpt);
  return (
    <div className="exposure">
      <dl className="exposure-labels">
        <dt>Human label</dt>
        <dd>
          <LabelChip label={human} /> {human ? LABEL_MEANINGS[human] : 'not labelled'}
        </dd>
        <dt>GPT-4 label</dt>
        <dd>
          <LabelChip label={gpt} /> {gpt ? LABEL_MEANINGS[gpt] : 'not labelled'}
        </dd>
      </dl>
      {suggestion ? (
        <p className="exposure-suggestion">
          Suggested mode: <strong>{MODE_LABELS[suggestion.mode]}</strong>{' '}
          <span className="muted">
            (follows the {BASIS_NAMES[suggestion.basis]} label, {suggestion.label})
          </span>
        </p>
      ) : (
        <p className="exposure-suggestion muted">No suggestion: the task has no exposure label.</p>
      )}
      {suggestion?.disagree && (
        <p className="exposure-disagree">
          The human and GPT-4 labels differ for this task
          {agreement !== undefined ? ` (they agree on ${Math.round(agreement * 100)}% of tasks overall)` : ''}
          .
        </p>
      )}
      <p className="muted small">
        Exposure says whether an LLM could cut a task’s time by half or more, not whether it should do the
        task. It is information for your redesign, not advice; AI-automated is never suggested.
      </p>
    </div>
  );
}

export function LabelChip({ label }: { label: ExposureLabel | null }) {
  return <span className={`exposure-chip exposure-${(label ?? 'none').toLowerCase()}`}>{label ?? '–'}</span>;
}
