/**
 * A secret on the command line is already a leak: it lands in shell history and
 * in `ps` for every user of the machine. So any secret-looking option is refused
 * before anything else happens, and the message says why and what to use instead.
 */

/** Option names (normalised: lower case, `_` → `-`) that look like they carry a credential. */
const SECRET_NAME = /secret|passw|passphrase|^pass$|^pwd$|credential|token|api-?key|private-?key|^key$|^basic$|^bearer$|^authori[sz]ation$/;
/** Names that point at a secret rather than carry one (`--token-url`, `--secret-file`): plain unknown options. */
const POINTER_NAME = /-(?:url|uri|endpoint|file|path|type|method|env)$/;
const OPTION_SHAPE = /^[A-Za-z0-9][A-Za-z0-9_-]{0,40}$/;
/** Short options commonly meaning secret or password in other tools (`-s`, `-p`). */
const SECRET_SHORT = /^-[sp]/i;

/**
 * The first argv token that passes a secret as an option, shown without its value
 * (e.g. `--client-secret`), or null. `known` are this CLI's real option names, such
 * as `print-token`, which are never secret-bearing.
 */
export function findSecretOption(argv: readonly string[], known: ReadonlySet<string>): string | null {
  for (const token of argv) {
    if (token === '--') break;
    if (token.startsWith('--')) {
      const name = token.slice(2).split('=', 1)[0] ?? '';
      const normal = name.toLowerCase().replace(/_/g, '-');
      // Only a name shaped like an option is ever shown: any other dashed text may be a credential itself.
      if (!known.has(name) && SECRET_NAME.test(normal) && !POINTER_NAME.test(normal)) return OPTION_SHAPE.test(name) ? `--${name}` : 'an option';
    } else if (SECRET_SHORT.test(token)) {
      return token.slice(0, 2);
    }
  }
  return null;
}

/** Bare Base64 of a DER key: an EC P-256 key is ~180 characters, RSA far more; a path starts with . / or ~ or has a dot. */
const KEY_BASE64 = /^(?![./~])[A-Za-z0-9+/=_\s-]{150,}$/;
/** PEM armour, or a JSON object with JWK / JWK Set / keygen members: key material, not a file name. */
const KEY_MATERIAL = /-----BEGIN [A-Z0-9 ]*KEY-----|PRIVATE KEY|^\s*\{[\s\S]*"(?:kty|d|keys|privateJwk|publicJwk)"\s*:/;

/**
 * `--private-key FILE` takes a path, which is no secret. But a value that IS a
 * key (PEM text, a JWK) is as leaked on argv as a secret: find the first option
 * whose value is key material, shown by name only (e.g. `--private-key`).
 */
export function findKeyMaterialArgument(argv: readonly string[]): string | null {
  for (let i = 0; i < argv.length; i += 1) {
    const token = argv[i] ?? '';
    if (token === '--') break;
    // `--name=value` only when the name is shaped like an option: PEM text also starts with dashes and holds '='.
    const eq = token.startsWith('--') ? token.indexOf('=') : -1;
    const inline = eq !== -1 && OPTION_SHAPE.test(token.slice(2, eq));
    const value = inline ? token.slice(eq + 1) : token;
    const previous = argv[i - 1] ?? '';
    const option = inline ? token.slice(0, eq) : previous.startsWith('--') && !previous.includes('=') ? previous : null;
    // --private-key names a file: any JSON, or a long run of bare Base64 (a key without its PEM lines), is the key itself.
    const asKeyFile = option === '--private-key' && (/^\s*[{[]/.test(value) || KEY_BASE64.test(value));
    if (KEY_MATERIAL.test(value) || asKeyFile) return option ?? 'an argument';
  }
  return null;
}

export function keyMaterialMessage(option: string): string {
  return (
    `refusing ${option}: its value is a private key, not a file name. A key on the command line lands in your shell history and is visible ` +
    'to other users in `ps`, so it was not used. Give the path of the key file (--private-key key.pem), or --private-key - and pipe the key on standard input.'
  );
}

/** A refused option named for a rotation's second secret (`--client-secret-next`, `--new-secret`). */
const NEXT_SECRET_NAME = /next|new/;

/**
 * Whether the refused `option` belongs to a rotation test: `--rotation` is on the command line, or the
 * option is named for the new secret. Its advice then names the two secrets' sources, not the one secret's.
 */
export function refusedInRotation(argv: readonly string[], option: string): boolean {
  const end = argv.indexOf('--');
  const options = end === -1 ? argv : argv.slice(0, end);
  return options.includes('--rotation') || (option.startsWith('--') && NEXT_SECRET_NAME.test(option.slice(2).toLowerCase()));
}

const WHY_NOT_ARGV =
  'a secret on the command line lands in your shell history and is visible to other users in `ps`, ' +
  'so basic-header never reads one from there (the value was not used).';

export function secretOptionMessage(option: string, rotation = false): string {
  if (rotation) {
    // As readSecretPair reads them (cli/secret-source.ts): stdin first, then both variables, then two prompts on a terminal.
    return (
      `refusing ${option}: ${WHY_NOT_ARGV} A rotation test reads its two secrets from standard input, one per line, ` +
      "the current first (printf '%s\\n%s\\n' \"$CURRENT\" \"$NEW\" | basic-header test --rotation …), or from " +
      'OKTA_OAUTH2_CLIENT_SECRET (current) and OKTA_OAUTH2_CLIENT_SECRET_NEXT (new); run it on a terminal without either to be asked for each.'
    );
  }
  return (
    `refusing ${option}: ${WHY_NOT_ARGV} Pipe it on standard input instead ` +
    "(printf '%s' \"$SECRET\" | basic-header …, or < secret-file), set OKTA_OAUTH2_CLIENT_SECRET, or run without it to be asked on the terminal."
  );
}
