import { describe, expect, it } from 'vitest';
import { REFUSED_SWITCHES, refusedLaunchMessage, refusedSwitches } from '../../../electron/main/launch-switches';

const EXE = '/opt/Basic Header/basic-header';

describe('refusedSwitches (issue 11 item 15)', () => {
  it('is exactly the ten switches of the issue', () => {
    expect([...REFUSED_SWITCHES].sort()).toEqual([
      'disable-web-security', 'enable-logging', 'host-resolver-rules', 'ignore-certificate-errors', 'ignore-certificate-errors-spki-list',
      'log-net-log', 'net-log-capture-mode', 'no-sandbox', 'remote-debugging-pipe', 'remote-debugging-port',
    ]);
  });

  it.each(REFUSED_SWITCHES.flatMap((name) => [[`--${name}`], [`--${name}=1`], [`-${name}`]]))('refuses %s', (arg) => {
    expect(refusedSwitches([EXE, arg], 'linux')).toHaveLength(1);
  });

  it('names each refused switch once, in the order given', () => {
    expect(refusedSwitches([EXE, '--no-sandbox', '--enable-logging=file', '--no-sandbox', '--remote-debugging-port=9222'], 'darwin'))
      .toEqual(['no-sandbox', 'enable-logging', 'remote-debugging-port']);
  });

  it('on Windows also reads /name and is case-insensitive, as Chromium is there', () => {
    expect(refusedSwitches([EXE, '/no-sandbox', '--Remote-Debugging-Port=1'], 'win32')).toEqual(['no-sandbox', 'remote-debugging-port']);
    expect(refusedSwitches([EXE, '/no-sandbox'], 'linux')).toEqual([]);
  });

  it.each([
    [[EXE]],
    [[EXE, '--lang=de']],
    [[EXE, '--enable-logging-extra']],
    [[EXE, '--user-data-dir=/tmp/--no-sandbox']],
    [[EXE, 'no-sandbox']],
    [[EXE, '--', '--no-sandbox']],
    [['--no-sandbox']],
  ])('lets %j through (look-alikes, values, plain arguments, after --, the executable itself)', (argv) => {
    expect(refusedSwitches(argv, 'linux')).toEqual([]);
  });

  it('says in one line what was refused and what to do', () => {
    const line = refusedLaunchMessage(['no-sandbox', 'remote-debugging-port']);
    expect(line).not.toMatch(/\n/);
    expect(line).toContain('--no-sandbox, --remote-debugging-port');
    expect(line).toMatch(/will not start/);
  });
});
