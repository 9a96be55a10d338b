/**
 * "Copy corrected value": when a pasted header's only problems are formatting,
 * rebuild the value from the decoded bytes, so the person reading a ticket (who
 * has no secret) can hand back a working header. The decoded text stays in this
 * function; only the re-encoded value leaves it, and only toward the clipboard.
 */
import { decodeBase64Loose, encodeBase64Bytes } from '../core/encoding';
import type { Diagnosis } from '../core/encoding/types';

/** Mistakes in the form of the value, not in the credentials it carries. */
const FORMAT_ONLY = new Set([
  'trailing-newline', 'line-wrapped', 'pem-armor', 'whitespace', 'url-safe-alphabet', 'missing-scheme', 'missing-padding',
  'bad-padding', 'quoted', 'header-name', 'repeated-prefix', 'invisible-character', 'form-encoded-values',
]);
const UTF8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
/** Okta client IDs: 0oa and 17 more letters or digits. */
const OKTA_ID = /^0oa[A-Za-z0-9]{17}/;
const PEM_LINE = /^\s*-{3,}\s*(BEGIN|END)\b.*-{3,}\s*$/i;
/** The invisibles core also ignores: BOM and zero-width characters. */
const INVISIBLE = /[\uFEFF\u200B-\u200D\u2060]/g;

/** The Base64 text in a paste: armour, quotes, header name, scheme and whitespace removed, URL-safe letters mapped. */
function compactValue(pasted: string): string {
  let text = pasted.replace(INVISIBLE, '').split(/\r\n|[\r\n\u0085\u2028\u2029]/).filter((l) => !PEM_LINE.test(l)).join('\n').trim();
  const quoted = /^(["'`])([\s\S]*)\1$/.exec(text);
  if (quoted) text = (quoted[2] ?? '').trim();
  for (let i = 0; i < 3; i += 1) text = text.replace(/^authori[sz]ation[ \t]*:?[ \t]*/i, '').replace(/^basic\s+/i, '');
  return text.replace(/\s+/g, '').replace(/-/g, '+').replace(/_/g, '/').replace(/=+$/, '');
}

function decodedText(pasted: string): string | null {
  const decoded = decodeBase64Loose(compactValue(pasted));
  if (!decoded.ok) return null;
  try {
    return UTF8.decode(decoded.bytes);
  } catch {
    return null;
  }
}

export interface Repair {
  readonly value: string;
  readonly header: string;
}

/** The corrected value and header, or null when something other than formatting is wrong. */
export function repairHeader(pasted: string, diagnosis: Diagnosis): Repair | null {
  if (diagnosis.ok || diagnosis.clientId === null || diagnosis.secretLength === null) return null;
  const problems = diagnosis.notices.filter((n) => n.severity !== 'info' || n.code === 'quoted');
  if (problems.length === 0 || !problems.every((n) => FORMAT_ONLY.has(n.code))) return null;
  const text = decodedText(pasted);
  // Cross-check with core's reading, so a repair never hands back something else.
  if (text === null || !text.startsWith(`${diagnosis.clientId}:`)) return null;
  const value = encodeBase64Bytes(new TextEncoder().encode(text));
  return { value, header: `Authorization: Basic ${value}` };
}

/** With no colon, an Okta-shaped ID at the start is probably the client ID (the rest, the secret, is never returned). */
export function probableClientId(pasted: string, diagnosis: Diagnosis): string | null {
  if (!diagnosis.notices.some((n) => n.code === 'missing-colon')) return null;
  const text = decodedText(pasted);
  return text === null ? null : (OKTA_ID.exec(text)?.[0] ?? null);
}
