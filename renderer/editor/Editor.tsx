/** The editor screen: palette and legend, the diagram, and the side panels. */
import * as Tabs from '@radix-ui/react-tabs';
import { ReactFlowProvider } from '@xyflow/react';
import { memo, useDeferredValue, useEffect, useMemo, useState } from 'react';
import type { Workflow } from '../../shared/model/schema';
import { useEditor, type SidePanel } from '../store/editorStore';
import { useProblems, useWorkflowContent } from '../store/selectors';
import { Canvas } from './Canvas';
import { FilterBar } from './FilterBar';
import { Inspector } from './Inspector';
import { Legend } from './Legend';
import { Palette } from './Palette';
import { ProblemsPanel } from './ProblemsPanel';
import { RolesPanel } from '../skills/RolesPanel';
import { SkillsPanel } from '../skills/SkillsPanel';
import { AnalysisPanel } from '../analysis/AnalysisPanel';
import { useAnalysis } from '../analysis/useAnalysis';
import { SkillsLearningPanel } from '../skills/SkillsLearningPanel';
import { installClipboardEvents } from './selectionEdits';
import { useEditorActions } from './editorActions';
import { ComparePanel } from '../codesign/ComparePanel';
import { useCompareAction } from '../codesign/compareAction';
import { useCompare } from '../codesign/compareStore';
import { LintList } from '../codesign/LintList';
import { useLint } from '../codesign/useLint';
import { LintSettingsDialog } from '../codesign/LintSettingsDialog';
import { withLintFindings } from '../codesign/lintOnCanvas';

const KEEP_MOUNTED: readonly SidePanel[] = ['inspector', 'analysis'];
// Switching tabs, presenting or selecting re-renders the editor; the diagram and the panels re-render only
// when what they show changed.
const CanvasView = memo(Canvas);
const InspectorView = memo(Inspector);
const AnalysisView = memo(AnalysisPanel);
const PaletteView = memo(Palette);
const LegendView = memo(Legend);

export function Editor({ workflow }: { workflow: Workflow }) {
  const panel = useEditor((s) => s.panel);
  const presenting = useEditor((s) => s.presenting);
  // Validation and analysis follow the edit in a render of their own (React's deferred value), so the diagram
  // and the field being edited answer first; moving steps does not recompute them at all.
  const content = useDeferredValue(useWorkflowContent(workflow));
  const problems = useProblems(content);
  const errors = problems.filter((p) => p.severity === 'error').length;
  const analysis = useAnalysis(content);
  const lint = useLint(content, analysis);
  const marked = useMemo(() => withLintFindings(problems, lint), [problems, lint]);
  const comparing = useCompare((s) => s.open);
  useCompareAction(workflow);
  // The inspector and the analysis stay mounted (hidden) once shown: switching between them is the most
  // frequent move in a session, and remounting the analysis charts costs tens of milliseconds.
  const [kept, setKept] = useState<ReadonlySet<SidePanel>>(() => new Set([panel]));
  if (KEEP_MOUNTED.includes(panel) && !kept.has(panel)) setKept(new Set([...kept, panel]));

  // Ctrl/⌘+C, X, V (and the Edit menu) copy, cut and paste steps while the editor is open.
  useEffect(() => installClipboardEvents(), []);
  useEditorActions();
  // Steps an undo or a delete removed leave the selection too, so no action works on what is gone.
  useEffect(() => {
    const { selectedStepIds, selectedEdgeIds, setSelection } = useEditor.getState();
    const stepIds = new Set(workflow.steps.map((s) => s.id));
    const edgeIds = new Set(workflow.edges.map((e) => e.id));
    const keptSteps = [...selectedStepIds].filter((id) => stepIds.has(id));
    const keptEdges = [...selectedEdgeIds].filter((id) => edgeIds.has(id));
    if (keptSteps.length < selectedStepIds.size || keptEdges.length < selectedEdgeIds.size)
      setSelection(new Set(keptSteps), new Set(keptEdges));
  }, [workflow.steps, workflow.edges]);

  return (
    <ReactFlowProvider>
      <div className={`editor${presenting ? ' presenting' : ''}${panel === 'learning' ? ' wide-panel' : ''}`}>
        <aside className="left-sidebar" aria-label="Palette and legend">
          <PaletteView workflowId={workflow.id} />
          <LegendView />
        </aside>
        <main className="canvas-area" aria-label="Diagram">
          <FilterBar workflow={workflow} problems={problems} />
          <CanvasView workflow={workflow} analysis={analysis} problems={marked} />
          {comparing && !presenting && <ComparePanel workflow={content} />}
          <LintSettingsDialog />
        </main>
        <Tabs.Root asChild value={panel} onValueChange={(v) => useEditor.getState().setPanel(v as SidePanel)}>
          <aside className="side-panel" aria-label="Side panel">
            <Tabs.List className="tabs" aria-label="Side panels">
              <Tabs.Trigger value="inspector">Inspector</Tabs.Trigger>
              <Tabs.Trigger value="analysis">Analysis</Tabs.Trigger>
              <Tabs.Trigger value="learning">Skills &amp; learning</Tabs.Trigger>
              <Tabs.Trigger value="roles">Roles</Tabs.Trigger>
              <Tabs.Trigger value="skills">Skills</Tabs.Trigger>
              <Tabs.Trigger value="problems" aria-label={`Problems (${problems.length})`}>
                Problems
                {problems.length > 0 && (
                  <span className={`count ${errors > 0 ? 'error' : 'warning'}`}>{problems.length}</span>
                )}
              </Tabs.Trigger>
            </Tabs.List>
            <Tabs.Content
              value="inspector"
              className="tab-content"
              forceMount={kept.has('inspector') || undefined}
            >
              <InspectorView workflow={workflow} />
            </Tabs.Content>
            <Tabs.Content
              value="analysis"
              className="tab-content"
              forceMount={kept.has('analysis') || undefined}
            >
              {workflow.kind === 'to-be' && workflow.redesignOfId !== null && (
                <button
                  type="button"
                  className="compare-open"
                  onClick={() => useCompare.getState().setOpen(true)}
                >
                  Compare with as-is…
                </button>
              )}
              <AnalysisView workflow={content} analysis={analysis} />
            </Tabs.Content>
            <Tabs.Content value="learning" className="tab-content">
              <SkillsLearningPanel workflow={content} />
            </Tabs.Content>
            <Tabs.Content value="roles" className="tab-content">
              <RolesPanel />
            </Tabs.Content>
            <Tabs.Content value="skills" className="tab-content">
              <SkillsPanel />
            </Tabs.Content>
            <Tabs.Content value="problems" className="tab-content">
              <ProblemsPanel problems={problems} />
              <LintList workflowId={workflow.id} lint={lint} />
            </Tabs.Content>
          </aside>
        </Tabs.Root>
      </div>
    </ReactFlowProvider>
  );
}
