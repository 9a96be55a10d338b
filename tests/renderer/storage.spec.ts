/** Nothing is ever stored: after a full flow, every browser storage is still empty. */
import type { Page } from '@playwright/test';
import { BASIC_CLIENT, expect, fillCredentials, test, ui } from '../support/renderer-harness';

interface StorageProbe {
  readonly localStorage: number;
  readonly sessionStorage: number;
  readonly indexedDB: readonly string[];
  readonly cookie: string;
  readonly caches: readonly string[];
  readonly serviceWorkers: number;
}

/** Reads every store the page could have written. Runs in the page (string body: the Node tsconfig has no DOM types). */
async function probe(page: Page): Promise<StorageProbe> {
  return page.evaluate(`(async () => ({
    localStorage: window.localStorage.length,
    sessionStorage: window.sessionStorage.length,
    indexedDB: (await window.indexedDB.databases()).map((d) => d.name ?? ''),
    cookie: document.cookie,
    caches: 'caches' in window ? await window.caches.keys() : [],
    serviceWorkers: navigator.serviceWorker ? (await navigator.serviceWorker.getRegistrations()).length : 0,
  }))()`);
}

const EMPTY: StorageProbe = { localStorage: 0, sessionStorage: 0, indexedDB: [], cookie: '', caches: [], serviceWorkers: 0 };

test('browser storage stays empty after encode, copy, check, test and forget', async ({ app: { page }, authServer }) => {
  const u = ui(page);
  expect(await probe(page)).toEqual(EMPTY);

  await fillCredentials(page, BASIC_CLIENT.clientId, BASIC_CLIENT.clientSecret);
  await u.showOutputs.click();
  await u.copyHeader.click();
  await u.checkTab.click();
  await u.headerCheck.fill(await u.header.inputValue());
  await expect(u.diagnosis.getByText('Looks right')).toBeVisible();
  await u.testTab.click();
  await u.target.fill(authServer.issuer);
  await u.testButton.click();
  await expect(u.result).toHaveAttribute('data-outcome', 'success', { timeout: 20_000 });
  await u.result.getByRole('button', { name: 'Copy access token' }).click();
  expect(await probe(page)).toEqual(EMPTY);

  await u.forget.click();
  await page.reload();
  await expect(u.clientId).toHaveValue('');
  expect(await probe(page)).toEqual(EMPTY);
  const state = await page.context().storageState();
  expect(state.cookies).toEqual([]);
  expect(state.origins).toEqual([]);

  // Positive control: the probe does see storage when there is some.
  await page.evaluate(`window.sessionStorage.setItem('control', '1'); window.localStorage.setItem('control', '1')`);
  expect(await probe(page)).toMatchObject({ localStorage: 1, sessionStorage: 1 });
  await page.evaluate(`window.sessionStorage.clear(); window.localStorage.clear()`);
});
