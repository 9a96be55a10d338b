/**
 * The main-process side of every IPC operation, free of Electron so the same
 * code runs in Electron (ipc-main.ts) and behind page.exposeBinding in the
 * Chromium suite. Each handler: sender check → payload validation → action.
 * A handler never throws and never echoes an exception's text: internal
 * failures become a fixed 'internal' message. Nothing here logs.
 */
import * as nodeCrypto from 'node:crypto';
import {
  createDiscoveryCache,
  runRotationTest as coreRunRotationTest,
  runTokenTest as coreRunTokenTest,
  exportPrivateKeyPem,
  findSecretLeaks,
  generateClientKey,
  importPrivateKey,
  keyMaterialValues,
  nodeSignatureCheck,
  type TokenTestOptions,
} from '../../core/okta';
import { fail, ok } from '../../core/shared/result';
import type { FetchLike, TokenTestDeps, TokenTestInput, TokenTestReport } from '../../core/okta/types';
import type { SensitiveValue } from '../../core/okta/redact';
import type { AppOrigin } from '../shared/app-origin';
import type { ClientKeyInfo, InvokeContract, InvokeOperation, IpcResult, KeyLoadResponse, TestRotationResponse } from '../shared/ipc-contract';
import { createClipboardGuard, DEFAULT_CLIPBOARD_CLEAR_MS, type ClipboardPort, type GuardTimers, type SelectionGuard } from './clipboard-guard';
import { readKeyFile } from './key-file';
import { createKeySlots } from './key-slots';
import { VALIDATORS } from './ipc-validate';
import { isTrustedSender, type SenderInfo } from './sender-trust';

/** One per process: it keeps the public keys it imported, by content. */
const NODE_SIGNATURE_CHECK = nodeSignatureCheck<nodeCrypto.KeyObject>(nodeCrypto);

export interface HandlerDeps {
  readonly clipboard: ClipboardPort;
  /** Electron: the in-memory session's fetch. Tests: Node fetch trusting the test CA. */
  readonly fetch: FetchLike;
  /** webContents ids of the app's own windows. */
  readonly isTrustedWebContents: (id: number) => boolean;
  /** APP_ORIGIN in Electron; the test server's origin in the Chromium suite. */
  readonly trustedOrigin: AppOrigin;
  /** Linux's PRIMARY selection, cleared on Forget and quit too; absent elsewhere. */
  readonly selection?: SelectionGuard;
  /** Delay before a copy is cleared from the clipboard; default 30 000 ms. */
  readonly clipboardClearMs?: number;
  readonly now?: () => number;
  /** Reads a refused server certificate to name it in the report (Node: a handshake; Electron: the verify proc's memo). */
  readonly presentedCertificate?: TokenTestDeps['presentedCertificate'];
  /** Drops what presentedCertificate remembers; called on Forget and on quit. */
  readonly clearPresentedCertificates?: () => void;
}

export type Handler<K extends InvokeOperation> = (
  sender: SenderInfo,
  payload: unknown,
) => Promise<IpcResult<InvokeContract[K]['response']>>;

export type Handlers = { readonly [K in InvokeOperation]: Handler<K> } & {
  /** Cancel timers and in-flight requests, clear our clipboard copy (on quit). */
  readonly dispose: () => Promise<void>;
};

export type RunTokenTest = (input: TokenTestInput, deps: TokenTestDeps, signal: AbortSignal, options?: TokenTestOptions) => Promise<TokenTestReport>;
export type RunRotationTest = (input: TokenTestInput, newSecret: string, deps: TokenTestDeps, signal: AbortSignal) => Promise<TestRotationResponse>;

/** The OS file dialog, owned by the sender's window: resolves to the chosen path, or null when cancelled. */
export type OpenKeyFileDialog = (sender: SenderInfo) => Promise<string | null>;

/**
 * Internals production wires to core, real timers and Electron's dialog (main.ts),
 * and a test may replace (the Chromium suite supplies a key file it wrote).
 */
export interface HandlerInternals {
  readonly runTokenTest?: RunTokenTest;
  readonly runRotationTest?: RunRotationTest;
  readonly timers?: GuardTimers;
  /** Without one (e.g. a test that never needs it) Choose key file answers that no dialog is available. */
  readonly openKeyFileDialog?: OpenKeyFileDialog;
}

/** A renderer has no reason to run more than a few tests at once. */
export const MAX_TESTS_IN_FLIGHT = 4;

export const MESSAGES = {
  untrusted: 'Refused: this request did not come from the Basic Header window.',
  internal: 'Something went wrong inside Basic Header. Nothing was sent or stored; try again.',
  clipboard: 'The clipboard could not be written. Select the value and copy it by hand.',
  duplicateRequest: 'A test with this request id is already running.',
  tooManyTests: 'Too many tests are running at once; cancel one and try again.',
  withheld: 'The result was withheld because it would have shown the client secret.',
  keyWithheld: 'The answer was withheld because it would have shown private-key material.',
  keyGone: 'The private key is no longer loaded (Forget clears it, and closing the window loses it). Choose, paste or generate the key again.',
  keyForgotten: 'Forget everything ran while the key was loading, so it was not kept. Choose, paste or generate the key again.',
  keyNotCopyable: 'Only a key generated in this window can be copied; a key you brought is already yours.',
  noDialog: 'The file dialog is not available here. Paste the key instead.',
} as const;

type Action<K extends InvokeOperation> = (
  request: InvokeContract[K]['request'],
  sender: SenderInfo,
) => Promise<IpcResult<InvokeContract[K]['response']>>;

export function createHandlers(deps: HandlerDeps, internals: HandlerInternals = {}): Handlers {
  const runTokenTest = internals.runTokenTest ?? coreRunTokenTest;
  const runRotationTest = internals.runRotationTest ?? coreRunRotationTest;
  const guard = createClipboardGuard({
    clipboard: deps.clipboard,
    clearAfterMs: deps.clipboardClearMs ?? DEFAULT_CLIPBOARD_CLEAR_MS,
    ...(internals.timers === undefined ? {} : { timers: internals.timers }),
  });
  const inFlight = new Map<string, AbortController>();
  const slots = createKeySlots();
  // A session's servers' metadata and public keys (nothing secret), for five minutes, as the CLI and the
  // benchmark already assume: a second test sends only its token request. Emptied on Forget and on quit;
  // a key the cached set lacks is fetched again (keys rotate), and a failed discovery is not remembered.
  // Replaced, not only emptied, by Forget and quit: a test that began before holds the old one, so what it
  // learns after them (an answer that outran the abort) lands in a cache nobody reads.
  let discoveryCache = createDiscoveryCache();
  const renewDiscoveryCache = (): void => {
    discoveryCache.clear();
    discoveryCache = createDiscoveryCache();
  };

  // Bumped by Forget and quit: a key load that began before one of them must not fill a slot after it.
  let forgetEpoch = 0;

  const abortAll = (): number => {
    const count = inFlight.size;
    for (const controller of inFlight.values()) controller.abort();
    inFlight.clear();
    return count;
  };

  /** Sender check, then validation, then the action; every path ends in an envelope. */
  function guarded<K extends InvokeOperation>(operation: K, action: Action<K>): Handler<K> {
    const validate = VALIDATORS[operation] as (payload: unknown) => IpcResult<InvokeContract[K]['request']>;
    return async (sender: SenderInfo, payload: unknown) => {
      try {
        if (!isTrustedSender(sender, deps.isTrustedWebContents, deps.trustedOrigin)) {
          return fail('untrusted-sender', MESSAGES.untrusted);
        }
        const request = validate(payload);
        if (!request.ok) return request;
        return await action(request.value, sender);
      } catch {
        // Deliberately not err.message: an exception's text could carry input.
        return fail('internal', MESSAGES.internal);
      }
    };
  }

  const copyText = guarded('copyText', async ({ text }) => {
    try {
      return ok(await guard.copy(text));
    } catch {
      return fail('clipboard-unavailable', MESSAGES.clipboard);
    }
  });

  const forget = guarded('forget', async () => {
    forgetEpoch += 1;
    const requestsCancelled = abortAll();
    const keysForgotten = slots.clear();
    renewDiscoveryCache();
    deps.clearPresentedCertificates?.();
    await deps.selection?.clearIfOurs();
    const clipboardCleared = await guard.clearIfOurs();
    return ok({ clipboardCleared, requestsCancelled, keysForgotten });
  });

  /** Imports key text into a slot; the reply is checked against the key's material before it leaves. */
  const loadKey = async (keyText: string, kid: string | null, source: ClientKeyInfo['source'], fileName: string | null, epoch: number): Promise<IpcResult<KeyLoadResponse>> => {
    const imported = await importPrivateKey(keyText, kid === null ? {} : { kid });
    if (imported.ok && epoch !== forgetEpoch) return fail('key-not-loaded', MESSAGES.keyForgotten);
    const reply: KeyLoadResponse = imported.ok
      ? { status: 'loaded', key: slots.put(imported.value, { source, fileName }) }
      : { status: 'refused', code: imported.code, message: imported.message };
    const needles = imported.ok ? imported.value.sensitiveValues : keyMaterialValues(keyText);
    if (findSecretLeaks(reply, needles).length > 0) {
      if (reply.status === 'loaded') slots.clear();
      return fail('internal', MESSAGES.keyWithheld);
    }
    return ok(reply);
  };

  const chooseKeyFile = guarded('chooseKeyFile', async ({ kid }, sender) => {
    const epoch = forgetEpoch;
    if (internals.openKeyFileDialog === undefined) return ok({ status: 'refused', code: 'file-unreadable', message: MESSAGES.noDialog });
    const chosen = await internals.openKeyFileDialog(sender);
    if (chosen === null) return ok({ status: 'cancelled' });
    const file = await readKeyFile(chosen);
    if (!file.ok) return ok({ status: 'refused', code: file.code, message: file.message });
    return loadKey(file.value.text, kid, 'file', file.value.fileName, epoch);
  });

  const importKeyText = guarded('importKeyText', async ({ text, kid }) => loadKey(text, kid, 'pasted', null, forgetEpoch));

  const generateKey = guarded('generateKey', async ({ alg }) => {
    const epoch = forgetEpoch;
    const generated = await generateClientKey(alg);
    // The signing key is imported non-extractable like any other; the private JWK stays for the guarded copies.
    const imported = await importPrivateKey(JSON.stringify(generated.privateJwk));
    if (!imported.ok) return fail('internal', MESSAGES.internal);
    if (epoch !== forgetEpoch) return fail('key-not-loaded', MESSAGES.keyForgotten);
    const info = slots.put(imported.value, {
      source: 'generated',
      fileName: null,
      generated: { privateJwk: generated.privateJwk as Readonly<Record<string, unknown>>, publicJwk: generated.publicJwk as Readonly<Record<string, unknown>> },
    });
    if (findSecretLeaks(info, imported.value.sensitiveValues).length > 0) return fail('internal', MESSAGES.keyWithheld);
    return ok(info);
  });

  const copyPrivateKey = guarded('copyPrivateKey', async ({ slotId, form }) => {
    const slot = slots.get(slotId);
    if (slot === undefined) return fail('key-not-loaded', MESSAGES.keyGone);
    if (slot.privateJwk === null) return fail('invalid-payload', MESSAGES.keyNotCopyable);
    let text: string;
    if (form === 'private-jwk') {
      text = JSON.stringify(slot.privateJwk, null, 2);
    } else {
      const pem = await exportPrivateKeyPem(slot.privateJwk);
      if (!pem.ok) return fail('internal', MESSAGES.internal);
      text = pem.value;
    }
    try {
      // The same guard as every copy: history markers, cleared after the delay, on Forget and on quit.
      return ok(await guard.copy(text));
    } catch {
      return fail('clipboard-unavailable', MESSAGES.clipboard);
    }
  });

  /** Registers a cancellable test under the renderer's id (one per id, a few at once), runs it, unregisters it. */
  async function tracked<T>(requestId: string, work: (signal: AbortSignal) => Promise<IpcResult<T>>): Promise<IpcResult<T>> {
    if (inFlight.has(requestId)) return fail('invalid-payload', MESSAGES.duplicateRequest);
    if (inFlight.size >= MAX_TESTS_IN_FLIGHT) return fail('invalid-payload', MESSAGES.tooManyTests);
    const controller = new AbortController();
    inFlight.set(requestId, controller);
    try {
      return await work(controller.signal);
    } finally {
      if (inFlight.get(requestId) === controller) inFlight.delete(requestId);
    }
  }

  const testDeps: TokenTestDeps = {
    fetch: deps.fetch,
    // Main is Node: the token's signature is checked without WebCrypto's thread hop (core/okta/token-signature.ts).
    checkSignature: NODE_SIGNATURE_CHECK,
    ...(deps.now === undefined ? {} : { now: deps.now }),
    ...(deps.presentedCertificate === undefined ? {} : { presentedCertificate: deps.presentedCertificate }),
  };

  const testCredentials = guarded('testCredentials', async (request) => {
    const { requestId, keySlot, ...rest } = request;
    // The page names a slot; the key itself never left main. A slot only matters to private_key_jwt.
    let input: TokenTestInput = rest;
    let keyNeedles: readonly string[] = [];
    let keyForms: readonly SensitiveValue[] = [];
    if (rest.authMethod === 'private_key_jwt' && keySlot !== undefined) {
      const slot = slots.get(keySlot);
      if (slot === undefined) return fail('key-not-loaded', MESSAGES.keyGone);
      input = { ...rest, clientKey: slot.signingKey };
      keyNeedles = slot.needles;
      keyForms = slot.sensitive;
    }
    return tracked(requestId, async (signal) => {
      // Core holds only a CryptoKey it cannot read: the key's private members, in every form, are masked as the secret is.
      const report = await runTokenTest(input, testDeps, signal, { discoveryCache, alsoSensitive: keyForms });
      // Belt and braces over core's guarantee: a report that contains the secret never leaves main.
      if (containsSecret(report, input.clientSecret)) return fail('internal', MESSAGES.withheld);
      if (findSecretLeaks(report, keyNeedles).length > 0) return fail('internal', MESSAGES.keyWithheld);
      return ok(inertBidi(report, ['token.accessToken']));
    });
  });

  // A rotation varies the secret only: a key slot has no part in it (core refuses private_key_jwt without a key).
  const testRotation = guarded('testRotation', async (request) => {
    const { requestId, newClientSecret, ...rest } = request;
    const { keySlot, ...input } = rest;
    void keySlot;
    return tracked(requestId, async (signal) => {
      const result = await runRotationTest(input, newClientSecret, testDeps, signal);
      if (containsSecret(result, input.clientSecret) || containsSecret(result, newClientSecret)) return fail('internal', MESSAGES.withheld);
      return ok(inertBidi(result, ['results.0.token.accessToken', 'results.1.token.accessToken']));
    });
  });

  const cancelTest = guarded('cancelTest', async ({ requestId }) => {
    const controller = inFlight.get(requestId);
    if (controller === undefined) return ok({ cancelled: false });
    inFlight.delete(requestId);
    controller.abort();
    return ok({ cancelled: true });
  });

  return {
    copyText,
    forget,
    testCredentials,
    testRotation,
    cancelTest,
    chooseKeyFile,
    importKeyText,
    generateKey,
    copyPrivateKey,
    dispose: async () => {
      forgetEpoch += 1;
      abortAll();
      slots.clear();
      renewDiscoveryCache();
      deps.clearPresentedCertificates?.();
      try {
        await deps.selection?.clearIfOurs();
        await guard.dispose();
      } catch {
        // Quitting must not fail because the clipboard is unavailable.
      }
    },
  };
}

/**
 * True when the serialised report holds the secret. Very short secrets are not
 * checked: they would match ordinary words in the report and hide good results.
 */
export function containsSecret(report: unknown, secret: string): boolean {
  if (secret.length < 8) return false;
  return JSON.stringify(report).includes(JSON.stringify(secret).slice(1, -1));
}

/** Bidi embeddings, overrides and isolates: they reorder what is shown (U+202E shows reversed text the right way round). */
const BIDI_CONTROLS = /[\u202A-\u202E\u2066-\u2069]/g;

/**
 * The report with every bidi control in a server's text shown as a visible \uXXXX, as the CLI
 * prints it: otherwise a server could echo the secret reversed inside U+202E, which the redactor
 * does not see as the secret and the window draws in reading order. Keys too (a claim's name).
 * Only the access token at `keep` stays exact, for its Copy button: by path, so a key that a
 * server names `accessToken` inside its own text is not exempt. Null-prototype copies, like the redactor's.
 */
export function inertBidi<T>(value: T, keep: readonly string[]): T {
  const walk = (v: unknown, path: string): unknown => {
    if (typeof v === 'string') return keep.includes(path) ? v : v.replace(BIDI_CONTROLS, (c) => `\\u${c.charCodeAt(0).toString(16).toUpperCase()}`);
    if (Array.isArray(v)) return v.map((item, i) => walk(item, `${path}.${i}`));
    if (typeof v !== 'object' || v === null) return v;
    const out = Object.create(null) as Record<string, unknown>;
    for (const [name, item] of Object.entries(v)) out[walk(name, '') as string] = walk(item, path === '' ? name : `${path}.${name}`);
    return out;
  };
  return walk(value, '') as T;
}
