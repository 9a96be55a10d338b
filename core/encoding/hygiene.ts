/**
 * Input hygiene for one credential field. Fixes only what can never be part of a
 * credential (edge whitespace, line breaks, BOM, invisible format characters) and
 * says so; everything else that looks wrong is flagged and left as typed.
 * Messages about the secret name characters and positions, never the value.
 */
import { notice } from '../shared/notice';
import type { Notice } from '../shared/notice';
import type { CleanedField, CredentialField } from './types';
import {
  BOM, INVISIBLES, LINE_BREAKS, SPACES, charClass, codePointLabel, countPhrase, describeChar, isControl, isSurrogate,
  joinList, lineBreakLabel, lookAlike, plural,
} from './characters';

export const FIELD_LABEL: Readonly<Record<CredentialField, string>> = { clientId: 'client ID', clientSecret: 'client secret' };

/** At most this many positions are listed in one notice; the rest are counted. */
const MAX_LISTED = 5;

const VISIBLE_ASCII = /^[!-~]*$/;
const INVISIBLE_ANY = new RegExp(charClass(INVISIBLES.keys()), 'u');
const LINE_BREAK_ANY = new RegExp(charClass(LINE_BREAKS.keys()), 'u');

const isEdgeSpace = (cp: number): boolean => SPACES.has(cp) || LINE_BREAKS.has(cp);

export interface HygieneOptions {
  /**
   * Whether messages may show flagged characters themselves. Defaults to true for the
   * client ID only. Pass false for an ID field that may hold `id:secret`.
   */
  readonly revealCharacters?: boolean;
}

export function cleanField(raw: string, field: CredentialField, options: HygieneOptions = {}): CleanedField {
  // Fast path: printable ASCII without spaces has nothing to remove (most real values).
  if (VISIBLE_ASCII.test(raw)) return { value: raw, notices: inspectField(raw, field, options) };
  const label = FIELD_LABEL[field];
  const notices: Notice[] = [];
  // 1. Invisible characters anywhere. Where they sat (start/inside/end) is worth saying; what surrounds them is not.
  let kept = raw;
  const bomPlaces = new Set<string>();
  let bomCount = 0;
  const invisibleCounts = new Map<string, number>();
  let invisibleTotal = 0;
  if (INVISIBLE_ANY.test(raw)) {
    const chars = Array.from(raw);
    const cps = chars.map((c) => c.codePointAt(0) ?? 0);
    const isContent = (cp: number): boolean => !INVISIBLES.has(cp) && !isEdgeSpace(cp);
    const firstContent = cps.findIndex(isContent);
    const lastContent = cps.findLastIndex(isContent);
    const where = (i: number): string =>
      firstContent === -1 || i < firstContent ? 'the start' : i > lastContent ? 'the end' : 'the inside';
    kept = '';
    chars.forEach((c, i) => {
      const cp = cps[i] ?? 0;
      if (cp === BOM) {
        bomCount += 1;
        bomPlaces.add(where(i));
      } else if (INVISIBLES.has(cp)) {
        const name = describeChar(cp, INVISIBLES.get(cp));
        invisibleCounts.set(name, (invisibleCounts.get(name) ?? 0) + 1);
        invisibleTotal += 1;
      } else {
        kept += c;
      }
    });
  }
  if (bomCount > 0) {
    const marks = bomCount === 1 ? 'a byte-order mark (U+FEFF)' : `${bomCount} byte-order marks (U+FEFF)`;
    notices.push(notice('removed-bom', 'info',
      `Removed ${marks} from ${joinList([...bomPlaces])} of the ${label}. Editors such as Notepad add it invisibly; it is never part of a credential.`));
  }
  if (invisibleTotal > 0) {
    notices.push(notice('removed-zero-width', 'info',
      `Removed ${invisibleTotal} invisible ${plural(invisibleTotal, 'character')} from the ${label}: ${countPhrase(invisibleCounts)}. ` +
      'Copying from web pages, chat apps and PDFs adds them; they are never part of a credential.'));
  }

  // 2. Edges: whitespace and line breaks around the value.
  // Every edge character is in the BMP, so code units suffice here.
  let start = 0;
  while (start < kept.length && isEdgeSpace(kept.charCodeAt(start))) start += 1;
  let end = kept.length;
  while (end > start && isEdgeSpace(kept.charCodeAt(end - 1))) end -= 1;
  const leading = edgeRun(kept.slice(0, start));
  const trailing = edgeRun(kept.slice(end));
  if (leading.spaces.size > 0 || trailing.spaces.size > 0) {
    const parts = [spacePhrase('leading', leading.spaces), spacePhrase('trailing', trailing.spaces)].filter((p) => p !== '');
    notices.push(notice('trimmed-whitespace', 'info', `Removed ${joinList(parts)} from the ${label}.`));
  }
  if (leading.breaks.length > 0 || trailing.breaks.length > 0) {
    const parts = [breakPhrase('leading', leading.breaks), breakPhrase('trailing', trailing.breaks)].filter((p) => p !== '');
    notices.push(notice('removed-line-break', 'info',
      `Removed ${joinList(parts)} from the ${label}. Copying a whole line from a terminal or a file adds it.`));
  }

  // 3. Line breaks inside: a credential is one line, so they cannot belong to it.
  const inner = kept.slice(start, end);
  const breaks: { label: string; after: number }[] = [];
  let value = LINE_BREAK_ANY.test(inner) ? '' : inner;
  let keptCount = 0;
  for (const token of value === inner ? [] : inner.match(/\r\n|[\s\S]/gu) ?? []) {
    if (token === '\r\n' || LINE_BREAKS.has(token.codePointAt(0) ?? 0)) {
      breaks.push({ label: lineBreakLabel(token), after: keptCount });
    } else {
      value += token;
      keptCount += 1;
    }
  }
  if (breaks.length > 0) {
    const items = breaks.map((b) => `${b.label} after character ${b.after}`);
    notices.push(notice('removed-line-break', 'warning',
      `Removed ${breaks.length === 1 ? 'a line break' : `${breaks.length} line breaks`} from inside the ${label} (${listed(items)}). ` +
      'A credential is one line: check that you copied the whole value and nothing else.'));
  }

  return { value, notices: [...notices, ...inspectField(value, field, options)] };
}

interface EdgeRun { readonly spaces: Map<string, number>; readonly breaks: string[] }

function edgeRun(run: string): EdgeRun {
  const spaces = new Map<string, number>();
  const breaks: string[] = [];
  for (const token of run.match(/\r\n|[\s\S]/gu) ?? []) {
    const cp = token.codePointAt(0) ?? 0;
    if (token === '\r\n' || LINE_BREAKS.has(cp)) {
      breaks.push(token);
    } else {
      const name = SPACES.get(cp)?.name ?? codePointLabel(cp);
      spaces.set(name, (spaces.get(name) ?? 0) + 1);
    }
  }
  return { spaces, breaks };
}

function spacePhrase(side: string, counts: ReadonlyMap<string, number>): string {
  if (counts.size === 0) return '';
  const total = [...counts.values()].reduce((a, b) => a + b, 0);
  const [only] = [...counts.keys()];
  if (total === 1 && only !== undefined) return `${/^[aeio]/i.test(side) ? 'an' : 'a'} ${side} ${only}`;
  return `${side} whitespace (${countPhrase(counts)})`;
}

function breakPhrase(side: string, breaks: readonly string[]): string {
  if (breaks.length === 0) return '';
  const labels = breaks.map(lineBreakLabel).join(', ');
  return breaks.length === 1 ? `a ${side} line break (${labels})` : `${breaks.length} ${side} line breaks (${labels})`;
}

function listed(items: readonly string[]): string {
  if (items.length <= MAX_LISTED) return joinList(items);
  return `${items.slice(0, MAX_LISTED).join(', ')} and ${items.length - MAX_LISTED} more`;
}

const QUOTE_PAIRS: readonly (readonly [string, string, string])[] = [
  ['"', '"', 'double quotes'], ["'", "'", 'single quotes'], ['`', '`', 'backticks'],
  ['\u201c', '\u201d', 'curly double quotes'], ['\u2018', '\u2019', 'curly single quotes'],
  ['\u201e', '\u201c', 'low double quotes'], ['\u00ab', '\u00bb', 'guillemets'],
];

interface Found { readonly cp: number; readonly position: number }

/**
 * Flags (never changes) what looks wrong in a value: spaces, line breaks, invisible
 * and control characters, look-alikes, unpaired surrogates, surrounding quotes, and
 * notes non-ASCII. Used on cleaned input and on decoded headers alike.
 */
export function inspectField(value: string, field: CredentialField, options: HygieneOptions = {}): Notice[] {
  const label = FIELD_LABEL[field];
  // The ID is not secret; the secret's characters are never shown.
  const showGlyph = options.revealCharacters ?? field === 'clientId';
  // Printable ASCII without spaces can only be wrapped in quotes; skip the per-character scan.
  if (VISIBLE_ASCII.test(value)) return quoteNotices(value, label);
  const found = { space: [] as Found[], lineBreak: [] as Found[], invisible: [] as Found[], control: [] as Found[], lookAlike: [] as Found[], surrogate: [] as Found[] };
  let nonAscii = false;
  let length = 0;
  for (const ch of value) {
    length += 1;
    const cp = ch.codePointAt(0) ?? 0;
    if (cp > 0x20 && cp < 0x7f) continue; // visible ASCII: nothing to flag
    const at: Found = { cp, position: length };
    if (LINE_BREAKS.has(cp)) found.lineBreak.push(at);
    else if (SPACES.has(cp) && SPACES.get(cp)?.looksLike === undefined) found.space.push(at);
    else if (INVISIBLES.has(cp)) found.invisible.push(at);
    else if (isControl(cp)) found.control.push(at);
    else if (lookAlike(cp)) found.lookAlike.push(at);
    else if (isSurrogate(cp)) found.surrogate.push(at);
    if (cp > 0x7f) nonAscii = true;
  }
  const where = (f: Found): string =>
    `at position ${f.position}${f.position === 1 ? ' (its first character)' : f.position === length ? ' (its last character)' : ''}`;
  const notices: Notice[] = [];

  if (found.space.length > 0) {
    const items = found.space.map((f) => `a ${SPACES.get(f.cp)?.name ?? 'space'} ${where(f)}`);
    notices.push(notice('whitespace-in-value', 'warning',
      `The ${label} contains ${found.space.length === 1 ? 'whitespace' : `${found.space.length} spaces or tabs`}: ${listed(items)}. ` +
      'Okta-generated values never contain spaces or tabs: check that the value was copied whole and alone.'));
  }
  if (found.lineBreak.length > 0) {
    const items = found.lineBreak.map((f) => `${lineBreakLabel(String.fromCodePoint(f.cp))} ${where(f)}`);
    notices.push(notice('line-break-in-value', 'warning',
      `The ${label} contains ${found.lineBreak.length === 1 ? 'a line break' : `${found.lineBreak.length} line breaks`} (${listed(items)}). ` +
      'A credential is one line: check that you copied the whole value and nothing else.'));
  }
  if (found.invisible.length > 0) {
    const items = found.invisible.map((f) => `${describeChar(f.cp, INVISIBLES.get(f.cp))} ${where(f)}`);
    notices.push(notice('invisible-character', 'warning',
      `The ${label} contains ${found.invisible.length === 1 ? 'an invisible character' : `${found.invisible.length} invisible characters`}: ${listed(items)}. ` +
      'Copying from web pages, chat apps, PDFs or Notepad adds them; they are never part of a credential.'));
  }
  if (found.control.length > 0) {
    const items = found.control.map((f) => `${codePointLabel(f.cp)} ${where(f)}`);
    notices.push(notice('control-character', 'warning',
      `The ${label} contains ${found.control.length === 1 ? 'a control character' : `${found.control.length} control characters`}: ${listed(items)}. ` +
      'Credentials never contain control characters: copy the value from Okta again.'));
  }
  if (found.lookAlike.length > 0) {
    const items = found.lookAlike.map((f) => {
      const info = lookAlike(f.cp);
      const glyph = showGlyph ? `“${String.fromCodePoint(f.cp)}”, ` : '';
      const like = info?.looksLike === undefined ? '' : ` (looks like ${looksLikeText(info.looksLike)})`;
      return `${glyph}${describeChar(f.cp, info)} ${where(f)}${like}`;
    });
    notices.push(notice('look-alike-character', 'warning',
      `The ${label} contains ${found.lookAlike.length === 1 ? 'a character' : `${found.lookAlike.length} characters`} that ` +
      `${found.lookAlike.length === 1 ? 'looks' : 'look'} like ASCII but ${found.lookAlike.length === 1 ? 'is' : 'are'} not: ${listed(items)}. ` +
      `${found.lookAlike.length === 1 ? 'It was' : 'They were'} kept as entered. Documents, email and chat apps replace quotes, dashes and spaces; copy the value from Okta again or retype it.`));
  }
  if (found.surrogate.length > 0) {
    const items = found.surrogate.map((f) => `${codePointLabel(f.cp)} ${where(f)}`);
    notices.push(notice('lone-surrogate', 'error',
      `The ${label} contains a broken character (an unpaired UTF-16 surrogate: ${listed(items)}) that cannot be encoded as UTF-8. ` +
      'Copy the value again from its source.'));
  }
  notices.push(...quoteNotices(value, label));
  if (nonAscii) {
    notices.push(notice('non-ascii-utf8', 'info',
      `The ${label} contains non-ASCII characters. They are encoded as UTF-8, as RFC 7617 specifies; Okta-generated values are plain ASCII, so check this is intended.`));
  }
  return notices;
}

function quoteNotices(value: string, label: string): Notice[] {
  for (const [open, close, name] of QUOTE_PAIRS) {
    if (value.length >= open.length + close.length && value.startsWith(open) && value.endsWith(close)) {
      return [notice('surrounding-quotes', 'warning',
        `The ${label} starts and ends with ${name}. Values copied from JSON, YAML, .env files or code keep their quotes, ` +
        'which are not part of the credential: remove them unless they really belong to it.')];
    }
  }
  return [];
}

function looksLikeText(ascii: string): string {
  if (ascii === ' ') return 'a space';
  if (ascii === '...') return 'three dots';
  if (ascii.length > 1) return ascii;
  return `ASCII ${ascii}`;
}
