/** Opened outside the app (no window.basicHeader): encoding and checks work, copy and test explain why not. */
import { base64Of, expect, fillCredentials, test, ui } from '../support/renderer-harness';

test.use({ withBridge: false });

test('encoding and header checks work; copy and test say they need the app', async ({ app: { page } }) => {
  const u = ui(page);
  await expect(page.getByRole('note')).toContainText('This needs the Basic Header app');
  await fillCredentials(page, '0oa1nobridge', 'secret-value-123');
  await u.showOutputs.click();
  await expect(u.base64).toHaveValue(base64Of('0oa1nobridge:secret-value-123'));

  await u.copyHeader.click();
  await expect(page.getByRole('status').filter({ hasText: 'Not copied. This needs the Basic Header app' })).toBeVisible();

  await u.target.fill('dev-123456.okta.com');
  await u.testButton.click();
  await expect(u.testPanel.getByText('Not tested. This needs the Basic Header app')).toBeVisible();

  await u.checkTab.click();

  await u.headerCheck.fill(`Basic ${base64Of('0oa1nobridge:secret-value-123')}`);
  await expect(u.diagnosis.getByText('Looks right')).toBeVisible();

  // Forget still wipes the page.
  await u.forget.click();
  await expect(u.clientId).toHaveValue('');
  await expect(u.headerCheck).toHaveValue('');
});
