/**
 * The main-process side of the IPC contract (shared/ipc.ts): how a handler is guarded, and how the handlers
 * are registered on ipcMain — exactly the channels of IPC_CONTRACT, no more, no fewer. Electron's ipcMain and
 * its event are behind two tiny shapes so the wiring is tested too.
 */
import {
  IPC_CHANNELS,
  parseIpcRequest,
  type IpcChannel,
  type IpcRequest,
  type IpcResult,
} from '../shared/ipc';
import { isAppUrl } from './appProtocol';

/** Who sent an IPC call: the URL of the sending frame, and the window it belongs to (dialogs attach to it). */
export interface IpcSender<Owner> {
  frameUrl: string | null;
  owner: Owner;
}

/** A handler as ipcMain calls it: the sender, and the request exactly as the renderer sent it. */
export type ChannelHandler<C extends IpcChannel, Owner> = (
  sender: IpcSender<Owner>,
  rawRequest: unknown,
) => Promise<IpcResult<C>>;

export type IpcHandlers<Owner> = { [C in IpcChannel]: ChannelHandler<C, Owner> };

export function assertTrustedSender(channel: IpcChannel, sender: IpcSender<unknown>): void {
  if (!isAppUrl(sender.frameUrl)) {
    throw new Error(`${channel} refused: the request did not come from a Coarchitect page.`);
  }
}

/**
 * Wraps the body of a handler with the two checks every channel makes, in this order: the sender must be a
 * page of the app's own origin, and the request must parse with the channel's schema. The body only ever sees
 * a parsed request.
 */
export function guarded<C extends IpcChannel, Owner>(
  channel: C,
  body: (sender: IpcSender<Owner>, request: IpcRequest<C>) => Promise<IpcResult<C>>,
): ChannelHandler<C, Owner> {
  return async (sender, rawRequest) => {
    assertTrustedSender(channel, sender);
    return body(sender, parseIpcRequest(channel, rawRequest));
  };
}

export interface IpcMainLike<Event> {
  handle(channel: string, listener: (event: Event, ...args: unknown[]) => Promise<unknown>): void;
}

export function registerIpcHandlers<Event, Owner>(
  ipcMain: IpcMainLike<Event>,
  handlers: IpcHandlers<Owner>,
  describeSender: (event: Event) => IpcSender<Owner>,
): IpcChannel[] {
  for (const channel of IPC_CHANNELS) {
    const handler = handlers[channel] as (sender: IpcSender<Owner>, request: unknown) => Promise<unknown>;
    // Exactly one argument is part of the contract; anything after it is ignored, never forwarded.
    ipcMain.handle(channel, (event, request) => handler(describeSender(event), request));
  }
  return [...IPC_CHANNELS];
}
