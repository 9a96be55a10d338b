import { describe, expect, it } from 'vitest';
import { parseArgs, type OptionSpec } from '../../cli/args';
import { KNOWN_OPTION_NAMES } from '../../cli/command-specs';
import { findSecretOption } from '../../cli/secret-flag-guard';

const SPECS: OptionSpec[] = [
  { name: 'client-id', value: 'ID', description: '' },
  { name: 'scope', value: 'SCOPE', repeatable: true, description: '' },
  { name: 'json', description: '' },
  { name: 'help', short: 'h', description: '' },
];

describe('parseArgs', () => {
  it('reads values in both forms, repeatable options, flags and short flags', () => {
    const parsed = parseArgs(['--client-id', '0oa1', '--scope=a', '--scope', 'b c', '--json', '-h'], SPECS);
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    expect(parsed.value.value('client-id')).toBe('0oa1');
    expect(parsed.value.values('scope')).toEqual(['a', 'b c']);
    expect(parsed.value.has('json')).toBe(true);
    expect(parsed.value.has('help')).toBe(true);
    expect(parsed.value.has('scope')).toBe(true);
    expect(parsed.value.has('client-secret')).toBe(false);
    expect(parsed.value.positionals).toEqual([]);
  });

  it('keeps everything after -- as positionals', () => {
    const parsed = parseArgs(['--json', '--', '--client-id', 'x'], SPECS);
    expect(parsed.ok && parsed.value.positionals).toEqual(['--client-id', 'x']);
  });

  it.each([
    [['--nope'], 'unknown option --nope.'],
    [['--nope=value-here'], 'unknown option --nope.'],
    [['-x'], 'unknown option -x.'],
    [['-hx'], 'unknown option -h….'],
    [['--json=yes'], '--json takes no value.'],
    [['--json', '--json'], '--json is given more than once.'],
    [['--client-id'], '--client-id needs a value (ID).'],
    [['--client-id', '--json'], '--client-id needs a value (ID).'],
    [['--client-id', 'a', '--client-id', 'b'], '--client-id is given more than once.'],
  ])('refuses %j with a clear message', (argv, message) => {
    const parsed = parseArgs(argv, SPECS);
    expect(parsed).toEqual({ ok: false, code: 'usage', message });
  });

  it('never echoes the value of an unknown option', () => {
    const parsed = parseArgs(['--pasword=hunter2-very-secret'], SPECS);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.message).not.toContain('hunter2');
  });
});

describe('findSecretOption', () => {
  it.each([
    '--client-secret', '--client_secret', '--secret', '--password', '--passwd', '--pass', '--token', '--access-token',
    '--api-key', '--apikey', '--private-key', '--credentials', '--CLIENT-SECRET', '--clientSecret',
  ])('flags %s, with or without a value', (option) => {
    expect(findSecretOption(['encode', option, 'x'], KNOWN_OPTION_NAMES)).toBe(option);
    expect(findSecretOption(['encode', `${option}=x`], KNOWN_OPTION_NAMES)).toBe(option);
  });

  it.each(['-s', '-p', '-sVALUE', '-pVALUE'])('flags the short option %s', (token) => {
    expect(findSecretOption(['test', token], KNOWN_OPTION_NAMES)).toBe(token.slice(0, 2));
  });

  it('leaves the real options alone, including --print-token', () => {
    const argv = ['test', '--client-id', '0oa1', '--print-token', '--json', '--ca-file', 'x.pem', '--auth-method', 'post', '-h'];
    expect(findSecretOption(argv, KNOWN_OPTION_NAMES)).toBeNull();
  });

  it('leaves names that point at a secret to the unknown-option check (--token-url, --secret-file)', () => {
    expect(findSecretOption(['test', '--token-url', 'https://x'], KNOWN_OPTION_NAMES)).toBeNull();
    expect(findSecretOption(['test', '--client-secret-file', 'x'], KNOWN_OPTION_NAMES)).toBeNull();
  });

  it('stops at --', () => {
    expect(findSecretOption(['encode', '--', '--secret'], KNOWN_OPTION_NAMES)).toBeNull();
  });
});
