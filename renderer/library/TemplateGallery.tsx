/** Starts from a ready-made team workflow: each template brings its roles, an as-is and a suggested to-be. */
import { LayoutTemplate } from 'lucide-react';
import { lazy, Suspense, useState } from 'react';
import { Dialog } from '../ui/Dialog';
import { Loading } from '../ui/Loading';

const TemplateList = lazy(() => import('./TemplateList'));

export function TemplateGallery() {
  const [open, setOpen] = useState(false);
  return (
    <>
      <button type="button" onClick={() => setOpen(true)}>
        <LayoutTemplate size={16} aria-hidden /> Templates…
      </button>
      <Dialog
        open={open}
        onOpenChange={setOpen}
        title="Start from a template"
        description="Each template is a realistic team workflow with roles, times, volumes and skills: how the work is done today (as-is) and a suggested redesign with AI (to-be)."
        actions={
          <button type="button" onClick={() => setOpen(false)}>
            Close
          </button>
        }
      >
        <Suspense fallback={<Loading label="Loading the templates…" />}>
          <TemplateList close={() => setOpen(false)} />
        </Suspense>
      </Dialog>
    </>
  );
}
