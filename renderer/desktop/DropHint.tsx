/** Shown while files are dragged over the window: dropping a Coarchitect file imports it. */
export function DropHint({ visible }: { visible: boolean }) {
  if (!visible) return null;
  return (
    <div className="drop-hint" aria-hidden="true">
      <p>Drop a Coarchitect file to import it</p>
    </div>
  );
}
