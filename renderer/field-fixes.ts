/**
 * One-click repairs for the paste mistakes core flags in the credential fields.
 * Each fix is a pure function of the field's text, so the result is exactly what
 * the user would get by editing by hand, and nothing is changed without a click.
 */
import { lookAlike } from '../core/encoding/characters';
import type { Notice } from '../core/shared/notice';

export interface FieldFix {
  /** The notice code this fix answers. */
  readonly code: string;
  readonly label: string;
  readonly apply: (value: string) => string;
}

const QUOTES = new Set(['"', "'"]);

/** Each look-alike replaced by the one ASCII character it passes for. */
export function toAscii(value: string): string {
  let out = '';
  for (const char of value) {
    const like = lookAlike(char.codePointAt(0) ?? 0)?.looksLike;
    out += like !== undefined && like.length === 1 && like.charCodeAt(0) < 0x80 ? like : char;
  }
  return out;
}

function onlyQuotesDiffer(value: string): boolean {
  const ascii = toAscii(value);
  if (ascii === value) return false;
  return [...value].every((c, i) => c === [...ascii][i] || QUOTES.has([...ascii][i] ?? ''));
}

export function fixesFor(notices: readonly Notice[], value: string): FieldFix[] {
  const fixes: FieldFix[] = [];
  const codes = new Set(notices.map((n) => n.code));
  if (codes.has('look-alike-character') && toAscii(value) !== value) {
    fixes.push({
      code: 'look-alike-character',
      label: onlyQuotesDiffer(value) ? 'Replace smart quotes' : 'Replace look-alikes with ASCII',
      apply: toAscii,
    });
  }
  if (codes.has('surrounding-quotes')) {
    fixes.push({ code: 'surrounding-quotes', label: 'Remove the quotes', apply: (v) => toAscii(v.trim()).slice(1, -1) });
  }
  if (codes.has('colon-in-client-id') && value.trim().endsWith(':') && value.trim().indexOf(':') === value.trim().length - 1) {
    fixes.push({ code: 'colon-in-client-id', label: 'Remove the trailing colon', apply: (v) => v.trim().slice(0, -1) });
  }
  return fixes;
}
