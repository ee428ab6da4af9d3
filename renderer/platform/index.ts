/**
 * The platform the app runs on: Electron when the preload exposed `window.coarchitect`, the browser otherwise.
 * Chosen once; the UI imports getPlatform() and nothing below it.
 */
import { createBrowserPlatform } from './browserPlatform';
import { createElectronPlatform } from './electronPlatform';
import type { Platform } from './platform';

export type * from './platform';

let current: Platform | null = null;

export function detectPlatform(win: Window = window): Platform {
  return win.coarchitect ? createElectronPlatform(win.coarchitect) : createBrowserPlatform(win.document);
}

export function getPlatform(): Platform {
  current ??= detectPlatform();
  return current;
}

/** For tests: swaps in another platform (an in-memory fake), or clears the choice with null. */
export function setPlatformForTesting(platform: Platform | null): void {
  current = platform;
}
