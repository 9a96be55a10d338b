/**
 * A small argv parser (no dependency): `--name value`, `--name=value`, flags,
 * repeatable options, `-h`, and `--` to end options. Every problem is a usage
 * error. Messages name options but never echo a value or a stray argument:
 * on a mistyped command line that text may be a credential.
 */
import { fail, ok, type Result } from '../core/shared/result';

export interface OptionSpec {
  /** Long name without dashes, e.g. `client-id`. */
  readonly name: string;
  /** One letter, e.g. `h` for -h. */
  readonly short?: string;
  /** Placeholder when the option takes a value, e.g. `ID`; absent for flags. */
  readonly value?: string;
  readonly repeatable?: boolean;
  readonly description: string;
}

export interface ParsedArgs {
  has(name: string): boolean;
  /** The value of a single-valued option, or undefined. */
  value(name: string): string | undefined;
  /** Every value of a repeatable option, in order. */
  values(name: string): readonly string[];
  readonly positionals: readonly string[];
}

export function parseArgs(argv: readonly string[], specs: readonly OptionSpec[]): Result<ParsedArgs, 'usage'> {
  const byName = new Map(specs.map((s) => [s.name, s]));
  const byShort = new Map(specs.filter((s) => s.short !== undefined).map((s) => [s.short, s]));
  const flags = new Set<string>();
  const values = new Map<string, string[]>();
  const positionals: string[] = [];

  for (let i = 0; i < argv.length; i += 1) {
    const token = argv[i] ?? '';
    if (token === '--') {
      positionals.push(...argv.slice(i + 1));
      break;
    }
    if (!token.startsWith('-') || token === '-') {
      positionals.push(token);
      continue;
    }
    let spec: OptionSpec | undefined;
    let inline: string | undefined;
    let shown: string;
    if (token.startsWith('--')) {
      const eq = token.indexOf('=');
      const name = eq === -1 ? token.slice(2) : token.slice(2, eq);
      inline = eq === -1 ? undefined : token.slice(eq + 1);
      // A name that is not shaped like an option may be pasted text (a key, a secret): never echo it.
      shown = /^[A-Za-z0-9][A-Za-z0-9_-]{0,40}$/.test(name) ? `--${name}` : 'an option (not shown: it may be a credential)';
      spec = byName.get(name);
    } else {
      // Short options take no attached value or clusters: only -h style flags exist.
      shown = token.length === 2 ? token : `${token.slice(0, 2)}…`;
      spec = token.length === 2 ? byShort.get(token.slice(1)) : undefined;
    }
    if (spec === undefined) return fail('usage', `unknown option ${shown}.`);

    if (spec.value === undefined) {
      if (inline !== undefined) return fail('usage', `${shown} takes no value.`);
      if (flags.has(spec.name) && spec.repeatable !== true) return fail('usage', `${shown} is given more than once.`);
      flags.add(spec.name);
      continue;
    }
    let value = inline;
    if (value === undefined) {
      const next = argv[i + 1];
      // `--client-id --issuer …` means the value was forgotten, not that it is "--issuer".
      if (next === undefined || (next.startsWith('--') && next.length > 2)) {
        return fail('usage', `${shown} needs a value (${spec.value}).`);
      }
      value = next;
      i += 1;
    }
    const list = values.get(spec.name) ?? [];
    if (list.length > 0 && spec.repeatable !== true) return fail('usage', `${shown} is given more than once.`);
    list.push(value);
    values.set(spec.name, list);
  }

  return ok({
    has: (name) => flags.has(name) || values.has(name),
    value: (name) => values.get(name)?.[0],
    values: (name) => values.get(name) ?? [],
    positionals,
  });
}
