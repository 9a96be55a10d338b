import { describe, expect, it } from 'vitest';
import { contentSecurityPolicy } from '../../../electron/main/csp';

function parse(policy: string): Map<string, string[]> {
  const map = new Map<string, string[]>();
  for (const part of policy.split(';')) {
    const [name, ...values] = part.trim().split(/\s+/);
    if (name === undefined || name === '') continue;
    expect(map.has(name), `duplicate directive ${name}`).toBe(false);
    map.set(name, values);
  }
  return map;
}

describe('contentSecurityPolicy', () => {
  const csp = parse(contentSecurityPolicy({ dev: false }));

  it.each([
    ['default-src', ["'none'"]],
    ['script-src', ["'self'"]],
    ['style-src', ["'self'"]],
    ['img-src', ["'self'", 'data:']],
    ['font-src', ["'self'"]],
    ['connect-src', ["'none'"]],
    ['base-uri', ["'none'"]],
    ['form-action', ["'none'"]],
    ['object-src', ["'none'"]],
    ['frame-ancestors', ["'none'"]],
  ])('%s is exactly %j', (directive, values) => {
    expect(csp.get(directive)).toEqual(values);
  });

  it('has no other directives, and nothing unsafe anywhere', () => {
    expect([...csp.keys()].sort()).toEqual(
      ['base-uri', 'connect-src', 'default-src', 'font-src', 'form-action', 'frame-ancestors', 'img-src', 'object-src', 'script-src', 'style-src'],
    );
    const all = [...csp.values()].flat();
    for (const bad of ["'unsafe-inline'", "'unsafe-eval'", "'unsafe-hashes'", "'wasm-unsafe-eval'", '*', 'http:', 'https:', 'ws:', 'blob:']) {
      expect(all).not.toContain(bad);
    }
  });

  it('the dev policy is no weaker than production (the app always loads a build)', () => {
    expect(contentSecurityPolicy({ dev: true })).toBe(contentSecurityPolicy({ dev: false }));
  });

  it('is a single header line', () => {
    expect(contentSecurityPolicy({ dev: false })).not.toMatch(/[\r\n]/);
  });
});
