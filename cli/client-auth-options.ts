/**
 * How `test` authenticates the client: --auth-method (four methods, with the
 * old basic/post aliases), --private-key FILE|- for private_key_jwt, --key-id,
 * --alg and --dpop. Settings are checked before anything is read; the key is
 * then read (file or standard input), every piece of its material protected
 * in the output at once, and imported by core as a non-extractable key.
 */
import { checkKeyId, importPrivateKey, isClientSecretJwtAlg, isPrivateKeyJwtAlg, keyMaterialValues, MAX_KEY_TEXT_LENGTH } from '../core/okta';
import type { ClientAuthMethod, TokenTestInput } from '../core/okta/types';
import { fail, ok, type Result } from '../core/shared/result';
import type { ParsedArgs } from './args';
import { readCappedFile } from './capped-file';
import type { InputError, InputIo } from './secret-source';
import { readStdinText } from './stdin-text';

export interface ClientAuthSettings {
  readonly authMethod: ClientAuthMethod;
  /** A path, or '-' for standard input; private_key_jwt only. */
  readonly keyFile: string | null;
  readonly keyId: string | null;
  readonly alg: string | null;
  readonly dpop: boolean;
}

const METHOD_NAMES: Readonly<Record<string, ClientAuthMethod>> = {
  basic: 'client_secret_basic',
  client_secret_basic: 'client_secret_basic',
  post: 'client_secret_post',
  client_secret_post: 'client_secret_post',
  client_secret_jwt: 'client_secret_jwt',
  private_key_jwt: 'private_key_jwt',
};

export function parseAuthMethod(text: string | undefined): Result<ClientAuthMethod, 'usage'> {
  const method = METHOD_NAMES[(text ?? 'basic').toLowerCase()];
  if (method === undefined) {
    return fail('usage', '--auth-method must be client_secret_basic (basic, the default), client_secret_post (post), client_secret_jwt or private_key_jwt.');
  }
  return ok(method);
}

/** The authentication options, checked together; nothing is read yet. */
export function readClientAuthSettings(args: ParsedArgs): Result<ClientAuthSettings, 'usage'> {
  const method = parseAuthMethod(args.value('auth-method'));
  if (!method.ok) return method;
  const authMethod = method.value;
  const keyFile = args.value('private-key') ?? null;
  const keyId = args.value('key-id') ?? null;
  const alg = args.value('alg') ?? null;
  if (authMethod === 'private_key_jwt' && keyFile === null) {
    return fail('usage', 'private_key_jwt needs the private key: give --private-key FILE (PEM, JWK, JWK Set or keygen output), or --private-key - to pipe it in.');
  }
  if (authMethod !== 'private_key_jwt' && (keyFile !== null || keyId !== null)) {
    return fail('usage', '--private-key and --key-id go with --auth-method private_key_jwt.');
  }
  if (keyId !== null && !checkKeyId(keyId)) return fail('usage', '--key-id takes 1 to 200 printable characters without spaces.');
  if (alg !== null) {
    if (authMethod === 'client_secret_jwt' && !isClientSecretJwtAlg(alg)) return fail('usage', 'client_secret_jwt signs with --alg HS256 (the default), HS384 or HS512.');
    if (authMethod === 'private_key_jwt' && !isPrivateKeyJwtAlg(alg)) {
      return fail('usage', 'private_key_jwt signs with --alg RS256, RS384, RS512, ES256, ES384 or ES512 (default: from the key).');
    }
    if (authMethod === 'client_secret_basic' || authMethod === 'client_secret_post') {
      return fail('usage', '--alg goes with --auth-method client_secret_jwt or private_key_jwt.');
    }
  }
  // With client_secret_post the credentials travel in the form body, which is always form-encoded: nothing to refuse.
  if (args.has('form-encode') && authMethod !== 'client_secret_basic' && authMethod !== 'client_secret_post') {
    return fail('usage', `--form-encode applies to the Basic header only; with ${authMethod} the credentials are not in a Basic header.`);
  }
  return ok({ authMethod, keyFile, keyId, alg, dpop: args.has('dpop') });
}

/** What the settings add to core's TokenTestInput. */
export type ClientAuthInput = Pick<TokenTestInput, 'authMethod' | 'clientKey' | 'assertionAlg' | 'dpop'>;

async function readKeyFile(path: string): Promise<Result<string, 'usage'>> {
  // Capped as it is read, not by stat: a FIFO, <(…) or /dev/zero has no honest size.
  const read = await readCappedFile(path, { label: '--private-key', maxBytes: MAX_KEY_TEXT_LENGTH, reason: 'a private key file is a few KiB' });
  if (!read.ok) return fail('usage', read.message);
  const text = read.value.toString('utf8');
  // The bytes are key material: zero them rather than wait for the collector.
  read.value.fill(0);
  return ok(text);
}

async function readKeyText(file: string, io: InputIo): Promise<Result<string, InputError>> {
  if (file !== '-') return readKeyFile(file);
  if (io.stdin.isTTY === true) {
    return fail('usage', '--private-key - reads the key from standard input, which is a terminal here: pipe the key in (… | basic-header test --private-key -), or give the file name.');
  }
  const text = await readStdinText(io.stdin, () => io.output.note('waiting for the private key on standard input (end it with Ctrl+D).'), MAX_KEY_TEXT_LENGTH);
  return text.ok ? text : fail('usage', text.message.replace('a client secret or a Basic header', 'a private key'));
}

/**
 * Reads and imports the key for private_key_jwt. Its material is protected in
 * the output before it is even parsed, so no later line (or error) can show it.
 */
export async function loadClientAuth(settings: ClientAuthSettings, io: InputIo): Promise<Result<ClientAuthInput, InputError>> {
  const base = { authMethod: settings.authMethod, ...(settings.dpop ? { dpop: true } : {}) };
  if (settings.authMethod === 'client_secret_jwt') return ok({ ...base, ...(settings.alg === null ? {} : { assertionAlg: settings.alg }) });
  if (settings.authMethod !== 'private_key_jwt' || settings.keyFile === null) return ok(base);

  const text = await readKeyText(settings.keyFile, io);
  if (!text.ok) return text;
  // The private parts only (PEM bodies, JWK private members): public members and the kid may be shown.
  io.output.protect(...keyMaterialValues(text.value));
  const imported = await importPrivateKey(text.value, {
    ...(settings.alg === null ? {} : { alg: settings.alg }),
    ...(settings.keyId === null ? {} : { kid: settings.keyId }),
  });
  if (!imported.ok) return fail('usage', `the private key from ${settings.keyFile === '-' ? 'standard input' : settings.keyFile}: ${imported.message} [${imported.code}]`);
  const key = imported.value;
  // Every form of the private members (bytes, hex, decimal): an echo need not be the text the key was given in.
  io.output.protect(...key.sensitiveForms);
  if (settings.keyId !== null && key.kidSource === 'key' && key.kid !== settings.keyId) {
    io.output.warn(`--key-id was not used: the key carries its own kid "${key.kid ?? ''}", which is sent instead. [key-id-ignored]`);
  }
  io.output.debug(`signing key: ${key.kty} ${key.alg}, kid ${key.kid ?? '(none)'}, thumbprint ${key.thumbprint}, read as ${key.format}`);
  return ok({ ...base, clientKey: { key: key.key, alg: key.alg, kid: key.kid } });
}
