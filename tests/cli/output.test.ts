import { describe, expect, it } from 'vitest';
import { Output, REDACTED, colourEnabled, oneLine, type OutStream } from '../../cli/output';

function sink(isTTY = false): OutStream & { text: string } {
  const s = { isTTY, text: '', write: (t: string) => ((s.text += t), true) };
  return s;
}

describe('colourEnabled', () => {
  it.each([
    [true, {}, false, true],
    [false, {}, false, false],
    [true, { NO_COLOR: '1' }, false, false],
    [true, { NO_COLOR: '' }, false, true],
    [true, {}, true, false],
    [false, { FORCE_COLOR: '1' }, false, true],
    [false, { FORCE_COLOR: '0' }, false, false],
    [false, { FORCE_COLOR: '1', NO_COLOR: 'yes' }, false, false],
    [true, { TERM: 'dumb' }, false, false],
  ])('tty=%s env=%j flag=%s → %s', (isTTY, env, flag, expected) => {
    expect(colourEnabled({ isTTY, write: () => true }, env, flag)).toBe(expected);
  });
});

describe('Output', () => {
  it('scrubs protected values everywhere except the one result', () => {
    const stdout = sink();
    const stderr = sink();
    const out = new Output({ stdout, stderr, env: {} });
    out.protect('s3cr3t-value', 'abc', 'czNjcjN0');
    out.line('report s3cr3t-value and czNjcjN0');
    out.warn('warn s3cr3t-value');
    out.error('error\ns3cr3t-value');
    out.result('czNjcjN0');
    expect(stdout.text).toBe(`report ${REDACTED} and ${REDACTED}\nczNjcjN0\n`);
    expect(stderr.text).toBe(`warning: warn ${REDACTED}\nbasic-header: error ${REDACTED}\n`);
    // Too short to scrub without garbling ordinary text.
    out.line('abc');
    expect(stdout.text.endsWith('abc\n')).toBe(true);
  });

  it("never passes a server's terminal controls through, but keeps its own colours and the prompt's", () => {
    const stdout = sink();
    const stderr = sink();
    const out = new Output({ stdout, stderr, env: {} });
    // A hostile error_description: erase the line, return, print a fake success, set the title, reverse the text.
    out.errLine('Okta said: "no\u001b[2K\r\u001b[32m✔ Success\u001b]0;t\u0007 \u202egnp.exe\u0085"');
    expect(stderr.text).toBe('Okta said: "no\\u001b[2K\\u000d\u001b[32m✔ Success\\u001b]0;t\\u0007 \\u202egnp.exe\\u0085"\n');
    // The escape text is also the JSON escape of the same character: --json output stays valid and equal.
    out.line(JSON.stringify({ d: 'a\u0085b\u202e' }));
    expect(JSON.parse(stdout.text)).toEqual({ d: 'a\u0085b\u202e' });
    out.errRaw('\u001b[?2004hPrompt: ');
    expect(stderr.text.endsWith('\u001b[?2004hPrompt: ')).toBe(true);
  });

  it('prints debug lines only when asked', () => {
    const quiet = sink();
    new Output({ stdout: sink(), stderr: quiet, env: {} }).debug('detail');
    expect(quiet.text).toBe('');
    const loud = sink();
    new Output({ stdout: sink(), stderr: loud, env: {}, debug: true }).debug('detail');
    expect(loud.text).toBe('debug: detail\n');
  });

  it('oneLine folds line breaks', () => {
    expect(oneLine(' a\n  b\r\nc ')).toBe('a b c');
  });
});
