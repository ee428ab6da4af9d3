/** A comment's text with its mentions highlighted; always plain text (markup shows as typed). */
import { mentionParts } from '../../shared/codesign/index';

export function MentionText({ text, names }: { text: string; names: readonly string[] }) {
  return (
    <>
      {mentionParts(text, names).map((p, i) =>
        p.mention ? (
          <mark key={i} className="mention">
            {p.text}
          </mark>
        ) : (
          <span key={i}>{p.text}</span>
        ),
      )}
    </>
  );
}
