/**
 * Two environment variables for end-to-end tests of the unpackaged app, ignored by a packaged build (so an
 * installed Coarchitect never skips its save dialog or moves its data because of the environment):
 *
 * - COARCHITECT_E2E_SAVE_PATH: the save dialog is not shown; every save goes to this path.
 * - COARCHITECT_USER_DATA_DIR: userData (the database, recent files, window state) lives in this folder, so a
 *   test starts from nothing and leaves the developer's own data alone.
 */
import path from 'node:path';
import type { FileDialogs } from './fileHandlers';

export const E2E_SAVE_PATH_ENV = 'COARCHITECT_E2E_SAVE_PATH';
export const USER_DATA_DIR_ENV = 'COARCHITECT_USER_DATA_DIR';

type Env = Readonly<Record<string, string | undefined>>;

function absoluteFrom(env: Env, name: string, isPackaged: boolean): string | null {
  const value = env[name];
  if (isPackaged || !value || !path.isAbsolute(value)) return null;
  return value;
}

export function userDataOverride(env: Env, isPackaged: boolean): string | null {
  return absoluteFrom(env, USER_DATA_DIR_ENV, isPackaged);
}

export function withE2eSavePath<Owner>(
  dialogs: FileDialogs<Owner>,
  env: Env,
  isPackaged: boolean,
): FileDialogs<Owner> {
  const savePath = absoluteFrom(env, E2E_SAVE_PATH_ENV, isPackaged);
  if (!savePath) return dialogs;
  return { ...dialogs, chooseSavePath: async () => savePath };
}
