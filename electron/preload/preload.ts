/**
 * The bridge (checklist item 20): exposes exactly BRIDGE_KEYS on
 * window.basicHeader, one function per operation. Raw ipcRenderer never
 * reaches the page, and command listeners never see the IpcRendererEvent.
 * Bundled to one CJS file that requires only 'electron' (sandboxed preload).
 */
import { contextBridge, ipcRenderer } from 'electron';
import { APP_COMMANDS, BRIDGE_NAME, COMMAND_CHANNEL, INVOKE_CHANNELS, type AppCommand, type BasicHeaderApi } from '../shared/ipc-contract';

function isAppCommand(value: unknown): value is AppCommand {
  return APP_COMMANDS.some((command) => command === value);
}

const api: BasicHeaderApi = {
  copyText: (request) => ipcRenderer.invoke(INVOKE_CHANNELS.copyText, request),
  forget: (request) => ipcRenderer.invoke(INVOKE_CHANNELS.forget, request),
  testCredentials: (request) => ipcRenderer.invoke(INVOKE_CHANNELS.testCredentials, request),
  cancelTest: (request) => ipcRenderer.invoke(INVOKE_CHANNELS.cancelTest, request),
  chooseKeyFile: (request) => ipcRenderer.invoke(INVOKE_CHANNELS.chooseKeyFile, request),
  importKeyText: (request) => ipcRenderer.invoke(INVOKE_CHANNELS.importKeyText, request),
  generateKey: (request) => ipcRenderer.invoke(INVOKE_CHANNELS.generateKey, request),
  copyPrivateKey: (request) => ipcRenderer.invoke(INVOKE_CHANNELS.copyPrivateKey, request),
  onCommand: (listener) => {
    if (typeof listener !== 'function') throw new TypeError('onCommand needs a function.');
    const forward = (_event: unknown, command: unknown): void => {
      if (isAppCommand(command)) listener(command);
    };
    ipcRenderer.on(COMMAND_CHANNEL, forward);
    return () => {
      ipcRenderer.removeListener(COMMAND_CHANNEL, forward);
    };
  },
};

contextBridge.exposeInMainWorld(BRIDGE_NAME, api);
