import { describe, expect, it } from 'vitest';
import { Output, REDACTED, colourEnabled, type OutStream } from '../../cli/output';

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
    // The message's line break is shown, not written: the error stays one line.
    expect(stderr.text).toBe(`warning: warn ${REDACTED}\nbasic-header: error\\u000a${REDACTED}\n`);
    // Too short to scrub without garbling ordinary text.
    out.line('abc');
    expect(stdout.text.endsWith('abc\n')).toBe(true);
  });

  // A mutation review (2026-12-02, evening) found each of these guards could go with every test still passing.
  it('a value protected later is masked too: each protect() joins the list, it does not start one', () => {
    const stdout = sink();
    const out = new Output({ stdout, stderr: sink(), env: {} });
    out.protect('first-secret-value-0001');
    out.protect('second-secret-value-0002');
    out.line('a first-secret-value-0001 b second-secret-value-0002 c');
    expect(stdout.text).toBe(`a ${REDACTED} b ${REDACTED} c\n`);
  });

  it('jsonLine masks the values of the object it prints, and keeps it valid JSON', () => {
    const stdout = sink();
    const out = new Output({ stdout, stderr: sink(), env: {} });
    out.protect('json-secret-value-0003');
    out.jsonLine({ errorDescription: 'echo json-secret-value-0003', status: 401 });
    expect(JSON.parse(stdout.text)).toEqual({ errorDescription: `echo ${REDACTED}`, status: 401 });
  });

  it('errRaw (the prompt) masks a protected value', () => {
    const stderr = sink();
    const out = new Output({ stdout: sink(), stderr, env: {} });
    out.protect('prompt-secret-value-0004');
    out.errRaw('Secret for prompt-secret-value-0004: ');
    expect(stderr.text).toBe(`Secret for ${REDACTED}: `);
  });

  it("never passes a server's terminal controls through, but keeps the prompt's", () => {
    const stdout = sink();
    const stderr = sink();
    const out = new Output({ stdout, stderr, env: {} });
    // A hostile error_description: erase the line, return, print a fake success, set the title, reverse the text.
    out.errLine('Okta said: "no\u001b[2K\r\u001b[32m✔ Success\u001b]0;t\u0007 \u202egnp.exe\u0085"');
    expect(stderr.text).toBe('Okta said: "no\\u001b[2K\\u000d\\u001b[32m✔ Success\\u001b]0;t\\u0007 \\u202egnp.exe\\u0085"\n');
    // The escape text is also the JSON escape of the same character: --json output stays valid and equal.
    out.line(JSON.stringify({ d: 'a\u0085b\u202e' }));
    expect(JSON.parse(stdout.text)).toEqual({ d: 'a\u0085b\u202e' });
    out.errRaw('\u001b[?2004hPrompt: ');
    expect(stderr.text.endsWith('\u001b[?2004hPrompt: ')).toBe(true);
  });

  it("with colour on, only our own palette's codes reach the terminal: a server's colour and conceal codes are shown as escapes", () => {
    const stdout = sink(true);
    const stderr = sink(true);
    const out = new Output({ stdout, stderr, env: {} });
    out.errLine(`${out.err.red('✘ Rejected:')} HTTP 400 invalid_client\u001b[8m, "\u001b[31mred\u001b[0m"`);
    expect(stderr.text).toBe('\u001b[31m✘ Rejected:\u001b[39m HTTP 400 invalid_client\\u001b[8m, "\\u001b[31mred\\u001b[0m"\n');
    // --json lines are JSON.stringify's: unchanged, colour or not.
    const json = JSON.stringify({ error: 'invalid_client\u001b[8m', errorDescription: 'a\nb' });
    out.line(json);
    expect(stdout.text).toBe(`${json}\n`);
  });

  it('NO_COLOR on a terminal: not one escape sequence, ours included', () => {
    const stderr = sink(true);
    const out = new Output({ stdout: sink(true), stderr, env: { NO_COLOR: '1' } });
    out.errLine(`${out.err.red('✘ Rejected:')} invalid_client\u001b[8m`);
    expect(stderr.text).toBe('✘ Rejected: invalid_client\\u001b[8m\n');
  });

  it("a colour marker is painted only by the Output that made it, on a stream with colour", () => {
    const stdout = sink(true);
    const stderr = sink(false);
    const out = new Output({ stdout, stderr, env: {} });
    // Another process's markers (another key) are not ours: nothing becomes an escape sequence.
    const foreign = new Output({ stdout: sink(true), stderr: sink(true), env: {} }).out.bold('x');
    out.line(foreign);
    expect(stdout.text).not.toContain('\u001b');
    // Our stdout colour in a line for stderr, which has none: dropped, not painted.
    out.errLine(out.out.bold('label'));
    expect(stderr.text).toBe('label\n');
  });

  it('prints debug lines only when asked', () => {
    const quiet = sink();
    new Output({ stdout: sink(), stderr: quiet, env: {} }).debug('detail');
    expect(quiet.text).toBe('');
    const loud = sink();
    new Output({ stdout: sink(), stderr: loud, env: {}, debug: true }).debug('detail');
    expect(loud.text).toBe('debug: detail\n');
  });

  it('each line written is one line: a line break or tab in it is shown as an escape, in every kind of line', () => {
    const stdout = sink();
    const stderr = sink();
    const out = new Output({ stdout, stderr, env: {}, debug: true });
    out.line('a\nb\tc\u2028d');
    out.error(' a\n  b\r\nc ');
    out.warn('w\nx');
    out.debug('d\ne');
    expect(stdout.text).toBe('a\\u000ab\\u0009c\\u2028d\n');
    expect(stderr.text).toBe('basic-header: a\\u000a  b\\u000d\\u000ac\nwarning: w\\u000ax\ndebug: d\\u000ae\n');
    // Our own text of several lines (the help) keeps its lines.
    out.block('Usage:\n  one\n');
    expect(stdout.text.endsWith('Usage:\n  one\n\n')).toBe(true);
  });
});
