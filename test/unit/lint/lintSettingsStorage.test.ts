/** Lint settings live in the meta table (no schema change) and read back as saved, problems and all. */
import { describe, expect, it } from 'vitest';
import { compileLintSettings } from '../../../shared/lint';
import { DATABASE_VERSION } from '../../../renderer/storage/db';
import {
  LINT_SETTINGS_KEY,
  loadLintSettings,
  loadWorkspace,
  saveLintSettings,
} from '../../../renderer/storage/repository';
import { editableSettings } from '../../../renderer/codesign/lintSettingsStore';
import { freshDb } from '../freshDb';

describe('lint settings storage', () => {
  it('is null before anything is saved, then reads back what was saved', async () => {
    const db = freshDb();
    expect(await loadLintSettings(db)).toBeNull();
    const settings = {
      rules: { 'ai-tool-named': 'off' as const },
      customRules: [{ id: 'x', message: 'm', require: { owner: true } }],
    };
    await saveLintSettings(db, settings);
    expect(await loadLintSettings(db)).toEqual(settings);
    expect(db.verno).toBe(DATABASE_VERSION);
    // Beside the workspace, not in it.
    const { unreadable } = await loadWorkspace(db);
    expect(unreadable).toEqual([]);
  });

  it('keeps a damaged row readable: its problems are listed and the defaults apply', async () => {
    const db = freshDb();
    await db.meta.put({ key: LINT_SETTINGS_KEY, value: ['not', 'settings'] });
    const raw = await loadLintSettings(db);
    expect(compileLintSettings(raw).problems).toHaveLength(1);
    expect(editableSettings(raw)).toEqual({ rules: {}, customRules: [] });
    expect(editableSettings({ rules: 'loud', customRules: [1] })).toEqual({ rules: {}, customRules: [1] });
  });
});
