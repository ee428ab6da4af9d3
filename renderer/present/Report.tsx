/**
 * The printable report: every visible slide of the story, one per page, from the same components as the
 * presentation, with a print stylesheet (A4 landscape). Diagrams are the shared SVG, tiled in overlapping
 * columns where the page is too narrow for legible text, never cut and never shrunk below about 6 pt.
 * "Print report…" calls the browser's print (Save as PDF); the desktop app also offers "Save report as PDF…"
 * (webContents.printToPDF behind the platform adapter). Pages carry a running footer (name, date, page X of Y).
 */
import { FileDown, Printer, X } from 'lucide-react';
import { useEffect, useMemo, useRef, useState, type CSSProperties } from 'react';
import { createPortal } from 'react-dom';
import type { WorkflowAnalysis } from '../../shared/analysis';
import type { Role, Workflow } from '../../shared/model/schema';
import { fileStemFor } from '../../shared/format/document';
import { analysisSectionsHtml, pageCss, reportDiagramHtml, type PaperSize } from '../../shared/report/html';
import { visibleSlides } from '../../shared/story/generate';
import { getPlatform } from '../platform/index';
import { useOpenStory } from './Presentation';
import { SlideBody } from './SlideBody';

function ReportDiagram(props: {
  id: string;
  workflow: Workflow;
  roles: readonly Role[];
  analysis: WorkflowAnalysis | null;
  heat: 'load' | null;
  paper: PaperSize;
}) {
  const { id, workflow, roles, analysis, heat, paper } = props;
  const html = useMemo(
    () => reportDiagramHtml(workflow, { prefix: id, roles, analysis, heat, paper }),
    [id, workflow, roles, analysis, heat, paper],
  );
  // Our own renderer's SVG: every label escaped, no scripts (shared/report/svg.ts).
  return <div className="report-diagram" dangerouslySetInnerHTML={{ __html: html }} />;
}

/** The date printed in the running footer. */
const today = () => new Date().toISOString().slice(0, 10);

export function Report({ onClose }: { onClose(): void }) {
  const data = useOpenStory();
  const root = useRef<HTMLDivElement>(null);
  const [paper, setPaper] = useState<PaperSize>('A4');
  useEffect(() => {
    root.current?.focus();
    const onKey = (event: KeyboardEvent) => {
      if (event.key !== 'Escape') return;
      event.preventDefault();
      event.stopPropagation();
      onClose();
    };
    window.addEventListener('keydown', onKey, true);
    return () => window.removeEventListener('keydown', onKey, true);
  }, [onClose]);
  const sections = useMemo(
    () =>
      data
        ? analysisSectionsHtml({
            generated: data.generated,
            asIs: data.asIs,
            toBe: data.toBe,
            roles: data.roles,
            skills: data.skills,
          })
        : '',
    [data],
  );
  if (!data) return null;
  const platform = getPlatform();
  const savePdf = platform.saveReportPdf;
  const slides = visibleSlides(data.generated);
  const diagram = (kind: 'as-is' | 'to-be') => {
    const workflow = kind === 'as-is' ? data.asIs : data.toBe;
    if (!workflow) return null;
    return (
      <ReportDiagram
        id={kind}
        workflow={workflow}
        roles={data.roles}
        analysis={kind === 'as-is' ? data.generated.asIsAnalysis : data.generated.toBeAnalysis}
        heat={kind === 'as-is' ? 'load' : null}
        paper={paper}
      />
    );
  };
  return createPortal(
    <div
      ref={root}
      className="report"
      role="dialog"
      aria-modal="true"
      aria-label="Report"
      tabIndex={-1}
      // The sheets on screen are as wide as the chosen paper.
      style={{ '--report-page-width': paper === 'Letter' ? '279.4mm' : '297mm' } as CSSProperties}
    >
      <div className="report-toolbar">
        {/* Page size, margins and the running footer (name, date, page X of Y) of the printed report. */}
        <style>{pageCss(data.subject.name, today(), paper)}</style>
        <label>
          Paper{' '}
          <select value={paper} onChange={(e) => setPaper(e.target.value === 'Letter' ? 'Letter' : 'A4')}>
            <option value="A4">A4 landscape</option>
            <option value="Letter">Letter landscape</option>
          </select>
        </label>
        <button type="button" className="primary" onClick={() => window.print()}>
          <Printer size={16} aria-hidden /> Print report…
        </button>
        {savePdf && (
          <button
            type="button"
            onClick={() =>
              void savePdf({ suggestedName: `${fileStemFor(data.subject.name)}-report.pdf` }).catch(
                (error: unknown) => window.alert(`The report could not be saved as PDF: ${String(error)}`),
              )
            }
          >
            <FileDown size={16} aria-hidden /> Save report as PDF…
          </button>
        )}
        <button type="button" onClick={onClose}>
          <X size={16} aria-hidden /> Close report
        </button>
        <span>
          {slides.length} slide{slides.length === 1 ? '' : 's'}, then the figures and formulas.
          {savePdf ? '' : ' Choose “Save as PDF” in the print dialog for a handout.'}
        </span>
      </div>
      <main className="report-pages presentation-theme" aria-label={`Report: ${data.subject.name}`}>
        {slides.length === 0 && (
          <p className="slide-missing">Every slide is hidden: show some in the story editor (Edit story…).</p>
        )}
        {slides.map((slide, i) => (
          <section key={slide.kind} className="report-page" aria-label={`Page ${i + 1}: ${slide.title}`}>
            <header className="report-page-header">
              <span>{data.subject.name}</span>
              <span>
                Slide {i + 1} of {slides.length}
              </span>
            </header>
            <h2 className="slide-heading">
              {slide.content?.kind === 'title' ? slide.content.workflowName : slide.title}
            </h2>
            <div className="report-page-content">
              <SlideBody
                slide={slide}
                context={{ story: data.generated.story, roles: data.roles, diagram }}
              />
            </div>
          </section>
        ))}
        {/* The analysis sections: our own escaped HTML (shared/report/html.ts), the same as the export CLI's. */}
        <div className="report-sections" dangerouslySetInnerHTML={{ __html: sections }} />
      </main>
    </div>,
    document.body,
  );
}
