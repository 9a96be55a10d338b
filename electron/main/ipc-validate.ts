/**
 * Runtime validation of every IPC payload (the renderer is untrusted input).
 * Each validator accepts only a plain object with exactly the expected own data
 * properties, checks types and length caps, and returns a fresh object built
 * from the checked values, so nothing hostile (getters, prototypes, extra keys)
 * reaches the handlers. Messages name the field and the rule, never the value.
 */
import { fail, ok, type Result } from '../../core/shared/result';
import { CLIENT_SECRET_JWT_ALGS, KEYGEN_ALGS } from '../../core/okta/client-keys';
import { CLIENT_AUTH_METHODS, type AuthServerChoice } from '../../core/okta/types';
import type {
  CancelTestRequest,
  ChooseKeyFileRequest,
  CopyPrivateKeyRequest,
  CopyPurpose,
  CopyTextRequest,
  GenerateKeyRequest,
  ImportKeyTextRequest,
  PrivateKeyForm,
  ForgetRequest,
  InvokeContract,
  InvokeOperation,
  TestCredentialsRequest,
  TestRotationRequest,
} from '../shared/ipc-contract';
import { LIMITS } from '../shared/limits';

export type Validation<T> = Result<T, 'invalid-payload'>;


/** Renderer-chosen ids: short and boring, so they are safe as map keys. */
const REQUEST_ID = /^[A-Za-z0-9-]{1,64}$/;
/** RFC 6749 §3.3 scope-token: NQCHAR, no whitespace, no `"` or `\`. */
const SCOPE_TOKEN = /^[\x21\x23-\x5B\x5D-\x7E]+$/;
/** C0 controls other than tab/CR/LF, and DEL: never meaningful in a pasted URL or id. */
// eslint-disable-next-line no-control-regex
const STRAY_CONTROL = /[\x00-\x08\x0B\x0C\x0E-\x1F\x7F]/;

const COPY_PURPOSES: readonly CopyPurpose[] = ['base64', 'header', 'token', 'public-jwk', 'secret', 'new-secret'];
const FORGET_REASONS: readonly ForgetRequest['reason'][] = ['user', 'idle', 'shortcut'];
const PRIVATE_KEY_FORMS: readonly PrivateKeyForm[] = ['private-jwk', 'private-pem'];
/** core's checkKeyId: a kid is a short printable label (a pasted key is not one). */
const KEY_ID = /^[\x21-\x7E]+$/;

type Fields = Readonly<Record<string, unknown>>;

function refuse(message: string): { readonly ok: false; readonly code: 'invalid-payload'; readonly message: string } {
  return fail('invalid-payload', message);
}

/**
 * A plain object (prototype Object.prototype or null) whose own keys are exactly
 * `keys` (plus any of `optional`), each a data property. Getters are refused without being called.
 */
function plainRecord(value: unknown, keys: readonly string[], what: string, optional: readonly string[] = []): Validation<Fields> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return refuse(`${what} must be an object.`);
  }
  const proto: unknown = Object.getPrototypeOf(value);
  if (proto !== Object.prototype && proto !== null) {
    return refuse(`${what} must be a plain object.`);
  }
  const own = Reflect.ownKeys(value);
  const out: Record<string, unknown> = Object.create(null) as Record<string, unknown>;
  for (const key of own) {
    if (typeof key !== 'string' || !(keys.includes(key) || optional.includes(key))) {
      return refuse(`${what} has an unexpected field.`);
    }
    const descriptor = Object.getOwnPropertyDescriptor(value, key);
    if (descriptor === undefined || !('value' in descriptor)) {
      return refuse(`${what}.${key} must be a plain value.`);
    }
    out[key] = descriptor.value;
  }
  for (const key of keys) {
    if (!Object.prototype.hasOwnProperty.call(out, key)) {
      return refuse(`${what}.${key} is missing.`);
    }
  }
  return ok(out);
}

/** A request of exactly one field, checked by `check`: the shape several operations share. */
function singleField<K extends string, V>(payload: unknown, key: K, what: string, check: (value: unknown) => Validation<V>): Validation<Record<K, V>> {
  const record = plainRecord(payload, [key], what);
  if (!record.ok) return record;
  const checked = check(record.value[key]);
  if (!checked.ok) return checked;
  return ok({ [key]: checked.value } as Record<K, V>);
}

/** Lengths count UTF-16 code units (`string.length`), the one unit of electron/shared/limits.ts. */
function text(value: unknown, name: string, max: number, min = 0): Validation<string> {
  if (typeof value !== 'string') return refuse(`${name} must be text.`);
  if (value.length > max) return refuse(`${name} is too long (at most ${max} characters).`);
  if (value.length < min) return refuse(`${name} must not be empty.`);
  return ok(value);
}

function oneOf<T extends string>(value: unknown, name: string, allowed: readonly T[]): Validation<T> {
  const found = allowed.find((candidate) => candidate === value);
  return found === undefined ? refuse(`${name} must be one of: ${allowed.join(', ')}.`) : ok(found);
}

function requestId(value: unknown, name: string): Validation<string> {
  if (typeof value !== 'string' || !REQUEST_ID.test(value)) {
    return refuse(`${name} must be 1 to 64 letters, digits or hyphens.`);
  }
  return ok(value);
}

function authServer(value: unknown): Validation<AuthServerChoice> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return refuse('authServer must be an object.');
  }
  const kind = Object.getOwnPropertyDescriptor(value, 'kind');
  if (kind !== undefined && 'value' in kind && kind.value === 'custom') {
    const record = plainRecord(value, ['kind', 'id'], 'authServer');
    if (!record.ok) return record;
    // Core explains a malformed id in plain words; here only the shape is bounded.
    const id = text(record.value.id, 'authServer.id', LIMITS.customServerIdChars);
    if (!id.ok) return id;
    if (STRAY_CONTROL.test(id.value)) return refuse('authServer.id contains control characters.');
    return ok({ kind: 'custom', id: id.value });
  }
  const record = plainRecord(value, ['kind'], 'authServer');
  if (!record.ok) return record;
  if (record.value.kind === 'default') return ok({ kind: 'default' });
  if (record.value.kind === 'org') return ok({ kind: 'org' });
  return refuse('authServer.kind must be one of: default, org, custom.');
}

function scopes(value: unknown): Validation<readonly string[]> {
  if (!Array.isArray(value) || Object.getPrototypeOf(value) !== Array.prototype) {
    return refuse('scopes must be a list.');
  }
  if (value.length > LIMITS.scopes) return refuse(`scopes has too many entries (at most ${LIMITS.scopes}).`);
  // Only the indices may be own keys (plus `length`): no extra properties, no holes, no getters.
  if (Reflect.ownKeys(value).length !== value.length + 1) return refuse('scopes must be a plain list.');
  const out: string[] = [];
  for (let i = 0; i < value.length; i += 1) {
    const descriptor = Object.getOwnPropertyDescriptor(value, i);
    if (descriptor === undefined || !('value' in descriptor)) return refuse('scopes must be a plain list.');
    const scope: unknown = descriptor.value;
    if (typeof scope !== 'string' || scope.length === 0 || scope.length > LIMITS.scopeChars) {
      return refuse(`Each scope must be 1 to ${LIMITS.scopeChars} characters.`);
    }
    if (!SCOPE_TOKEN.test(scope)) {
      return refuse('A scope may not contain spaces, quotes, backslashes or non-ASCII characters.');
    }
    out.push(scope);
  }
  return ok(out);
}

export function validateCopyText(payload: unknown): Validation<CopyTextRequest> {
  const record = plainRecord(payload, ['text', 'purpose'], 'copy request');
  if (!record.ok) return record;
  const value = text(record.value.text, 'text', LIMITS.copyTextChars, 1);
  if (!value.ok) return value;
  const purpose = oneOf(record.value.purpose, 'purpose', COPY_PURPOSES);
  if (!purpose.ok) return purpose;
  return ok({ text: value.value, purpose: purpose.value });
}

export function validateForget(payload: unknown): Validation<ForgetRequest> {
  return singleField(payload, 'reason', 'forget request', (value) => oneOf(value, 'reason', FORGET_REASONS));
}

export function validateCancelTest(payload: unknown): Validation<CancelTestRequest> {
  return singleField(payload, 'requestId', 'cancel request', (value) => requestId(value, 'requestId'));
}

const TEST_KEYS = ['requestId', 'target', 'authServer', 'clientId', 'clientSecret', 'scopes', 'authMethod', 'formEncode', 'timeoutMs'] as const;
/** Issue 12: absent means what it meant before (no DPoP, HS256, no key). */
const TEST_OPTIONAL_KEYS = ['dpop', 'assertionAlg', 'keySlot'] as const;

function keyId(value: unknown): Validation<string | null> {
  if (value === null) return ok(null);
  const kid = text(value, 'kid', LIMITS.keyIdChars, 1);
  if (!kid.ok) return kid;
  if (!KEY_ID.test(kid.value)) return refuse('kid must be printable characters without spaces.');
  return ok(kid.value);
}

/** The optional issue-12 fields of a test request, each only when present. */
function jwtOptions(f: Fields): Validation<Pick<TestCredentialsRequest, 'dpop' | 'assertionAlg' | 'keySlot'>> {
  const out: { dpop?: boolean; assertionAlg?: string; keySlot?: string } = {};
  if (Object.prototype.hasOwnProperty.call(f, 'dpop')) {
    if (typeof f.dpop !== 'boolean') return refuse('dpop must be true or false.');
    out.dpop = f.dpop;
  }
  if (Object.prototype.hasOwnProperty.call(f, 'assertionAlg')) {
    const alg = oneOf(f.assertionAlg, 'assertionAlg', CLIENT_SECRET_JWT_ALGS);
    if (!alg.ok) return alg;
    out.assertionAlg = alg.value;
  }
  if (Object.prototype.hasOwnProperty.call(f, 'keySlot')) {
    const slot = requestId(f.keySlot, 'keySlot');
    if (!slot.ok) return slot;
    out.keySlot = slot.value;
  }
  return ok(out);
}

export function validateTestCredentials(payload: unknown): Validation<TestCredentialsRequest> {
  const record = plainRecord(payload, TEST_KEYS, 'test request', TEST_OPTIONAL_KEYS);
  if (!record.ok) return record;
  const f = record.value;
  const id = requestId(f.requestId, 'requestId');
  if (!id.ok) return id;
  const target = text(f.target, 'target', LIMITS.targetChars);
  if (!target.ok) return target;
  if (STRAY_CONTROL.test(target.value)) return refuse('target contains control characters.');
  const server = authServer(f.authServer);
  if (!server.ok) return server;
  const clientId = text(f.clientId, 'clientId', LIMITS.clientIdChars);
  if (!clientId.ok) return clientId;
  const clientSecret = text(f.clientSecret, 'clientSecret', LIMITS.clientSecretChars);
  if (!clientSecret.ok) return clientSecret;
  const scopeList = scopes(f.scopes);
  if (!scopeList.ok) return scopeList;
  const authMethod = oneOf(f.authMethod, 'authMethod', CLIENT_AUTH_METHODS);
  if (!authMethod.ok) return authMethod;
  if (typeof f.formEncode !== 'boolean') return refuse('formEncode must be true or false.');
  const timeoutMs = f.timeoutMs;
  if (typeof timeoutMs !== 'number' || !Number.isInteger(timeoutMs) || timeoutMs < LIMITS.minTimeoutMs || timeoutMs > LIMITS.maxTimeoutMs) {
    return refuse(`timeoutMs must be a whole number from ${LIMITS.minTimeoutMs} to ${LIMITS.maxTimeoutMs}.`);
  }
  const options = jwtOptions(f);
  if (!options.ok) return options;
  return ok({
    ...options.value,
    requestId: id.value,
    target: target.value,
    authServer: server.value,
    clientId: clientId.value,
    clientSecret: clientSecret.value,
    scopes: scopeList.value,
    authMethod: authMethod.value,
    formEncode: f.formEncode,
    timeoutMs,
  });
}

/** The single test's checks for every shared field, plus the new secret under the same cap. */
export function validateTestRotation(payload: unknown): Validation<TestRotationRequest> {
  const record = plainRecord(payload, [...TEST_KEYS, 'newClientSecret'], 'rotation request', TEST_OPTIONAL_KEYS);
  if (!record.ok) return record;
  const { newClientSecret, ...single } = record.value;
  const next = text(newClientSecret, 'newClientSecret', LIMITS.clientSecretChars);
  if (!next.ok) return next;
  const checked = validateTestCredentials({ ...single });
  if (!checked.ok) return checked;
  return ok({ ...checked.value, newClientSecret: next.value });
}

export function validateChooseKeyFile(payload: unknown): Validation<ChooseKeyFileRequest> {
  return singleField(payload, 'kid', 'key file request', keyId);
}

export function validateImportKeyText(payload: unknown): Validation<ImportKeyTextRequest> {
  const record = plainRecord(payload, ['text', 'kid'], 'key request');
  if (!record.ok) return record;
  // The cap is core's too; the message names the rule, never the text (it is a private key).
  const keyText = text(record.value.text, 'The pasted key', LIMITS.keyTextChars, 1);
  if (!keyText.ok) return keyText;
  const kid = keyId(record.value.kid);
  if (!kid.ok) return kid;
  return ok({ text: keyText.value, kid: kid.value });
}

export function validateGenerateKey(payload: unknown): Validation<GenerateKeyRequest> {
  return singleField(payload, 'alg', 'generate request', (value) => oneOf(value, 'alg', KEYGEN_ALGS));
}

export function validateCopyPrivateKey(payload: unknown): Validation<CopyPrivateKeyRequest> {
  const record = plainRecord(payload, ['slotId', 'form'], 'copy key request');
  if (!record.ok) return record;
  const slotId = requestId(record.value.slotId, 'slotId');
  if (!slotId.ok) return slotId;
  const form = oneOf(record.value.form, 'form', PRIVATE_KEY_FORMS);
  if (!form.ok) return form;
  return ok({ slotId: slotId.value, form: form.value });
}

/** One validator per operation; the handler table is keyed the same way. */
export const VALIDATORS: { readonly [K in InvokeOperation]: (payload: unknown) => Validation<InvokeContract[K]['request']> } = {
  copyText: validateCopyText,
  forget: validateForget,
  testCredentials: validateTestCredentials,
  testRotation: validateTestRotation,
  cancelTest: validateCancelTest,
  chooseKeyFile: validateChooseKeyFile,
  importKeyText: validateImportKeyText,
  generateKey: validateGenerateKey,
  copyPrivateKey: validateCopyPrivateKey,
};
