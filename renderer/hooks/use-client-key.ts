/**
 * The private_key_jwt key as the page knows it: only what main answered
 * (ClientKeyInfo: slot id, kid, alg, key type, thumbprint, public JWK). The
 * key itself stays in main: a file is read there, a pasted key crosses once to
 * be imported and is never sent back, a generated key is made there.
 * Forget everything remounts the workspace (dropping this state) and main
 * drops its slots.
 */
import { useCallback, useRef, useState } from 'react';
import type { ClientKeyInfo, IpcResult, KeyLoadResponse, PrivateKeyForm } from '../../electron/shared/ipc-contract';
import { NO_BRIDGE_MESSAGE, type Bridge } from '../bridge';

export type KeyBusy = 'file' | 'paste' | 'generate' | null;

export interface KeyMessage {
  readonly tone: 'error' | 'ok' | 'info';
  readonly text: string;
}

export interface ClientKeyState {
  readonly busy: KeyBusy;
  /** The last refusal or confirmation, in plain words (never key text). */
  readonly message: KeyMessage | null;
}

export interface ClientKeyActions {
  readonly chooseFile: (kid: string | null) => Promise<ClientKeyInfo | null>;
  readonly importText: (text: string, kid: string | null) => Promise<ClientKeyInfo | null>;
  readonly generate: (alg: 'RS256' | 'ES256') => Promise<ClientKeyInfo | null>;
  readonly copyPrivate: (slotId: string, form: PrivateKeyForm) => Promise<KeyMessage>;
}

export function useClientKey(bridge: Bridge | null): ClientKeyState & ClientKeyActions {
  const [busy, setBusy] = useState<KeyBusy>(null);
  const [message, setMessage] = useState<KeyMessage | null>(null);
  const running = useRef(false);

  /** One key operation at a time; every outcome becomes a message, never an exception. */
  const load = useCallback(async (kind: Exclude<KeyBusy, null>, call: (b: Bridge) => Promise<IpcResult<KeyLoadResponse>>): Promise<ClientKeyInfo | null> => {
    if (running.current) return null;
    if (bridge === null) {
      setMessage({ tone: 'error', text: NO_BRIDGE_MESSAGE });
      return null;
    }
    running.current = true;
    setBusy(kind);
    try {
      const reply = await call(bridge);
      if (!reply.ok) {
        setMessage({ tone: 'error', text: `Key not loaded: ${reply.message}` });
        return null;
      }
      const value = reply.value;
      if (value.status === 'cancelled') {
        setMessage(null);
        return null;
      }
      if (value.status === 'refused') {
        setMessage({ tone: 'error', text: `Key not loaded: ${value.message}` });
        return null;
      }
      setMessage({ tone: 'ok', text: kind === 'generate' ? 'Key pair generated. Add the public key to the app in Okta, then test.' : 'Key loaded. It stays in the app’s memory only.' });
      return value.key;
    } catch {
      setMessage({ tone: 'error', text: 'Key not loaded: the app did not answer. Try again.' });
      return null;
    } finally {
      running.current = false;
      setBusy(null);
    }
  }, [bridge]);

  const chooseFile = useCallback((kid: string | null) => load('file', (b) => b.chooseKeyFile({ kid })), [load]);
  const importText = useCallback((text: string, kid: string | null) => load('paste', (b) => b.importKeyText({ text, kid })), [load]);
  const generate = useCallback(async (alg: 'RS256' | 'ES256'): Promise<ClientKeyInfo | null> => load('generate', async (b) => {
    const reply = await b.generateKey({ alg });
    return reply.ok ? { ok: true, value: { status: 'loaded', key: reply.value } } : reply;
  }), [load]);

  const copyPrivate = useCallback(async (slotId: string, form: PrivateKeyForm): Promise<KeyMessage> => {
    if (bridge === null) return { tone: 'error', text: `Not copied. ${NO_BRIDGE_MESSAGE}` };
    try {
      const reply = await bridge.copyPrivateKey({ slotId, form });
      return reply.ok
        ? { tone: 'ok', text: `Private key copied — the clipboard clears in ${Math.max(1, Math.round(reply.value.clearAfterMs / 1000))} s. Paste it into your secret store now.` }
        : { tone: 'error', text: `Not copied: ${reply.message}` };
    } catch {
      return { tone: 'error', text: 'Not copied: the app did not answer. Try again.' };
    }
  }, [bridge]);

  return { busy, message, chooseFile, importText, generate, copyPrivate };
}
