/**
 * The real tools people use to build Basic values, run as child processes. Values go
 * in on stdin, never argv (they are fixtures, but the habit is the point).
 */
import { spawnSync } from 'node:child_process';

function run(command: string, args: readonly string[], input: string | Uint8Array): string {
  const result = spawnSync(command, args, { input, encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`${command} exited with ${String(result.status)}`);
  return result.stdout;
}

/** `printf '%s' "$v" | base64 -w0`: the correct way, output without its final newline. */
export function coreutilsBase64(text: string): string {
  return run('base64', ['-w0'], text);
}

/** `base64` with its defaults: wrapped at 76 columns, newline at the end. */
export function gnuBase64Wrapped(text: string): string {
  return run('base64', [], text);
}

/** `echo "$v" | base64 -w0`: the shell's echo without -n, with the value read from stdin. */
export function echoPipeBase64(text: string): string {
  return run('sh', ['-c', 'IFS= read -r v; echo "$v" | base64 -w0'], `${text}\n`);
}

/** `openssl base64`: wrapped at 64 columns. */
export function opensslBase64(bytes: string | Uint8Array): string {
  return run('openssl', ['base64'], bytes);
}

/** Notepad's "Unicode" (UTF-16LE with BOM) then base64, via iconv. */
export function utf16Base64(text: string): string {
  const utf16 = spawnSync('iconv', ['-f', 'UTF-8', '-t', 'UTF-16'], { input: text });
  if (utf16.status !== 0) throw new Error('iconv failed');
  return run('base64', ['-w0'], utf16.stdout);
}

/**
 * What `certutil -encode` writes: PEM armour, 64-column lines, CRLF. There is no
 * certutil here, so the body comes from openssl's 64-column output.
 */
export function certutilStyle(fileBytes: string | Uint8Array): string {
  const body = opensslBase64(fileBytes).trimEnd().split('\n');
  return ['-----BEGIN CERTIFICATE-----', ...body, '-----END CERTIFICATE-----', ''].join('\r\n');
}
