/**
 * View › Present: full screen with the side panels hidden (the renderer hides them on the 'present' command),
 * and back again on 'present-end' when the window leaves full screen by any means (the menu item again,
 * Escape, the window manager).
 */
import type { MenuCommand } from '../shared/ipc';

export interface FullScreenWindow {
  isFullScreen(): boolean;
  setFullScreen(flag: boolean): void;
  on(event: 'leave-full-screen', listener: () => void): unknown;
}

export interface Presentation {
  readonly presenting: boolean;
  toggle(): void;
}

export function createPresentation(
  window: FullScreenWindow,
  sendCommand: (command: MenuCommand) => void,
): Presentation {
  let presenting = false;
  window.on('leave-full-screen', () => {
    if (!presenting) return;
    presenting = false;
    sendCommand('present-end');
  });
  return {
    get presenting() {
      return presenting;
    },
    toggle() {
      if (presenting) {
        // 'leave-full-screen' follows and ends the presentation; if the window was no longer full screen, end it here.
        window.setFullScreen(false);
        if (presenting && !window.isFullScreen()) {
          presenting = false;
          sendCommand('present-end');
        }
        return;
      }
      presenting = true;
      sendCommand('present');
      if (!window.isFullScreen()) window.setFullScreen(true);
    },
  };
}
