/**
 * A secret on the command line is already a leak: it lands in shell history and
 * in `ps` for every user of the machine. So any secret-looking option is refused
 * before anything else happens, and the message says why and what to use instead.
 */

/** Option names (normalised: lower case, `_` → `-`) that look like they carry a credential. */
const SECRET_NAME = /secret|passw|passphrase|^pass$|^pwd$|credential|token|api-?key|private-?key|^key$|^basic$|^bearer$|^authori[sz]ation$/;
/** Names that point at a secret rather than carry one (`--token-url`, `--secret-file`): plain unknown options. */
const POINTER_NAME = /-(?:url|uri|endpoint|file|path|type|method|env)$/;
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
      if (!known.has(name) && SECRET_NAME.test(normal) && !POINTER_NAME.test(normal)) return `--${name}`;
    } else if (SECRET_SHORT.test(token)) {
      return token.slice(0, 2);
    }
  }
  return null;
}

export function secretOptionMessage(option: string): string {
  return (
    `refusing ${option}: a secret on the command line lands in your shell history and is visible to other users in \`ps\`, ` +
    "so basic-header never reads one from there (the value was not used). Pipe it on standard input instead " +
    "(printf '%s' \"$SECRET\" | basic-header …, or < secret-file), set OKTA_OAUTH2_CLIENT_SECRET, or run without it to be asked on the terminal."
  );
}
