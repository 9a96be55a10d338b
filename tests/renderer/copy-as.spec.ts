/**
 * Issue 14 item 11: "Copy as curl / PowerShell / HTTPie". The curl form is run
 * for real against the test authorization server: by default it reads the
 * header from $OKTA_BASIC; the inline variant carries it and says so.
 */
import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import type { Page } from '@playwright/test';
import { base64Of, BASIC_CLIENT, expect, fillCredentials, POST_CLIENT, test, ui, type MemoryClipboard } from '../support/renderer-harness';

const run = promisify(execFile);

async function copied(page: Page, clipboard: MemoryClipboard, button: string): Promise<string> {
  clipboard.text = '';
  await ui(page).testPanel.getByRole('button', { name: button }).click();
  await expect.poll(() => clipboard.text).not.toBe('');
  return clipboard.text;
}

/** Runs a copied curl command as a shell would, trusting only the test CA. */
async function curl(command: string, ca: string, env: Record<string, string>): Promise<{ access_token?: string; error?: string }> {
  const dir = await mkdtemp(path.join(tmpdir(), 'basic-header-curl-'));
  try {
    const caFile = path.join(dir, 'ca.pem');
    await writeFile(caFile, ca);
    const { stdout } = await run('sh', ['-c', `${command} --cacert '${caFile}'`], { env: { PATH: process.env.PATH ?? '/usr/bin:/bin', ...env }, timeout: 15_000 });
    return JSON.parse(stdout) as { access_token?: string; error?: string };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

test('Copy as curl reads $OKTA_BASIC, says how to set it, and really gets a token', async ({ app: { page, clipboard }, authServer, testCa }) => {
  const u = ui(page);
  await fillCredentials(page, BASIC_CLIENT.clientId, BASIC_CLIENT.clientSecret);
  await u.target.fill(authServer.issuer);
  await u.scopes.fill('api:read');
  const command = await copied(page, clipboard, 'Copy as curl');
  expect(command).toContain('$OKTA_BASIC');
  expect(command).not.toContain(BASIC_CLIENT.clientSecret);
  expect(command).not.toContain(base64Of(`${BASIC_CLIENT.clientId}:${BASIC_CLIENT.clientSecret}`));
  await expect(u.testPanel.getByText('First set OKTA_BASIC')).toBeVisible();
  const answer = await curl(command, testCa.cert, { OKTA_BASIC: `Basic ${base64Of(`${BASIC_CLIENT.clientId}:${BASIC_CLIENT.clientSecret}`)}` });
  expect(answer.access_token).toMatch(/^eyJ/);
  // Positive control: without the variable the same command is refused by the server.
  const refused = await curl(command, testCa.cert, {});
  expect(refused.access_token).toBeUndefined();
  expect(refused.error).toMatch(/^invalid_(client|request)$/);
});

test('the inline variant warns that it carries the credential, and runs without any variable', async ({ app: { page, clipboard }, authServer, testCa }) => {
  const u = ui(page);
  await fillCredentials(page, BASIC_CLIENT.clientId, BASIC_CLIENT.clientSecret);
  await u.target.fill(authServer.issuer);
  await u.testPanel.getByRole('checkbox', { name: 'With the credential inline' }).check();
  await expect(u.testPanel.getByText('The command then contains the credential')).toBeVisible();
  const command = await copied(page, clipboard, 'Copy as curl');
  expect(command).toContain(`Authorization: Basic ${base64Of(`${BASIC_CLIENT.clientId}:${BASIC_CLIENT.clientSecret}`)}`);
  await expect(u.testPanel.getByRole('status').filter({ hasText: 'curl command copied with the credential in it' })).toBeVisible();
  expect((await curl(command, testCa.cert, {})).access_token).toMatch(/^eyJ/);
});

test('client_secret_post: curl reads $OKTA_CLIENT_SECRET and works', async ({ app: { page, clipboard }, authServer, testCa }) => {
  const u = ui(page);
  await fillCredentials(page, POST_CLIENT.clientId, POST_CLIENT.clientSecret);
  await u.target.fill(authServer.issuer);
  await u.testPanel.getByText('Form body').click();
  const command = await copied(page, clipboard, 'Copy as curl');
  expect(command).toContain('$OKTA_CLIENT_SECRET');
  expect((await curl(command, testCa.cert, { OKTA_CLIENT_SECRET: POST_CLIENT.clientSecret })).access_token).toMatch(/^eyJ/);
});

test('PowerShell and HTTPie forms read the same variable', async ({ app: { page, clipboard }, authServer }) => {
  const u = ui(page);
  await fillCredentials(page, BASIC_CLIENT.clientId, BASIC_CLIENT.clientSecret);
  await u.target.fill(authServer.issuer);
  await u.scopes.fill('api:read');
  const ps = await copied(page, clipboard, 'Copy as PowerShell');
  expect(ps).toMatch(/^Invoke-RestMethod -Method Post -Uri 'https:\/\/127\.0\.0\.1:\d+\/oauth2\/default\/v1\/token'/);
  expect(ps).toContain('Authorization = $env:OKTA_BASIC');
  expect(ps).toContain("-Body 'grant_type=client_credentials&scope=api%3Aread'");
  await expect(u.testPanel.getByText('$env:OKTA_BASIC = Read-Host -MaskInput')).toBeVisible();
  const httpie = await copied(page, clipboard, 'Copy as HTTPie');
  expect(httpie).toMatch(/^http --form POST 'https:/);
  expect(httpie).toContain('"Authorization:$OKTA_BASIC"');
  expect(httpie).toContain("'scope=api:read'");
});

test('a secret HTTPie would misread is named next to the buttons before any copy; inline, a leading = is escaped', async ({ app: { page, clipboard }, authServer }) => {
  const u = ui(page);
  const warning = u.testPanel.getByText('HTTPie reads a field that starts with = as a URL query parameter');
  await fillCredentials(page, POST_CLIENT.clientId, '=secret-that-starts-with-an-equals-sign');
  await u.target.fill(authServer.issuer);
  await u.testPanel.getByText('Form body').click();
  await expect(warning).toBeVisible();
  await u.testPanel.getByRole('checkbox', { name: 'With the credential inline' }).check();
  await expect(warning).toHaveCount(0);
  expect(await copied(page, clipboard, 'Copy as HTTPie')).toContain("'client_secret=\\=secret-that-starts-with-an-equals-sign'");
  // A backslash before a separator cannot be written for HTTPie at all, inline or not.
  await fillCredentials(page, POST_CLIENT.clientId, 'secret-with-a-backslash\\:colon');
  await expect(u.testPanel.getByText('HTTPie drops a backslash before : = @ or ;')).toBeVisible();
});
