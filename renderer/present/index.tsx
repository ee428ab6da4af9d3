/**
 * The one entry of the story, presentation and export surfaces, imported lazily by the app shell only once
 * one of them is opened (see presentUi.ts).
 */
import { useEffect } from 'react';
import { useEditor } from '../store/editorStore';
import { restoreFocus } from './actions';
import { ExportDialog } from './ExportDialog';
import { endPresentation, Presentation } from './Presentation';
import { usePresentUi } from './presentUi';
import { Report } from './Report';
import { StoryEditor } from './StoryEditor';
import './present.css';
import './presentation.css';
import './report.css';

const closeReport = () => usePresentUi.getState().setReportOpen(false);

export default function PresentRoot() {
  const exportOpen = usePresentUi((s) => s.exportOpen);
  const setExportOpen = usePresentUi((s) => s.setExportOpen);
  const storyOpen = usePresentUi((s) => s.storyOpen);
  const setStoryOpen = usePresentUi((s) => s.setStoryOpen);
  const reportOpen = usePresentUi((s) => s.reportOpen);
  const presenting = useEditor((s) => s.presenting);
  // The app behind the deck is inert: Tab stays in the presentation and screen readers read only it.
  useEffect(() => {
    if (!presenting && !reportOpen) return;
    const app = document.getElementById('root');
    app?.setAttribute('inert', '');
    return () => {
      app?.removeAttribute('inert');
      restoreFocus();
    };
  }, [presenting, reportOpen]);
  return (
    <>
      <ExportDialog open={exportOpen} onClose={() => setExportOpen(false)} />
      <StoryEditor open={storyOpen} onClose={() => setStoryOpen(false)} />
      {presenting && <Presentation onLeave={endPresentation} />}
      {reportOpen && !presenting && <Report onClose={closeReport} />}
    </>
  );
}
