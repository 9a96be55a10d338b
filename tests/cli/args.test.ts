import { describe, expect, it } from 'vitest';
import { parseArgs, type OptionSpec } from '../../cli/args';
import { KNOWN_OPTION_NAMES } from '../../cli/command-specs';
import { findKeyMaterialArgument, findSecretOption } from '../../cli/secret-flag-guard';

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
    '--api-key', '--apikey', '--private-key-pem', '--credentials', '--CLIENT-SECRET', '--clientSecret',
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

  it('a dashed token that is not an option name is never echoed (PEM text starts with dashes)', () => {
    const pem = '-----BEGIN RSA PRIVATE KEY-----\nMIIEpAIBAAKCAQEAtokenpassword\n-----END RSA PRIVATE KEY-----';
    expect(findSecretOption(['test', pem], KNOWN_OPTION_NAMES)).toBe('an option');
    const parsed = parseArgs([pem], SPECS);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.message).not.toContain('MIIE');
  });

  it('--private-key is a real option: it takes a file name', () => {
    expect(findSecretOption(['test', '--private-key', 'key.pem', '--key-id', 'k1'], KNOWN_OPTION_NAMES)).toBeNull();
  });
});

describe('findKeyMaterialArgument', () => {
  const PEM = '-----BEGIN PRIVATE KEY-----\nMIIEvQIBADANBgkqhkiG9w0BAQEFAASC\n-----END PRIVATE KEY-----';
  it.each([
    ['--private-key', ['test', '--private-key', PEM]],
    ['--private-key', ['test', `--private-key=${PEM}`]],
    ['--private-key', ['test', '--private-key', '{"kty":"RSA","d":"x"}']],
    ['--private-key', ['test', '--private-key', ' {\n "keys": []}']],
    ['--key-id', ['test', '--key-id', '{"privateJwk": {}}']],
    ['--private-key', ['test', '--private-key', '{"anything": 1}']],
    ['--private-key', ['test', `--private-key=${'MIIEvQIBADANBgkqhkiG9w0BAQEFAASC'.repeat(6)}`]],
    ['an argument', ['test', 'MIIE -----BEGIN RSA PRIVATE KEY-----']],
    // PEM text starts with dashes and its Base64 may hold '=': still named by the option before it, never by its own text.
    ['--private-key', ['test', '--private-key', `${PEM.replace('ASC', 'AS=C')}`]],
    // A paste cut short: the armour's first dashes lost, or only its first line left (mutation review, 2026-12-02).
    ['--scope', ['test', '--scope', '-----BEGIN PRIVATE KEY']],
    ['--scope', ['test', '--scope', 'BEGIN EC PRIVATE KEY-----\nMHcCAQEEI']],
  ])('finds key material passed as %s', (option, argv) => {
    expect(findKeyMaterialArgument(argv)).toBe(option);
  });

  it.each([
    [['test', '--private-key', 'key.pem']],
    [['test', '--private-key', '-']],
    [['test', '--private-key', '/home/me/{okta}/key.json']],
    [['test', '--private-key', `/srv/${'very-long-folder-name/'.repeat(10)}okta-key`]],
    [['test', '--scope', 'okta.users.read', '--key-id', 'abc-123']],
    [['test', '--', '--private-key', PEM]],
  ])('leaves paths and ordinary values alone: %j', (argv) => {
    expect(findKeyMaterialArgument(argv)).toBeNull();
  });
});
