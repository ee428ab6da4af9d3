/**
 * Ctrl/⌘+K: one search box that finds any enabled action (with its shortcut) and any step of the open
 * workflow by name, kind or role. Choosing a step selects it, brings it into view and opens the Inspector.
 */
import * as RadixDialog from '@radix-ui/react-dialog';
import { Command } from 'cmdk';
import { useMemo, useRef, useState } from 'react';
import { flushSync } from 'react-dom';
import { create } from 'zustand';
import type { Step, Workflow } from '../../shared/model/schema';
import { lookOf } from '../editor/stepKinds';
import { useEditor } from '../store/editorStore';
import { useWorkspace } from '../store/workspaceStore';
import { formatKeys, isMacPlatform } from './keys';
import { bestMatches } from './paletteSearch';
import { ACTION_GROUPS, isEnabled, useActions, type Action } from './registry';
import './commands.css';

/** More would not be read, and each rendered option costs time in a workflow of thousands of steps. */
export const MAX_STEP_RESULTS = 50;

/**
 * Whether the palette is open. Its own store, not App's state: opening it then renders the palette alone,
 * not the editor of a workflow of thousands of steps.
 */
export const useCommandPalette = create<{ open: boolean }>()(() => ({ open: false }));
/**
 * Renders the palette and moves the focus into its search within the key press itself: keys typed right
 * after Ctrl+K, before a busy page would have rendered, belong to the search and never to the field that
 * had the focus (they would have renamed the selected step).
 */
export const openCommandPalette = () => flushSync(() => useCommandPalette.setState({ open: true }));
const onOpenChange = (open: boolean) => useCommandPalette.setState({ open });

export function CommandPalette({ workflow }: { workflow: Workflow | null }) {
  const open = useCommandPalette((s) => s.open);
  // Radix gives the focus back only to a Dialog.Trigger; the palette opens from keys and buttons alike.
  const returnFocusTo = useRef<Element | null>(null);
  return (
    <RadixDialog.Root open={open} onOpenChange={onOpenChange}>
      <RadixDialog.Portal>
        <RadixDialog.Overlay className="dialog-overlay" />
        <RadixDialog.Content
          className="dialog command-palette"
          aria-describedby={undefined}
          onOpenAutoFocus={() => {
            returnFocusTo.current = document.activeElement;
          }}
          onCloseAutoFocus={(event) => {
            const target = returnFocusTo.current;
            if (target instanceof HTMLElement && target.isConnected) {
              event.preventDefault();
              target.focus();
            }
          }}
        >
          <RadixDialog.Title className="visually-hidden">Command palette</RadixDialog.Title>
          {/* Mounted only while open: the search starts empty each time. */}
          <PaletteSearch workflow={workflow} close={() => onOpenChange(false)} />
        </RadixDialog.Content>
      </RadixDialog.Portal>
    </RadixDialog.Root>
  );
}

interface StepEntry {
  step: Step;
  detail: string;
  fields: readonly string[];
}

function PaletteSearch({ workflow, close }: { workflow: Workflow | null; close(): void }) {
  const [query, setQuery] = useState('');
  const actions = useActions();
  const roles = useWorkspace((s) => s.roles);
  const mac = isMacPlatform();

  // Lower-cased once per workflow, not once per keystroke.
  const stepEntries = useMemo<StepEntry[]>(() => {
    if (!workflow) return [];
    const roleNames = new Map(roles.map((r) => [r.id, r.name]));
    return workflow.steps.map((step) => {
      const role =
        step.type === 'task' || step.type === 'review' ? roleNames.get(step.roleId ?? '') : undefined;
      const detail = [lookOf(step).label, role].filter(Boolean).join(' · ');
      return { step, detail, fields: [step.name.toLowerCase(), detail.toLowerCase()] };
    });
  }, [workflow, roles]);

  const enabledActions = useMemo(() => uniqueById(actions).filter(isEnabled), [actions]);
  const foundActions = bestMatches(enabledActions, query, (a) => [
    a.title.toLowerCase(),
    [a.group, ...(a.keywords ?? [])].join(' ').toLowerCase(),
  ]);
  const foundSteps = useMemo(
    () => bestMatches(stepEntries, query, (e) => e.fields, MAX_STEP_RESULTS),
    [stepEntries, query],
  );

  const runAndClose = (action: Action) => {
    close();
    action.run();
  };
  const goToStep = (stepId: string) => {
    close();
    const editor = useEditor.getState();
    editor.selectOnly([stepId]);
    editor.setPanel('inspector');
    editor.focusStep(stepId);
  };

  // With a query the best match comes first whatever its group; without one, actions keep their groups' order.
  const actionGroups = query.trim()
    ? [{ heading: 'Actions', items: foundActions.items }]
    : ACTION_GROUPS.map((group) => ({
        heading: group,
        items: foundActions.items.filter((a) => a.group === group),
      }));

  return (
    <Command label="Search actions and steps" shouldFilter={false} loop>
      <Command.Input
        value={query}
        onValueChange={setQuery}
        placeholder="Search actions and steps…"
        className="command-palette-input"
      />
      <Command.List className="command-palette-list" label="Results">
        <Command.Empty>Nothing matches “{query}”.</Command.Empty>
        {actionGroups.map(
          ({ heading, items }) =>
            items.length > 0 && (
              <Command.Group key={heading} heading={heading}>
                {items.map((action) => {
                  const keys = action.keys?.[0] ? formatKeys(action.keys[0], mac) : null;
                  return (
                    <Command.Item
                      key={action.id}
                      value={`action:${action.id}`}
                      onSelect={() => runAndClose(action)}
                    >
                      {/* The name comes from the text itself, so what is seen is what is announced (WCAG 2.5.3);
                          the visible shortcut is hidden from the ear and said once, in brackets. */}
                      <span className="command-title">{action.title}</span>
                      {keys && (
                        <>
                          <span className="visually-hidden">{` (${keys})`}</span>
                          <kbd aria-hidden>{keys}</kbd>
                        </>
                      )}
                    </Command.Item>
                  );
                })}
              </Command.Group>
            ),
        )}
        {foundSteps.items.length > 0 && (
          <Command.Group heading="Steps">
            {foundSteps.items.map(({ step, detail }) => (
              <Command.Item key={step.id} value={`step:${step.id}`} onSelect={() => goToStep(step.id)}>
                <span className="command-title">{step.name}</span>
                <span className="visually-hidden">{` (${detail})`}</span>
                <span className="command-detail" aria-hidden>
                  {detail}
                </span>
              </Command.Item>
            ))}
          </Command.Group>
        )}
      </Command.List>
      {foundSteps.total > foundSteps.items.length && (
        <p className="command-palette-more" role="status">
          Showing the best {foundSteps.items.length} of {foundSteps.total} matching steps; type more to
          narrow.
        </p>
      )}
    </Command>
  );
}

/** An id registered twice (an override) is offered once, as the dispatcher would run it. */
function uniqueById(actions: readonly Action[]): Action[] {
  const seen = new Set<string>();
  return actions.filter((a) => (seen.has(a.id) ? false : (seen.add(a.id), true)));
}
