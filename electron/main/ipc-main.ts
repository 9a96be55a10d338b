/**
 * The only file that touches ipcMain: one `handle` per channel in
 * INVOKE_CHANNELS, each turning the event into SenderInfo for the handler
 * (which does the sender check), and the typed sender for menu commands.
 */
import { ipcMain, type WebContents } from 'electron';
import { COMMAND_CHANNEL, INVOKE_CHANNELS, type AppCommand, type InvokeOperation } from '../shared/ipc-contract';
import type { Handlers } from './ipc-handlers';
import { senderInfoFrom } from './sender-trust';

const OPERATIONS = Object.keys(INVOKE_CHANNELS) as InvokeOperation[];

/** Register every channel; returns a function that removes them again. */
export function registerIpcHandlers(handlers: Handlers): () => void {
  for (const operation of OPERATIONS) {
    // Only the first argument is a payload; anything else the page sends is ignored.
    ipcMain.handle(INVOKE_CHANNELS[operation], (event, payload: unknown) => handlers[operation](senderInfoFrom(event), payload));
  }
  return () => {
    for (const operation of OPERATIONS) ipcMain.removeHandler(INVOKE_CHANNELS[operation]);
  };
}

export function sendCommand(contents: WebContents, command: AppCommand): void {
  if (!contents.isDestroyed()) contents.send(COMMAND_CHANNEL, command);
}
