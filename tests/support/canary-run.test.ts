/** The canary specs' shared pieces: fresh canaries, output capture, the control split. */
import { describe, expect, it } from 'vitest';
import {
  captureOwnOutput, CONTROL_LABEL, controlCanary, randomCanary, splitControlHits, startControlServer, tokenCanaries, urlChangingCanary,
} from './canary-run';
import { FRAGMENT_CHARS, formUrlEncoded, fragmentsOf } from './canary-scanner';

describe('canaries', () => {
  it('are fresh each time, in the documented shape', () => {
    const a = randomCanary();
    const b = randomCanary();
    expect(a.clientId).toMatch(/^cid[0-9a-f]{32}$/);
    expect(a.clientSecret).toMatch(/^sec[0-9a-f]{48}$/);
    expect(a.clientSecret).not.toBe(b.clientSecret);
    expect(controlCanary()).not.toBe(controlCanary());
  });

  it('the URL-changing secret holds +/=:%& and a space, with random hex in every fragment of every encoding', () => {
    const { clientSecret } = urlChangingCanary();
    for (const c of ['+', '/', '=', ':', '%', '&', ' ']) expect(clientSecret).toContain(c);
    for (const form of [clientSecret, encodeURIComponent(clientSecret), formUrlEncoded(clientSecret)]) {
      for (const fragment of fragmentsOf(form)) {
        // At least 4 hex digits that came from the random part, not from a %XX escape.
        const withoutEscapes = fragment.text.replace(/%[0-9A-F]{2}/g, '');
        expect(withoutEscapes.replace(/[^0-9a-f]/g, '').length, `${fragment.text.length}-char fragment`).toBeGreaterThanOrEqual(4);
      }
    }
    expect(FRAGMENT_CHARS).toBe(16);
  });

  it('a JWT gives the whole token without fragments, and its signature with them', () => {
    const token = `eyJhbGciOiJSUzI1NiJ9.eyJqdGkiOiIxIn0.${'s'.repeat(40)}`;
    expect(tokenCanaries(token)).toEqual([
      { label: 'access token', value: token, fragments: false },
      { label: 'access token signature', value: 's'.repeat(40) },
    ]);
  });
});

describe('splitControlHits', () => {
  it('separates the control canary’s hits from the run’s', () => {
    const hits = [
      { where: 'a', kind: 'content' as const, needle: `${CONTROL_LABEL} [UTF-8]` },
      { where: 'b', kind: 'name' as const, needle: 'client secret [UTF-8]' },
    ];
    expect(splitControlHits(hits)).toEqual({ canary: [hits[1]], control: [hits[0]] });
  });
});

describe('captureOwnOutput', () => {
  it('records stdout and stderr writes, passes them on, and restores the streams', () => {
    const originals = [process.stdout.write, process.stderr.write];
    const passedOn: string[] = [];
    const sink = ((chunk: unknown) => {
      passedOn.push(String(chunk));
      return true;
    }) as typeof process.stdout.write;
    process.stdout.write = sink;
    process.stderr.write = sink;
    try {
      const capture = captureOwnOutput();
      process.stdout.write('one ');
      process.stderr.write(Buffer.from('two'));
      const captured = capture.stop();
      process.stdout.write('after');
      expect(captured.toString('utf8')).toBe('one two');
      expect(passedOn).toEqual(['one ', 'two', 'after']);
      expect(process.stdout.write).toBe(sink);
      expect(capture.stop().toString('utf8')).toBe('one two');
    } finally {
      [process.stdout.write, process.stderr.write] = originals as [typeof process.stdout.write, typeof process.stderr.write];
    }
  });
});

describe('startControlServer', () => {
  it('serves a page on loopback', async () => {
    const server = await startControlServer();
    try {
      expect(new URL(server.url).hostname).toBe('127.0.0.1');
      const response = await fetch(server.url);
      expect(response.status).toBe(200);
      expect(await response.text()).toContain('<title>Control</title>');
    } finally {
      await server.close();
    }
  });
});
