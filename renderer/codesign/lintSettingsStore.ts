/**
 * The workspace's lint settings (severity per rule, custom rules), loaded from the database once the
 * workspace is ready and saved there on every change. Kept apart from the workspace store: settings are not
 * workflow content, so they have no undo and never change a workflow's hash or sign-off.
 */
import { create } from 'zustand';
import {
  DEFAULT_LINT_SETTINGS,
  compileLintSettings,
  type CompiledLintSettings,
  type LintWorkspaceSettings,
} from '../../shared/lint/index';
import { loadLintSettings, saveLintSettings } from '../storage/repository';
import { useWorkspace, workspaceDatabase } from '../store/workspaceStore';

interface LintSettingsState {
  /** As stored (possibly with problems); null until loaded or when never saved. */
  raw: unknown;
  compiled: CompiledLintSettings;
  loaded: boolean;
  saveError: string | null;
  load(): Promise<void>;
  save(next: LintWorkspaceSettings): Promise<void>;
}

/** Tells the workspace's other tabs and windows that the settings changed (they read them again). */
const tabs: { channel: BroadcastChannel | null } = { channel: null };

export const useLintSettings = create<LintSettingsState>()((set) => ({
  raw: null,
  compiled: compileLintSettings(null),
  loaded: false,
  saveError: null,
  async load() {
    const raw = await loadLintSettings(workspaceDatabase());
    set({ raw, compiled: compileLintSettings(raw), loaded: true });
  },
  async save(next) {
    set({ raw: next, compiled: compileLintSettings(next), saveError: null });
    try {
      await saveLintSettings(workspaceDatabase(), next);
      tabs.channel?.postMessage('lint-settings-saved');
    } catch (error) {
      set({ saveError: error instanceof Error ? error.message : String(error) });
    }
  },
}));

/** The stored settings in their editable shape: rules that are not an object or list read as empty. */
export function editableSettings(raw: unknown): LintWorkspaceSettings {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return { ...DEFAULT_LINT_SETTINGS };
  const { rules, customRules } = raw as Record<string, unknown>;
  return {
    rules:
      typeof rules === 'object' && rules !== null && !Array.isArray(rules)
        ? (rules as LintWorkspaceSettings['rules'])
        : {},
    customRules: Array.isArray(customRules) ? customRules : [],
  };
}

/** Loads the settings each time the workspace becomes ready (start, unlock) and when another tab saved them. */
export function installLintSettingsLoader(): void {
  const loadIfReady = () => {
    if (useWorkspace.getState().status === 'ready')
      void useLintSettings
        .getState()
        .load()
        .catch(() => {});
  };
  if (typeof BroadcastChannel !== 'undefined') {
    tabs.channel = new BroadcastChannel('coarchitect-lint-settings');
    tabs.channel.onmessage = loadIfReady;
  }
  useWorkspace.subscribe((now, before) => {
    if (now.status === 'ready' && before.status !== 'ready') loadIfReady();
  });
  loadIfReady();
}
