import { startTestServer, type TestServer } from '@tally/server/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromiumMissing, openBrowser, poll, type Browser } from './browser';
import { ensureBuilt } from './e2e-setup';

const skip = chromiumMissing();
if (skip) console.log(skip);

describe.skipIf(skip)('dashboard: sign-in, modes and API keys', { timeout: 60_000 }, () => {
  let srv: TestServer;
  let b: Browser;
  beforeAll(async () => {
    ensureBuilt();
    [srv, b] = await Promise.all([startTestServer(), openBrowser()]);
  });
  afterAll(async () => {
    await b?.close();
    await srv?.close();
  });

  it('refuses a bad key, then signs in to test mode and shows it', async () => {
    const { page } = b;
    await page.goto(`${srv.url}/`);
    await page.getByLabel('API key').fill('tly_test_not-a-real-key');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await poll(() => page.getByRole('alert').textContent()).toContain('invalid API key');
    await page.getByLabel('API key').fill(srv.apiKey);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('heading', { name: 'Overview' }).waitFor();
    expect(await page.getByTestId('mode-banner').textContent()).toContain('TEST MODE');
    await b.shot('overview');
  });

  it('works from the keyboard: skip link first, then the navigation', async () => {
    const { page } = b;
    // A fresh load (the key stays in session storage): focus starts at the top.
    await page.reload();
    await page.getByRole('heading', { name: 'Overview' }).waitFor();
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Skip to content');
    // Tab through the header (mode switch, sign out) to the first links of the navigation.
    for (let i = 0; i < 6; i++) {
      await page.keyboard.press('Tab');
      if ((await page.evaluate(() => document.activeElement?.textContent)) === 'Events') break;
    }
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Events');
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: 'Events' }).waitFor();
    // Focus moved to the new page, as after a full page load.
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('main');
  });

  it('switches to live mode with its own key and back, the banner following', async () => {
    const { page } = b;
    await page.getByRole('button', { name: 'Live mode' }).click();
    expect(await page.getByTestId('mode-banner').textContent()).toContain('LIVE MODE');
    await page.getByRole('heading', { name: 'Sign in to live mode' }).waitFor();
    await page.getByLabel('API key').fill(srv.liveApiKey);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('link', { name: 'API keys' }).click();
    await page.getByRole('heading', { name: 'API keys — live mode' }).waitFor();
    // A live key sees live keys only.
    await poll(() => page.getByTestId('keys-table').locator('tbody tr').count()).toBe(1);
    await b.shot('api-keys-live');
    await page.getByRole('button', { name: 'Test mode' }).click();
    expect(await page.getByTestId('mode-banner').textContent()).toContain('TEST MODE');
    await page.getByRole('heading', { name: 'API keys — test mode' }).waitFor();
  });

  it('creates a key shown once that works, and revokes it', async () => {
    const { page } = b;
    await page.getByLabel('Name').fill('e2e-worker');
    await page.getByRole('button', { name: 'Create key' }).click();
    const secret = (await page.getByTestId('new-secret').locator('code').textContent())!.trim();
    expect(secret).toMatch(/^tly_test_/);
    const ok = await fetch(`${srv.url}/events`, { headers: { authorization: `Bearer ${secret}` } });
    expect(ok.status).toBe(200);
    await b.shot('api-key-created');
    page.once('dialog', (d) => void d.accept());
    await page.getByRole('button', { name: 'Revoke e2e-worker' }).click();
    await poll(() => page.getByRole('row', { name: /e2e-worker/ }).textContent()).toContain('revoked');
    await expect.poll(async () => (await fetch(`${srv.url}/events`, { headers: { authorization: `Bearer ${secret}` } })).status, { timeout: 8000 }).toBe(401);
  });

  it('signs out with a reason when the key in use is revoked', async () => {
    const { page } = b;
    const api = (key: string) => ({ authorization: `Bearer ${key}`, 'content-type': 'application/json' });
    const made = await (await fetch(`${srv.url}/api-keys`, { method: 'POST', headers: api(srv.apiKey), body: '{"name":"short-lived"}' })).json();
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.getByLabel('API key').fill(made.secret);
    await page.getByLabel('API key').press('Enter');
    // Signing in again keeps the page one was on.
    await page.getByRole('heading', { name: 'API keys — test mode' }).waitFor();
    await fetch(`${srv.url}/api-keys/${made.id}`, { method: 'DELETE', headers: { authorization: `Bearer ${srv.apiKey}` } });
    // The page's next API call (here, the key list on reload) meets the revocation.
    await page.reload();
    await poll(() => page.getByRole('alert').first().textContent()).toContain('refused this key');
    await page.getByRole('heading', { name: 'Sign in to test mode' }).waitFor();
    await b.shot('signed-out-revoked');
  });
});
