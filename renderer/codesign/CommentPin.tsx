/** The pin on a step with open comment threads: a count, the latest comment clipped; opens Discuss. */
import { MessageSquare } from 'lucide-react';
import { useEditor } from '../store/editorStore';
import { useRecord } from './recordStore';

export function CommentPin({ stepId }: { stepId: string }) {
  const pin = useRecord((s) => s.pins.get(stepId));
  if (!pin) return null;
  const label = `${pin.count} comment${pin.count === 1 ? '' : 's'}`;
  return (
    <button
      type="button"
      className="comment-pin nodrag"
      aria-label={label}
      title={pin.preview}
      onClick={(e) => {
        e.stopPropagation();
        const editor = useEditor.getState();
        editor.selectOnly([stepId]);
        editor.setPanel('discuss');
      }}
    >
      <MessageSquare size={12} aria-hidden /> {pin.count}
    </button>
  );
}
