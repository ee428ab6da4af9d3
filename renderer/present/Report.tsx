/**
 * The printable report: every visible slide of the story, one per page, from the same components as the
 * presentation, with a print stylesheet (A4 landscape). Diagrams are the shared SVG, tiled in overlapping
 * columns where the page is too narrow for legible text, never cut and never shrunk below about 6 pt.
 * "Print report…" calls the browser's print (Save as PDF); the desktop app may print to PDF directly later.
 */
import { Printer, X } from 'lucide-react';
import { useEffect, useMemo, useRef } from 'react';
import { createPortal } from 'react-dom';
import type { WorkflowAnalysis } from '../../shared/analysis';
import type { Role, Workflow } from '../../shared/model/schema';
import { renderWorkflowSvg } from '../../shared/report/svg';
import { visibleSlides } from '../../shared/story/generate';
import { printTiles, viewBoxText } from './fit';
import { useOpenStory } from './Presentation';
import { SlideBody } from './SlideBody';

/** The printable width of an A4 landscape page with 12 mm margins, CSS pixels (273 mm at 96 per inch). */
const PAGE_WIDTH_PX = 1030;
/** 6 pt in CSS pixels. */
const MIN_PRINT_TEXT_PX = 8;

/** Our own SVG with its ids made unique per tile (several tiles share a page) and its view box set. */
function tileSvg(svg: string, key: string, viewBox: string): string {
  return svg
    .replace(/id="(diagram-title|arrow|arrow-rework)"/g, (_m, id: string) => `id="${id}-${key}"`)
    .replace(/url\(#(arrow|arrow-rework)\)/g, (_m, id: string) => `url(#${id}-${key})`)
    .replace('aria-labelledby="diagram-title"', `aria-labelledby="diagram-title-${key}"`)
    .replace(/^<svg([^>]*?) width="[\d.]+" height="[\d.]+" viewBox="[^"]*"/, (_m, attrs: string) => {
      return `<svg${attrs} width="100%" viewBox="${viewBox}"`;
    });
}

function ReportDiagram(props: {
  id: string;
  title: string;
  workflow: Workflow;
  roles: readonly Role[];
  analysis: WorkflowAnalysis | null;
  heat: 'load' | null;
}) {
  const { id, title, workflow, roles, analysis, heat } = props;
  const tiles = useMemo(() => {
    const diagram = renderWorkflowSvg(workflow, { roles, analysis, heat, title });
    const views = printTiles(diagram, PAGE_WIDTH_PX, MIN_PRINT_TEXT_PX);
    return views.map((v, i) => ({
      key: `${id}-${i}`,
      html: tileSvg(diagram.svg, `${id}-${i}`, viewBoxText(v)),
      range: `${Math.round(v.x)}–${Math.round(v.x + v.width)} of ${diagram.width}`,
      aspect: v.height / v.width,
    }));
  }, [id, title, workflow, roles, analysis, heat]);
  return (
    <div className="report-diagram">
      {tiles.map((t, i) => (
        <figure key={t.key} className="report-tile">
          <div
            className="report-tile-picture"
            style={{ aspectRatio: `${1 / t.aspect}` }}
            dangerouslySetInnerHTML={{ __html: t.html }}
          />
          {tiles.length > 1 && (
            <figcaption>
              Part {i + 1} of {tiles.length} (diagram columns {t.range}; parts overlap)
            </figcaption>
          )}
        </figure>
      ))}
    </div>
  );
}

export function Report({ onClose }: { onClose(): void }) {
  const data = useOpenStory();
  const root = useRef<HTMLDivElement>(null);
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
  if (!data) return null;
  const slides = visibleSlides(data.generated);
  const diagram = (kind: 'as-is' | 'to-be') => {
    const workflow = kind === 'as-is' ? data.asIs : data.toBe;
    if (!workflow) return null;
    return (
      <ReportDiagram
        id={kind}
        title={workflow.name}
        workflow={workflow}
        roles={data.roles}
        analysis={kind === 'as-is' ? data.generated.asIsAnalysis : data.generated.toBeAnalysis}
        heat={kind === 'as-is' ? 'load' : null}
      />
    );
  };
  return createPortal(
    <div ref={root} className="report" role="dialog" aria-modal="true" aria-label="Report" tabIndex={-1}>
      <div className="report-toolbar">
        <button type="button" className="primary" onClick={() => window.print()}>
          <Printer size={16} aria-hidden /> Print report…
        </button>
        <button type="button" onClick={onClose}>
          <X size={16} aria-hidden /> Close report
        </button>
        <span>
          {slides.length} slide{slides.length === 1 ? '' : 's'}, one per A4 landscape page. Choose “Save as
          PDF” in the print dialog for a handout.
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
                {i + 1} / {slides.length}
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
      </main>
    </div>,
    document.body,
  );
}
