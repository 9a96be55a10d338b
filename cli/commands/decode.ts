/**
 * `basic-header decode`: reads a pasted header or value and reports what it
 * holds (client ID, the secret's length, never the secret) and any classic
 * mistake by its stable code. Exit 0 when it decodes cleanly, 1 when mistakes
 * were found, so `basic-header decode < header.txt && deploy` is a real check.
 */
import { diagnoseHeader } from '../../core/encoding';
import type { Diagnosis } from '../../core/encoding/types';
import type { CommandContext } from '../command-context';
import { EXIT, inputFailureExit, type ExitCode } from '../exit-codes';
import type { Output } from '../output';
import { readPastedValue } from '../secret-source';

export async function runDecode(ctx: CommandContext): Promise<ExitCode> {
  const { args, output } = ctx;
  const pasted = await readPastedValue(ctx);
  if (!pasted.ok) {
    output.error(pasted.message);
    return inputFailureExit(pasted.code);
  }
  if (pasted.value.trim() === '') {
    output.error('nothing to decode: pipe the header or value on standard input, e.g. printf \'%s\' "$AUTH_HEADER" | basic-header decode.');
    return EXIT.usage;
  }
  // The pasted words carry the secret (in Base64, or raw): no piece of them may be echoed. Only them: armour
  // lines and the header's name are our own words too, and protecting them would blank our own messages.
  output.protect(...credentialWords(pasted.value));

  const diagnosis = diagnoseHeader(pasted.value);
  if (args.has('json')) {
    output.jsonLine({
      clientId: diagnosis.clientId,
      secretLength: diagnosis.secretLength,
      warnings: diagnosis.notices.map((n) => ({ code: n.code, message: n.message })),
    });
  } else {
    printDiagnosis(diagnosis, output);
  }
  return diagnosis.ok ? EXIT.ok : EXIT.rejected;
}

/**
 * The pasted words that can carry the credential: 8 characters or more (the
 * Base64 of the shortest id:secret), not PEM armour, not a header name or an
 * auth scheme. A shorter word (`Bearer`, `basic:`, `null`) would blank our own
 * messages, codes and JSON wherever the same word appears in them.
 */
export function credentialWords(pasted: string): string[] {
  return pasted
    .split(/\s+/)
    .filter((word) => word.length >= MIN_CREDENTIAL_WORD && !word.includes('-----') && !/^(?:authori[sz]ation|proxy-authorization|basic|bearer|digest|negotiate|certificate)[:;,]?$/i.test(word));
}

const MIN_CREDENTIAL_WORD = 8;

function printDiagnosis(d: Diagnosis, output: Output): void {
  const p = output.out;
  output.line(`${p.bold('Client ID:')}      ${d.clientId ?? p.dim('(none found)')}`);
  output.line(`${p.bold('Secret length:')}  ${d.secretLength === null ? p.dim('(none found)') : `${d.secretLength} character${d.secretLength === 1 ? '' : 's'}`}`);
  if (d.ok && d.notices.length === 0) {
    output.line(p.green('No mistakes found: this is a well-formed Basic value.'));
    return;
  }
  if (d.ok) output.line(p.green('No mistakes found. Notes:'));
  else output.line(p.red('Mistakes found:'));
  for (const n of d.notices) {
    const mark = n.severity === 'error' ? p.red('✘') : n.severity === 'warning' ? p.yellow('!') : p.dim('i');
    output.line(`  ${mark} ${p.bold(n.code)}: ${n.message}`);
  }
}
