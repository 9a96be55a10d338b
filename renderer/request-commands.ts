/**
 * The token request as a command an admin can paste into a terminal: curl,
 * PowerShell's Invoke-RestMethod, or HTTPie. By default the credential is read
 * from an environment variable, so the command itself can go into a ticket.
 */
import type { ClientAuthMethod } from '../core/okta/types';

export type CommandKind = 'curl' | 'powershell' | 'httpie';

export interface RequestSpec {
  readonly url: string;
  readonly authMethod: ClientAuthMethod;
  readonly clientId: string;
  readonly scopes: readonly string[];
}

/** Inline credentials: the header's value (Basic …) or the secret (form body). null: read from the environment. */
export interface InlineCredential {
  readonly basic: string;
  readonly secret: string;
}

export const ENV = { basic: 'OKTA_BASIC', secret: 'OKTA_CLIENT_SECRET' } as const;

const sh = (text: string): string => `'${text.replace(/'/g, `'\\''`)}'`;
// PowerShell ends a single-quoted string at any of ' ‘ ’ ‚ ‛ (not only the ASCII one), and reads each doubled as one literal quote.
const ps = (text: string): string => `'${text.replace(/['\u2018\u2019\u201A\u201B]/g, (quote) => quote + quote)}'`;

function formFields(spec: RequestSpec): [string, string][] {
  const fields: [string, string][] = [['grant_type', 'client_credentials']];
  if (spec.scopes.length > 0) fields.push(['scope', spec.scopes.join(' ')]);
  if (spec.authMethod === 'client_secret_post') fields.push(['client_id', spec.clientId]);
  return fields;
}

const formBody = (fields: [string, string][]): string => new URLSearchParams(fields).toString();

/**
 * An HTTPie form field. HTTPie takes the first separator, longest first, so a value that starts
 * with `=` or `@` turns `k=v` into `k==v` (a URL query parameter: the secret in the URL) or
 * `k=@v` (the contents of a file named v). A backslash makes that first character literal.
 */
const httpieField = (key: string, value: string): string => `${key}=${/^[=@]/.test(value) ? '\\' : ''}${value}`;

/**
 * Why HTTPie cannot carry this secret in its field exactly, or null. HTTPie reads a backslash
 * before `:` `=` `@` `;` as an escape and drops it, and there is no way to write that backslash
 * itself; read from the environment, a leading `=` or `@` cannot be escaped either.
 */
export function httpieSecretProblem(method: ClientAuthMethod, secret: string, inline: boolean): string | null {
  if (method !== 'client_secret_post') return null;
  if (/\\[:=@;]/.test(secret)) return 'HTTPie drops a backslash before : = @ or ; in a field, and this secret has one: use the curl or PowerShell command.';
  if (!inline && /^[=@]/.test(secret)) {
    return 'HTTPie reads a field that starts with = as a URL query parameter and one that starts with @ as a file name, and this secret does: use the inline HTTPie command, curl or PowerShell.';
  }
  return null;
}

export function requestCommand(kind: CommandKind, spec: RequestSpec, inline: InlineCredential | null): string {
  const basic = spec.authMethod === 'client_secret_basic';
  const fields = formFields(spec);
  switch (kind) {
    case 'curl': {
      const lines = [`curl -sS -X POST ${sh(spec.url)}`];
      if (basic) lines.push(inline === null ? `-H "Authorization: $${ENV.basic}"` : `-H ${sh(`Authorization: ${inline.basic}`)}`);
      lines.push(`-H 'Accept: application/json'`, `-H 'Content-Type: application/x-www-form-urlencoded'`, `--data ${sh(formBody(fields))}`);
      if (!basic) lines.push(inline === null ? `--data-urlencode "client_secret=$${ENV.secret}"` : `--data-urlencode ${sh(`client_secret=${inline.secret}`)}`);
      return lines.join(' \\\n  ');
    }
    case 'powershell': {
      const headers = basic
        ? `@{ Authorization = ${inline === null ? `$env:${ENV.basic}` : ps(inline.basic)}; Accept = 'application/json' }`
        : `@{ Accept = 'application/json' }`;
      const body = basic
        ? ps(formBody(fields))
        : `(${ps(`${formBody(fields)}&client_secret=`)} + [uri]::EscapeDataString(${inline === null ? `$env:${ENV.secret}` : ps(inline.secret)}))`;
      return [`Invoke-RestMethod -Method Post -Uri ${ps(spec.url)}`, `-Headers ${headers}`, `-ContentType 'application/x-www-form-urlencoded'`, `-Body ${body}`].join(' `\n  ');
    }
    case 'httpie': {
      const parts = [`http --form POST ${sh(spec.url)}`];
      if (basic) parts.push(inline === null ? `"Authorization:$${ENV.basic}"` : sh(`Authorization:${inline.basic}`));
      parts.push('Accept:application/json', ...fields.map(([k, v]) => sh(httpieField(k, v))));
      if (!basic) parts.push(inline === null ? `"client_secret=$${ENV.secret}"` : sh(httpieField('client_secret', inline.secret)));
      return parts.join(' \\\n  ');
    }
  }
}

/** How to set the variable without the value landing in shell history. */
export function envAdvice(kind: CommandKind, method: ClientAuthMethod): string {
  const name = method === 'client_secret_basic' ? ENV.basic : ENV.secret;
  const what = method === 'client_secret_basic' ? '“Basic ” followed by the Base64 value' : 'the client secret';
  return kind === 'powershell'
    ? `First set $env:${name} to ${what}: $env:${name} = Read-Host -MaskInput, then paste it.`
    : `First set ${name} to ${what}: read -rs ${name} && export ${name}, then paste it and press Enter.`;
}
