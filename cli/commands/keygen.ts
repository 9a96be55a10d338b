/**
 * `basic-header keygen`: a key pair for private_key_jwt, made in memory and
 * printed once as one JSON object { kid, alg, publicJwk, privateJwk } on
 * stdout. publicJwk goes into Okta's "Add key" dialog; privateJwk is what
 * `test --private-key` reads. Nothing is written to disk.
 */
import { checkKeyId, generateClientKey, KEYGEN_ALGS, type KeygenAlg } from '../../core/okta';
import type { CommandContext } from '../command-context';
import { EXIT, type ExitCode } from '../exit-codes';

function isKeygenAlg(value: string): value is KeygenAlg {
  return (KEYGEN_ALGS as readonly string[]).includes(value);
}

export async function runKeygen(ctx: CommandContext): Promise<ExitCode> {
  const { args, output } = ctx;
  const alg = (args.value('alg') ?? 'RS256').toUpperCase();
  if (!isKeygenAlg(alg)) {
    output.error('--alg must be RS256 (RSA 2048, the default) or ES256 (EC P-256).');
    return EXIT.usage;
  }
  const kid = args.value('kid');
  if (kid !== undefined && !checkKeyId(kid)) {
    output.error('--kid takes 1 to 200 printable characters without spaces.');
    return EXIT.usage;
  }
  const key = await generateClientKey(alg, kid);
  if (output.stdoutIsTerminal) {
    output.warn('this output holds a PRIVATE key (privateJwk): keep it secret and off disk; only publicJwk goes to Okta (app › General › Public Keys › Add key).');
  }
  output.result(JSON.stringify({ kid: key.kid, alg: key.alg, publicJwk: key.publicJwk, privateJwk: key.privateJwk }));
  return EXIT.ok;
}
