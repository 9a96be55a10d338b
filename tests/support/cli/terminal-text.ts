/**
 * What a CLI run may write for a terminal (issue 5: "NO_COLOR is respected",
 * "every error is one clear line on stderr"): text and line ends, plus the
 * palette's own colour codes when colour is on. Never an escape sequence or
 * other control character that came from outside the program: the CLI shows
 * those as \uXXXX escapes.
 */

/** The palette's codes (cli/output.ts): bold, dim, red, green, yellow, and their closers. */
// eslint-disable-next-line no-control-regex -- matching escape sequences is the point.
const OWN_SGR = /\u001b\[(?:1|2|22|31|32|33|39)m/g;

/** C0 but the line feed, DEL, C1, the Unicode line and paragraph separators, the bidi controls. */
// eslint-disable-next-line no-control-regex -- finding control characters is the point.
const RAW_CONTROL = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

/** `text` without the palette's colour codes. */
export function withoutOwnColour(text: string): string {
  return text.replace(OWN_SGR, '');
}

/**
 * Each raw control character in `text` (with `colour`, the palette's own codes
 * are allowed), as `U+XXXX at N` with the text around it; [] when there is none.
 */
export function rawControls(text: string, colour: boolean): string[] {
  const rest = colour ? withoutOwnColour(text) : text;
  return [...rest.matchAll(RAW_CONTROL)].map((m) => {
    const at = m.index;
    const code = (m[0].codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0');
    return `U+${code} at ${at}: ${JSON.stringify(rest.slice(Math.max(0, at - 20), at + 20))}`;
  });
}
