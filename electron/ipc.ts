/**
 * Registers the IPC handlers of the shared contract on ipcMain: exactly the channels of IPC_CONTRACT, no
 * more, no fewer. Electron's ipcMain and its event are behind two tiny shapes so the wiring is tested too.
 */
import { IPC_CHANNELS, type IpcChannel } from '../shared/ipc';
import type { FileHandlers, IpcSender } from './fileHandlers';

export interface IpcMainLike<Event> {
  handle(channel: string, listener: (event: Event, ...args: unknown[]) => Promise<unknown>): void;
}

export function registerIpcHandlers<Event, Owner>(
  ipcMain: IpcMainLike<Event>,
  handlers: FileHandlers<Owner>,
  describeSender: (event: Event) => IpcSender<Owner>,
): IpcChannel[] {
  for (const channel of IPC_CHANNELS) {
    const handler = handlers[channel] as (sender: IpcSender<Owner>, request: unknown) => Promise<unknown>;
    // Exactly one argument is part of the contract; anything after it is ignored, never forwarded.
    ipcMain.handle(channel, (event, request) => handler(describeSender(event), request));
  }
  return [...IPC_CHANNELS];
}
