/**
 * Text from outside the program in `basic-header test`'s output (issue 5:
 * "NO_COLOR is respected", "every error is one clear line on stderr"). A
 * hostile server's error code, its description, a token's claims and its
 * token_type, a path echoed from argv: any escape sequence or line break in
 * them shows as a \uXXXX escape, colour on or off, so it can neither conceal
 * nor colour the report, nor start a report line of its own. The program's own
 * colours stay, where colour is on. --json stays JSON.stringify's one line.
 */
import { describe, expect, it } from 'vitest';
import { behaviours, startFaultServer, type FaultServer } from '../../support/fault-servers';
import { claimsJsonStart, createTokenSigner, tokenRoutes } from '../../support/signed-tokens';
import { useCliSuite } from '../../support/cli/cli-suite';
import { rawControls, withoutOwnColour } from '../../support/cli/terminal-text';

const CLIENT_ID = '0oa1hostiletext000h7';
const SECRET = 'cli-hostile-text-secret-0123456789_abcdefghijklmnopqrstuvwxyzAB';
const TOKEN_PATH = '/oauth2/default/v1/token';
const NOW_S = Math.floor(Date.now() / 1000);

/** The audit's answer: ESC[8m conceals the rest of the line; the description forges a success line, colours it, erases a line. */
const HOSTILE_ERROR = 'invalid_client\u001b[8m';
const HOSTILE_DESCRIPTION = 'line1\n✔ Success: token issued (HTTP 200)\u001b[31mred\u001b[0m\r\u001b[2Kgone\u0007';
/** The same, as the report shows it: every control a visible escape. */
const SHOWN_ERROR = 'invalid_client\\u001b[8m';
const SHOWN_DESCRIPTION = 'line1\\u000a✔ Success: token issued (HTTP 200)\\u001b[31mred\\u001b[0m\\u000d\\u001b[2Kgone\\u0007';

/** NO_COLOR set (it beats FORCE_COLOR); unset on a pipe (no colour); unset with colour forced, the terminal's palette. */
const MODES = [
  ['NO_COLOR set', { NO_COLOR: '1', FORCE_COLOR: '1' }, false],
  ['NO_COLOR unset, on a pipe', {}, false],
  ['NO_COLOR unset, colour on', { FORCE_COLOR: '1' }, true],
] as const;

const suite = useCliSuite('hostile-text', CLIENT_ID, SECRET);
const signer = createTokenSigner();

function testArgs(origin: string, ...extra: string[]): string[] {
  return ['test', '--client-id', CLIENT_ID, '--issuer', `${origin}/oauth2/default`, '--ca-file', suite.caPath, '--scope', 'api:read', ...extra];
}

async function hostile400(): Promise<FaultServer> {
  return suite.track(startFaultServer({ ca: suite.ca, routes: { [TOKEN_PATH]: behaviours.json(400, { error: HOSTILE_ERROR, error_description: HOSTILE_DESCRIPTION }) } }));
}

const linesOf = (text: string): string[] => withoutOwnColour(text).split('\n');

describe('the check (control)', () => {
  it("finds what the old output wrote: the raw conceal code, the server's colours, the forged line", () => {
    // As the audit recorded it, NO_COLOR set: ESC[…m passed through, the line feed too.
    const old = `✘ Rejected: HTTP 400 ${HOSTILE_ERROR} (90 ms).\n  Okta said:  "line1\n✔ Success: token issued (HTTP 200)\u001b[31mred\u001b[0m\\u000d\\u001b[2Kgone\\u0007"\n`;
    expect(rawControls(old, false)).toHaveLength(3);
    // Colour on does not excuse ESC[8m or ESC[0m: they are not the palette's.
    expect(rawControls(old, true)).toHaveLength(2);
    expect(linesOf(old).filter((l) => l.startsWith('✔'))).toHaveLength(1);
    // …and passes what the fix writes.
    expect(rawControls(`✘ Rejected: HTTP 400 ${SHOWN_ERROR} (90 ms).\n  Okta said:  "${SHOWN_DESCRIPTION}"\n`, false)).toEqual([]);
  });
});

describe('a hostile 400: the human report (stderr)', () => {
  it.each(MODES)('%s: one Rejected line, the words escaped on the "Okta said" line, no forged line', async (_name, env, colour) => {
    const server = await hostile400();
    const run = await suite.cli.run(testArgs(server.origin), { input: SECRET, env });
    expect(run.code).toBe(1);
    expect(run.stdout).toBe('');
    expect(rawControls(run.stderr, colour)).toEqual([]);
    const lines = linesOf(run.stderr);
    expect(lines).toContainEqual(expect.stringMatching(/^✘ Rejected: HTTP 400 invalid_client\\u001b\[8m \(\d+ ms\)\.$/));
    expect(lines).toContain(`  Okta said:  "${SHOWN_DESCRIPTION}"`);
    // The forged success is inside the quoted words, never a line of its own.
    expect(lines.filter((l) => l.includes('Success'))).toEqual([`  Okta said:  "${SHOWN_DESCRIPTION}"`]);
    expect(lines.filter((l) => l.startsWith('✔'))).toEqual([]);
    if (colour) {
      // Our colours stay; the server's never are raw, even the one the palette also uses.
      expect(run.stderr).toContain('\u001b[31m✘ Rejected:\u001b[39m');
      expect(run.stderr).not.toContain('\u001b[31mred');
    } else {
      expect(run.stderr).not.toContain('\u001b');
    }
  });
});

describe('a hostile 400: --json', () => {
  it.each(MODES)("%s: stdout is JSON.stringify's one line with the server's text exactly; the stderr summary is one line", async (_name, env, colour) => {
    const server = await hostile400();
    const run = await suite.cli.run(testArgs(server.origin, '--json'), { input: SECRET, env });
    expect(run.code).toBe(1);
    const rows = run.stdout.split('\n');
    expect(rows).toHaveLength(2);
    expect(rows[1]).toBe('');
    const out = JSON.parse(rows[0] ?? '') as Record<string, unknown>;
    expect(out).toMatchObject({ ok: false, status: 400, error: HOSTILE_ERROR, errorDescription: HOSTILE_DESCRIPTION, failure: null });
    // Unchanged by the terminal rules: exactly what JSON.stringify wrote, no colour, no raw control.
    expect(rows[0]).toBe(JSON.stringify(out));
    expect(rawControls(run.stdout, false)).toEqual([]);
    expect(rawControls(run.stderr, colour)).toEqual([]);
    const errors = linesOf(run.stderr).filter((l) => l.startsWith('basic-header:'));
    expect(errors).toEqual([`basic-header: rejected (HTTP 400): ${SHOWN_ERROR} - ${SHOWN_DESCRIPTION}`]);
    expect(linesOf(run.stderr).filter((l) => l.startsWith('✔'))).toEqual([]);
  });
});

describe('a token with hostile claims and token_type: the success report (stdout)', () => {
  it.each(MODES)('%s: each claim on its own line, escaped; the one success line is ours', async (_name, env, colour) => {
    const claims = `,"name":${JSON.stringify('x\u001b[8my')},"note":${JSON.stringify('a\n✔ Success: forged\u009b2J')}`;
    const server = await suite.track(startFaultServer({
      ca: suite.ca,
      routes: tokenRoutes(signer, (origin) => ({
        access_token: signer.sign(`${claimsJsonStart(origin, NOW_S)}${claims}}`),
        token_type: 'Bearer\u001b[2K',
        expires_in: 3600,
        scope: 'api:read\u001b]0;title\u0007',
      })),
    }));
    const run = await suite.cli.run(testArgs(server.origin), { input: SECRET, env });
    expect(run.code).toBe(0);
    expect(rawControls(run.stdout, colour)).toEqual([]);
    const lines = linesOf(run.stdout);
    expect(lines.filter((l) => l.startsWith('✔'))).toEqual([expect.stringMatching(/^✔ Success: the authorization server issued an access token/)]);
    expect(lines).toContainEqual(expect.stringMatching(/^ {4}name +x\\u001b\[8my$/));
    expect(lines).toContainEqual(expect.stringMatching(/^ {4}note +a\\u000a✔ Success: forged\\u009b2J$/));
    expect(lines).toContainEqual(expect.stringMatching(/^ {2}Token: +Bearer\\u001b\[2K, JWT, expires in .*, scope api:read\\u001b\]0;title\\u0007$/));
  });
});

describe('argv echoed in an error', () => {
  it.each(MODES)('%s: a --ca-file path with an escape and a line break: one error line, escaped', async (_name, env, colour) => {
    const run = await suite.cli.run(['test', '--client-id', CLIENT_ID, '--issuer', 'https://127.0.0.1:9/oauth2/default', '--ca-file', '/nonexistent\u001b[8m\nforged: line'], { input: SECRET, env });
    expect(run.code).toBe(2);
    expect(rawControls(run.stderr, colour)).toEqual([]);
    expect(linesOf(run.stderr.trimEnd())).toEqual([expect.stringMatching(/^basic-header: cannot read --ca-file \/nonexistent\\u001b\[8m\\u000aforged: line: no such file\.$/)]);
  });
});
