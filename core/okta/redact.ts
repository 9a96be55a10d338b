/**
 * The last line of defence for "no report ever contains the secret": every
 * string in a report is searched for the secret (in each form it was sent) and
 * the Basic value, and masked. Core's own messages never include them; this
 * catches a server that echoes them back in its error text.
 */
import { MASK } from './token-request';

/** Shorter needles would mask ordinary words; real client secrets are far longer. */
const MIN_NEEDLE = 4;

function usable(needles: readonly string[]): string[] {
  // Longest first, so a needle containing another is masked whole.
  return needles.filter((n) => n.length >= MIN_NEEDLE).sort((a, b) => b.length - a.length);
}

function maskString(text: string, needles: readonly string[]): string {
  let out = text;
  // includes() first: almost no string holds a needle, and split/join would copy every one of them.
  for (const needle of needles) if (out.includes(needle)) out = out.split(needle).join(MASK);
  return out;
}

/** A deep copy of `value` with every needle masked, except at paths in `keep` (e.g. the raw token). */
export function redactSecrets<T>(value: T, needles: readonly string[], keep: readonly string[] = []): T {
  const list = usable(needles);
  if (list.length === 0) return value;
  const walk = (v: unknown, path: string): unknown => {
    if (keep.includes(path)) return v;
    if (typeof v === 'string') return maskString(v, list);
    if (Array.isArray(v)) return v.map((item, i) => walk(item, `${path}[${i}]`));
    if (v !== null && typeof v === 'object') {
      const out: Record<string, unknown> = {};
      for (const [key, item] of Object.entries(v)) out[maskString(key, list)] = walk(item, path === '' ? key : `${path}.${key}`);
      return out;
    }
    return v;
  };
  return walk(value, '') as T;
}

/** Paths of strings in `value` that contain a needle (for guard tests and assertions). */
export function findSecretLeaks(value: unknown, needles: readonly string[], keep: readonly string[] = []): string[] {
  const list = needles.filter((n) => n !== '');
  const leaks: string[] = [];
  const walk = (v: unknown, path: string): void => {
    if (keep.includes(path)) return;
    if (typeof v === 'string') {
      if (list.some((n) => v.includes(n))) leaks.push(path === '' ? '(root)' : path);
    } else if (Array.isArray(v)) {
      v.forEach((item, i) => walk(item, `${path}[${i}]`));
    } else if (v !== null && typeof v === 'object') {
      for (const [key, item] of Object.entries(v)) {
        const itemPath = path === '' ? key : `${path}.${key}`;
        if (list.some((n) => key.includes(n))) leaks.push(`${itemPath} (key)`);
        walk(item, itemPath);
      }
    }
  };
  walk(value, '');
  return leaks;
}
