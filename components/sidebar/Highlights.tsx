import type { Highlight } from '../../utils/contract/schemas';
import { formatDate } from './format';

/** The few touches that matter ("interesting moments"), before the full timeline. */
export function Highlights({ highlights }: { highlights: Highlight[] }) {
  return (
    <section id="highlights-section" aria-labelledby="highlights-heading">
      <h3 id="highlights-heading">Highlights</h3>
      {highlights.length === 0 ? (
        <p className="muted">No highlights.</p>
      ) : (
        <ul className="highlights">
          {highlights.map((highlight) => (
            <li key={highlight.engagementId ?? `${highlight.title}-${highlight.occurredAt ?? ''}`}>
              <strong>{highlight.title}</strong>
              {highlight.occurredAt && (
                <span className="muted"> · {formatDate(highlight.occurredAt)}</span>
              )}
              {highlight.description && <p>{highlight.description}</p>}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
