/** Short names for what decode-and-diagnose finds, shown before core's advice. */
const NAMES: Readonly<Record<string, string>> = {
  'trailing-newline': 'Trailing newline',
  'line-wrapped': 'Line-wrapped output',
  'pem-armor': 'PEM armour',
  'missing-colon': 'No colon',
  'not-base64': 'Not Base64',
  'url-safe-alphabet': 'URL-safe alphabet',
  whitespace: 'Stray whitespace',
  empty: 'Nothing to decode',
  'missing-padding': 'Missing padding',
  'bad-padding': 'Wrong padding',
  truncated: 'Cut short',
  'url-encoded': 'URL-encoded',
  quoted: 'Quoted',
  'header-name': 'Header name',
  'missing-scheme': 'No "Basic" scheme',
  'scheme-typo': 'Wrong scheme',
  'repeated-prefix': 'Repeated prefix',
  bom: 'Byte-order mark',
  utf16: 'UTF-16 text',
  'invalid-utf8': 'Not UTF-8',
  'double-encoded': 'Encoded twice',
  'empty-client-id': 'Empty client ID',
  'empty-secret': 'Empty secret',
  'form-encoded-values': 'Form-encoded values',
  'whitespace-in-value': 'Whitespace in a value',
  'line-break-in-value': 'Line break in a value',
  'invisible-character': 'Invisible characters',
  'control-character': 'Control characters',
  'look-alike-character': 'Look-alike characters',
  'surrounding-quotes': 'Surrounding quotes',
  'lone-surrogate': 'Broken character',
};

export function mistakeName(code: string): string {
  const known = NAMES[code];
  if (known !== undefined) return known;
  const words = code.replace(/[-_]+/g, ' ').trim();
  return words === '' ? 'Finding' : words.charAt(0).toUpperCase() + words.slice(1);
}
