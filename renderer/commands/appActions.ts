/**
 * The application's own actions (file, history, view, help), registered once by App. The editor adds its
 * editing actions (copy, align, nudge…) the same way, with `registerActions` while it is mounted.
 */
import { useEffect, useRef } from 'react';
import { COMMAND_INFO, type MenuCommand } from '../../shared/ipc';
import { dispatchCommand, onCommand } from '../desktop/commands';
import { exportWorkflowAndReport, exportWorkspaceAndReport, importFromFileAndReport } from '../exchange';
import { getPlatform } from '../platform/index';
import { useEditor, type HeatMode, type SidePanel } from '../store/editorStore';
import { redo, undo } from '../store/history';
import { useWorkspace } from '../store/workspaceStore';
import { isMacPlatform, keysFromAccelerator } from './keys';
import { registerActions, type Action } from './registry';
import { focusNextRegion } from '../ui/regions';

/** The actions whose UI (a dialog) belongs to App. */
export interface AppActionUi {
  newWorkflow(): void;
  shortcuts(): void;
  palette(): void;
  privacy(): void;
  share(): void;
  restoreBackup(): void;
}

const openWorkflowId = () => useWorkspace.getState().openWorkflowId;
const workflowOpen = () => openWorkflowId() !== null;
const editingWorkflow = () => workflowOpen() && !useEditor.getState().presenting;

/** The menu's accelerator of a command, so the menu, the sheet and the dispatcher never disagree. */
function menuKeys(command: MenuCommand): string[] {
  const accelerator = COMMAND_INFO[command].accelerator;
  return accelerator ? [keysFromAccelerator(accelerator)] : [];
}

const PANELS: [SidePanel, string][] = [
  ['inspector', 'Inspector panel'],
  ['analysis', 'Analysis panel'],
  ['roles', 'Roles panel'],
  ['skills', 'Skills panel'],
  ['problems', 'Problems panel'],
  ['learning', 'Skills & learning panel'],
];

const HEAT: [HeatMode, string][] = [
  ['off', 'Heat overlay: off'],
  ['load', 'Heat overlay: person-hours per week'],
  ['wait', 'Heat overlay: waiting time'],
];

export interface AppActionPlatform {
  isMac: boolean;
  /** Electron: the window's full screen belongs to main, which ends a presentation itself. */
  nativeMenu: boolean;
}

export function appActions(ui: AppActionUi, { isMac, nativeMenu }: AppActionPlatform): Action[] {
  return [
    {
      id: 'file.new-workflow',
      title: 'New workflow…',
      group: 'File',
      keys: menuKeys('new-workflow'),
      menuCommand: 'new-workflow',
      run: () => ui.newWorkflow(),
      keywords: ['create'],
    },
    {
      id: 'file.open',
      title: 'Open…',
      group: 'File',
      keys: menuKeys('open'),
      menuCommand: 'open',
      run: () => void importFromFileAndReport({ openSingle: true }),
      keywords: ['file'],
    },
    {
      id: 'file.import',
      title: 'Import…',
      group: 'File',
      keys: menuKeys('import'),
      menuCommand: 'import',
      run: () => void importFromFileAndReport({ openSingle: false }),
      keywords: ['file', 'load'],
    },
    {
      id: 'file.export-workflow',
      title: 'Export JSON…',
      group: 'File',
      keys: menuKeys('export-workflow'),
      menuCommand: 'export-workflow',
      enabled: workflowOpen,
      run: () => {
        const id = openWorkflowId();
        if (id) void exportWorkflowAndReport(id);
      },
      keywords: ['save', 'download', 'workflow'],
    },
    {
      id: 'file.export-workspace',
      title: 'Export workspace…',
      group: 'File',
      keys: menuKeys('export-workspace'),
      menuCommand: 'export-workspace',
      enabled: () => useWorkspace.getState().workflows.length > 0,
      run: () => void exportWorkspaceAndReport(),
      keywords: ['save', 'download', 'backup'],
    },
    {
      id: 'file.export-for-sharing',
      title: 'Export for sharing…',
      group: 'File',
      enabled: () => useWorkspace.getState().workflows.length > 0,
      run: () => ui.share(),
      keywords: ['redact', 'redacted', 'anonymise', 'privacy', 'public', 'outside HR', 'share'],
    },
    {
      id: 'file.restore-backup',
      title: 'Restore from backup…',
      group: 'File',
      // Backups are the desktop app's: the browser keeps none, so the action is not offered there.
      enabled: () => getPlatform().backups !== undefined,
      run: () => ui.restoreBackup(),
      keywords: ['backup', 'recover', 'lost'],
    },
    {
      id: 'file.privacy',
      title: 'Privacy & encryption…',
      group: 'File',
      run: () => ui.privacy(),
      keywords: ['encrypt', 'passphrase', 'lock', 'security', 'recovery code'],
    },
    {
      id: 'file.back-to-library',
      title: 'Back to all workflows',
      group: 'File',
      enabled: workflowOpen,
      run: () => useWorkspace.getState().openWorkflow(null),
      keywords: ['close', 'library'],
    },
    {
      id: 'edit.undo',
      title: 'Undo',
      group: 'Edit',
      keys: menuKeys('undo'),
      menuCommand: 'undo',
      enabled: () => useWorkspace.temporal.getState().pastStates.length > 0,
      run: undo,
    },
    {
      id: 'edit.redo',
      title: 'Redo',
      group: 'Edit',
      // Ctrl+Y is the other redo on Windows and Linux; on a Mac ⌘Y is history in many apps.
      keys: [...menuKeys('redo'), ...(isMac ? [] : ['Mod+Y'])],
      menuCommand: 'redo',
      enabled: () => useWorkspace.temporal.getState().futureStates.length > 0,
      run: redo,
    },
    {
      id: 'view.fit',
      title: 'Fit view',
      group: 'View',
      keys: menuKeys('fit-view'),
      menuCommand: 'fit-view',
      enabled: workflowOpen,
      run: () => dispatchCommand('fit-view'),
      keywords: ['zoom', 'whole diagram'],
    },
    {
      id: 'view.present',
      title: 'Present',
      group: 'View',
      keys: menuKeys('present'),
      menuCommand: 'present',
      enabled: editingWorkflow,
      run: () => dispatchCommand('present'),
      keywords: ['full screen', 'presentation'],
    },
    {
      id: 'view.end-presentation',
      title: 'End presentation',
      group: 'View',
      keys: nativeMenu ? [] : ['Escape'],
      enabled: () => workflowOpen() && useEditor.getState().presenting,
      run: () => dispatchCommand('present-end'),
    },
    ...PANELS.map(([panel, title], i): Action => ({
      id: `view.panel-${panel}`,
      title,
      group: 'View',
      keys: [`Alt+${i + 1}`],
      enabled: editingWorkflow,
      run: () => useEditor.getState().setPanel(panel),
      keywords: ['show', 'tab', 'side panel'],
    })),
    ...HEAT.map(([heat, title]): Action => ({
      id: `view.heat-${heat}`,
      title,
      group: 'View',
      enabled: () => workflowOpen() && useEditor.getState().heat !== heat,
      run: () => useEditor.getState().setHeat(heat),
      keywords: ['tint', 'load', 'wait', 'bottleneck'],
    })),
    {
      id: 'view.next-region',
      title: 'Go to next region',
      group: 'View',
      keys: ['F6'],
      allowInTextFields: true,
      run: () => void focusNextRegion(1),
      keywords: ['focus', 'landmark', 'panel', 'keyboard'],
    },
    {
      id: 'view.previous-region',
      title: 'Go to previous region',
      group: 'View',
      keys: ['Shift+F6'],
      allowInTextFields: true,
      run: () => void focusNextRegion(-1),
      keywords: ['focus', 'landmark', 'panel', 'keyboard'],
    },
    {
      id: 'help.command-palette',
      title: 'Command palette',
      group: 'Help',
      keys: ['Mod+K'],
      allowInTextFields: true,
      run: () => ui.palette(),
      keywords: ['search', 'find action'],
    },
    {
      id: 'help.shortcuts',
      title: 'Keyboard shortcuts',
      group: 'Help',
      keys: ['Shift+?', ...menuKeys('shortcuts')],
      menuCommand: 'shortcuts',
      run: () => ui.shortcuts(),
      keywords: ['keys', 'help'],
    },
  ];
}

/**
 * Registers the app's actions while App is mounted, and carries out the menu's Undo and Redo (which reach the
 * page as commands: see desktop/integration.ts).
 */
export function useAppActions(ui: AppActionUi): void {
  const latest = useRef(ui);
  useEffect(() => {
    latest.current = ui;
  });
  useEffect(() => {
    const stable: AppActionUi = {
      newWorkflow: () => latest.current.newWorkflow(),
      shortcuts: () => latest.current.shortcuts(),
      palette: () => latest.current.palette(),
      privacy: () => latest.current.privacy(),
      share: () => latest.current.share(),
      restoreBackup: () => latest.current.restoreBackup(),
    };
    const unregister = registerActions(
      appActions(stable, { isMac: isMacPlatform(), nativeMenu: getPlatform().hasNativeMenu }),
    );
    const off = onCommand((command) => {
      if (command === 'undo') undo();
      else if (command === 'redo') redo();
    });
    return () => {
      unregister();
      off();
    };
  }, []);
}
