/**
 * Classification of thrown fetch errors, built in the shapes each runtime
 * really throws: Node/undici wraps a coded Error in `cause` of a TypeError
 * "fetch failed" (confirmed against real servers in run-token-test.faults.test.ts);
 * Electron/Chromium puts `net::ERR_…` in the message.
 */
import { describe, expect, it } from 'vitest';
import { classifyNetworkError, describeLocation, explainNoAnswer, noAnswerMessage, type NoAnswerCode } from '../../../core/okta/network-errors';

function undiciError(code: string, message = `${code} something`): TypeError {
  const cause = Object.assign(new Error(message), { code });
  return new TypeError('fetch failed', { cause });
}

describe('classifyNetworkError: Node / undici', () => {
  it.each([
    ['ENOTFOUND', 'dns'],
    ['EAI_AGAIN', 'dns'],
    ['ECONNREFUSED', 'refused'],
    ['ECONNRESET', 'reset'],
    ['UND_ERR_SOCKET', 'reset'],
    ['UND_ERR_CONNECT_TIMEOUT', 'timeout'],
    ['ETIMEDOUT', 'timeout'],
    ['DEPTH_ZERO_SELF_SIGNED_CERT', 'tls-untrusted'],
    ['SELF_SIGNED_CERT_IN_CHAIN', 'tls-untrusted'],
    ['UNABLE_TO_VERIFY_LEAF_SIGNATURE', 'tls-untrusted'],
    ['UNABLE_TO_GET_ISSUER_CERT_LOCALLY', 'tls-untrusted'],
    // A revoked certificate is not to be trusted; telling the user it merely expired would mislead.
    ['CERT_REVOKED', 'tls-untrusted'],
    ['CERT_HAS_EXPIRED', 'tls-expired'],
    ['CERT_NOT_YET_VALID', 'tls-expired'],
    ['ERR_TLS_CERT_ALTNAME_INVALID', 'tls-hostname-mismatch'],
    ['EHOSTUNREACH', 'network'],
  ])('%s → %s', (code, expected) => {
    const result = classifyNetworkError(undiciError(code));
    expect(result.code).toBe(expected);
    expect(result.detail).toBe(code);
  });

  it('walks a deep cause chain and AggregateError lists (localhost resolving to ::1 and 127.0.0.1)', () => {
    const inner = new AggregateError(
      [Object.assign(new Error('connect ECONNREFUSED ::1:1'), { code: 'ECONNREFUSED' }), Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:1'), { code: 'ECONNREFUSED' })],
      'all failed',
    );
    const error = new TypeError('fetch failed', { cause: new Error('wrapper', { cause: inner }) });
    expect(classifyNetworkError(error).code).toBe('refused');
  });

  it('reads a code that appears only in the message', () => {
    expect(classifyNetworkError(new Error('getaddrinfo ENOTFOUND nowhere.invalid')).code).toBe('dns');
  });

  it('survives a cyclic cause chain', () => {
    const a = new Error('a') as Error & { cause?: unknown };
    const b = new Error('b', { cause: a });
    a.cause = b;
    expect(classifyNetworkError(a).code).toBe('network');
  });

  it('AbortError is "aborted" (the caller decides cancel vs timeout); TimeoutError is a timeout', () => {
    expect(classifyNetworkError(new DOMException('This operation was aborted', 'AbortError')).code).toBe('aborted');
    expect(classifyNetworkError(new DOMException('The operation timed out', 'TimeoutError')).code).toBe('timeout');
  });

  it('an unknown error is "network", with only a code-like detail and never the message text', () => {
    const result = classifyNetworkError(new TypeError('fetch failed', { cause: new Error('something odd happened with secret-ish text') }));
    expect(result.code).toBe('network');
    expect(result.detail ?? '').not.toContain('secret');
    expect(classifyNetworkError('weird').code).toBe('network');
    expect(classifyNetworkError(null).code).toBe('network');
  });

  it('a proxy mentioned by undici wins over the codes it wraps', () => {
    const error = new TypeError('fetch failed', {
      cause: Object.assign(new Error('Proxy response (407) !== 200 when HTTP Tunneling'), { code: 'UND_ERR_ABORTED' }),
    });
    expect(classifyNetworkError(error).code).toBe('proxy');
  });
});

describe('classifyNetworkError: Electron / Chromium net', () => {
  it.each([
    ['net::ERR_NAME_NOT_RESOLVED', 'dns'],
    ['net::ERR_CONNECTION_REFUSED', 'refused'],
    ['net::ERR_CERT_AUTHORITY_INVALID', 'tls-untrusted'],
    ['net::ERR_CERT_COMMON_NAME_INVALID', 'tls-hostname-mismatch'],
    ['net::ERR_CERT_DATE_INVALID', 'tls-expired'],
    ['net::ERR_TIMED_OUT', 'timeout'],
    ['net::ERR_CONNECTION_TIMED_OUT', 'timeout'],
    ['net::ERR_CONNECTION_RESET', 'reset'],
    ['net::ERR_EMPTY_RESPONSE', 'reset'],
    ['net::ERR_PROXY_CONNECTION_FAILED', 'proxy'],
    ['net::ERR_TUNNEL_CONNECTION_FAILED', 'proxy'],
    ['net::ERR_INTERNET_DISCONNECTED', 'network'],
    ['net::ERR_ABORTED', 'aborted'],
  ])('%s → %s', (message, expected) => {
    const result = classifyNetworkError(new Error(message));
    expect(result.code).toBe(expected);
    expect(`net::${result.detail ?? ''}`).toBe(message);
  });

  it('finds the net code inside a longer message or a cause', () => {
    expect(classifyNetworkError(new TypeError('Failed to fetch', { cause: new Error('request failed: net::ERR_NAME_NOT_RESOLVED') })).code).toBe('dns');
  });
});

describe('no-answer messages', () => {
  const codes: NoAnswerCode[] = [
    'dns', 'refused', 'tls-untrusted', 'tls-hostname-mismatch', 'tls-expired', 'timeout', 'reset', 'proxy', 'network',
    'server-error', 'not-json', 'body-too-large', 'redirect', 'unexpected-response',
  ];

  it('each code has its own message, naming the host', () => {
    const messages = codes.map((code) => noAnswerMessage(code, 'dev-123.okta.com'));
    for (const message of messages) expect(message).toContain('dev-123.okta.com');
    expect(new Set(messages).size).toBe(codes.length);
  });

  it('explanations carry the code as id, a title and a fix', () => {
    for (const code of codes) {
      const e = explainNoAnswer(code, 'h.example');
      expect(e.id).toBe(code);
      expect(e.title.length).toBeGreaterThan(3);
      expect(e.fix.length).toBeGreaterThan(10);
    }
  });

  it('timeout and size messages state the bound', () => {
    expect(noAnswerMessage('timeout', 'h', { timeoutMs: 1500 })).toContain('1.5 seconds');
    expect(noAnswerMessage('timeout', 'h', { timeoutMs: 15_000 })).toContain('15 seconds');
    expect(noAnswerMessage('body-too-large', 'h', { maxBodyBytes: 256 * 1024 })).toContain('256 KiB');
    expect(noAnswerMessage('server-error', 'h', { status: 503 })).toContain('503');
  });

  it('a redirect target is shown as scheme and host only', () => {
    expect(describeLocation('https://evil.example/steal?x=1', 'https://a.example/t')).toBe('https://evil.example');
    expect(describeLocation('/relative/path', 'https://a.example/t')).toBe('https://a.example');
    expect(describeLocation(null, 'https://a.example')).toBeNull();
  });
});
