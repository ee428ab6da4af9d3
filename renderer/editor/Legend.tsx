/** What each look means: icon, colour and words together. */
import { Undo2 } from 'lucide-react';
import { STEP_KINDS } from './stepKinds';

export function Legend() {
  return (
    <section className="legend" aria-labelledby="legend-title">
      <h2 id="legend-title">Legend</h2>
      <dl>
        {STEP_KINDS.map((look) => {
          const Icon = look.icon;
          return (
            <div key={look.kind} className="legend-row">
              <dt className={`legend-swatch kind-${look.kind}`}>
                <Icon size={14} aria-hidden />
                {look.label}
              </dt>
              <dd>{look.hint}</dd>
            </div>
          );
        })}
        <div className="legend-row">
          <dt className="legend-swatch rework">
            <Undo2 size={14} aria-hidden />
            Rework loop
          </dt>
          <dd>Dashed: share of reviewed work sent back</dd>
        </div>
      </dl>
    </section>
  );
}
