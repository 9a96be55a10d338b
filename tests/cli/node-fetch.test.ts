/**
 * proxyApplies mirrors undici's EnvHttpProxyAgent, which the token request
 * uses: when it says "proxied", `test` makes no direct handshake to read a
 * refused certificate. The process-level proof is test.certificate.test.ts.
 */
import { describe, expect, it } from 'vitest';
import { proxyApplies } from '../../cli/node-fetch';

const P = 'http://proxy.corp:3128';

describe('proxyApplies', () => {
  it.each([
    ['no proxy variable', 'https://dev-1.okta.com/', {}, false],
    ['HTTPS_PROXY', 'https://dev-1.okta.com/', { HTTPS_PROXY: P }, true],
    ['lower-case https_proxy', 'https://dev-1.okta.com/', { https_proxy: P }, true],
    ['HTTP_PROXY also carries https', 'https://dev-1.okta.com/', { HTTP_PROXY: P }, true],
    ['empty HTTPS_PROXY', 'https://dev-1.okta.com/', { HTTPS_PROXY: '' }, false],
    ['loopback never', 'https://127.0.0.1:8443/', { HTTPS_PROXY: P }, false],
    ['NO_PROXY exact host', 'https://dev-1.okta.com/', { HTTPS_PROXY: P, NO_PROXY: 'dev-1.okta.com' }, false],
    ['NO_PROXY parent domain', 'https://dev-1.okta.com/', { HTTPS_PROXY: P, NO_PROXY: '.okta.com' }, false],
    ['NO_PROXY wildcard', 'https://dev-1.okta.com/', { HTTPS_PROXY: P, NO_PROXY: '*' }, false],
    ['NO_PROXY other port', 'https://dev-1.okta.com/', { HTTPS_PROXY: P, NO_PROXY: 'dev-1.okta.com:8443' }, true],
    ['NO_PROXY matching port', 'https://dev-1.okta.com/', { HTTPS_PROXY: P, NO_PROXY: 'dev-1.okta.com:443' }, false],
    ['NO_PROXY lookalike', 'https://evil-okta.com/', { HTTPS_PROXY: P, NO_PROXY: 'okta.com' }, true],
    ['malformed URL errs towards proxied', 'not a url', { HTTPS_PROXY: P }, true],
  ] as const)('%s', (_name, url, env, expected) => {
    expect(proxyApplies(url, env)).toBe(expected);
  });
});
