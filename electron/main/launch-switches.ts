/**
 * Issue 11 item 15: Chromium switches that weaken a shipped app. Each one turns
 * off a protection the app relies on (certificate checks, the sandbox, web
 * security), opens a debugging door into the process, or writes network or
 * console logs to disk. A packaged app refuses to start with any of them; an
 * unpackaged one accepts them, because development and Playwright's _electron
 * (which always passes --remote-debugging-port) need them.
 */
export const REFUSED_SWITCHES = [
  'ignore-certificate-errors',
  'ignore-certificate-errors-spki-list',
  'remote-debugging-port',
  'remote-debugging-pipe',
  'log-net-log',
  'net-log-capture-mode',
  'enable-logging',
  'no-sandbox',
  'disable-web-security',
  'host-resolver-rules',
] as const;

/** Exit code of a refused launch. */
export const REFUSED_LAUNCH_EXIT_CODE = 1;

/**
 * The refused switches present in `argv` (process.argv: the executable first),
 * read the way Chromium reads switches: `--name`, `--name=value` or `-name`
 * (and `/name` on Windows, where names are also case-insensitive), up to a bare
 * `--`, after which everything is an argument.
 */
export function refusedSwitches(argv: readonly string[], platform: string): string[] {
  const found = new Set<string>();
  const prefix = platform === 'win32' ? /^(?:--|-|\/)/ : /^(?:--|-)/;
  for (const arg of argv.slice(1)) {
    if (arg === '--') break;
    const match = prefix.exec(arg);
    if (match === null) continue;
    const rest = arg.slice(match[0].length);
    const name = rest.split('=', 1)[0]?.toLowerCase() ?? '';
    const refused = REFUSED_SWITCHES.find((candidate) => candidate === name);
    if (refused !== undefined) found.add(refused);
  }
  return [...found];
}

/** The one line a refused launch prints. */
export function refusedLaunchMessage(found: readonly string[]): string {
  const list = found.map((name) => `--${name}`).join(', ');
  return `Basic Header will not start with ${list}: ${found.length === 1 ? 'this switch weakens' : 'these switches weaken'} its protection of your credentials. Start it without ${found.length === 1 ? 'it' : 'them'}.`;
}
