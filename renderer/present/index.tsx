/**
 * The one entry of the story, presentation and export surfaces, imported lazily by the app shell only once
 * one of them is opened (see presentUi.ts).
 */
import { useEditor } from '../store/editorStore';
import { ExportDialog } from './ExportDialog';
import { usePresentUi } from './presentUi';
import './present.css';

export default function PresentRoot() {
  const exportOpen = usePresentUi((s) => s.exportOpen);
  const setExportOpen = usePresentUi((s) => s.setExportOpen);
  useEditor((s) => s.presenting);
  return (
    <>
      <ExportDialog open={exportOpen} onClose={() => setExportOpen(false)} />
    </>
  );
}
