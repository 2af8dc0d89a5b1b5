// The three ways to ship: the site under a sub-path, the one-file offline page, the widget and the iframe embed.
import { test, expect } from '@playwright/test';
import { pathToFileURL } from 'node:url';
import { resolve } from 'node:path';
import { Inspector, sign } from './inspector.mjs';

const dist = process.env.DIST_DIR ?? resolve(import.meta.dirname, '../../dist');

test('the site works under a sub-path', async ({ page }) => {
  const failed = [];
  page.on('response', (r) => { if (r.status() >= 400) failed.push(`${r.status()} ${r.url()}`); });
  const app = new Inspector(page);
  await app.open('/tools/jwt/');
  await app.paste(sign({ alg: 'HS256' }, { sub: 'sub-path' }, 'k'));
  await expect(app.id('payload-json')).toContainText('"sub-path"');
  await app.secret('k');
  await expect(app.verdict()).toHaveAttribute('data-status', 'valid');
  expect(failed).toEqual([]);
  expect(await page.title()).toContain('jwt-inspector');
});

test('the one-file page works from file:// with the network off and requests nothing', async ({ browser }) => {
  const context = await browser.newContext();
  await context.setOffline(true);
  const page = await context.newPage();
  const requests = [];
  page.on('request', (r) => requests.push(r.url()));
  const url = pathToFileURL(resolve(dist, 'jwt-inspector.html')).href;
  const app = new Inspector(page);
  await app.open(url);
  const token = sign({ alg: 'HS512', typ: 'JWT' }, { sub: 'offline', exp: 4102444800 }, 'offline-secret', 'sha512');
  await app.paste(token);
  await expect(app.id('payload-json')).toContainText('"offline"');
  await app.secret('offline-secret');
  await expect(app.verdict()).toHaveAttribute('data-status', 'valid');
  await app.secret('not-it');
  await expect(app.verdict()).toHaveAttribute('data-status', 'invalid');
  expect(requests).toEqual([url]);
  expect(app.errors).toEqual([]);
  await context.close();
});

test.describe('the widget on a documentation page', () => {
  test.beforeEach(async ({ page }) => {
    await page.goto('/examples/docs.html');
    await expect(page.locator('#verify').getByTestId('signature-status')).toBeVisible();
  });

  test('every widget renders its own token', async ({ page }) => {
    await expect(page.locator('#access').getByTestId('payload-json')).toContainText('"scope": "orders:read"');
    await expect(page.locator('#access [data-testid=claim-time][data-claim=exp]')).toHaveAttribute('data-utc', '2025-11-24T16:15:00Z');
    await expect(page.locator('#unsigned [data-testid=finding][data-finding=alg-none]')).toBeVisible();
    await expect(page.locator('#verify').getByTestId('signature-status')).toHaveAttribute('data-status', 'no-secret');
    // "This example token verifies with our published key": an RS256 widget with a public-key attribute.
    await expect(page.locator('#published').getByTestId('signature-status')).toHaveAttribute('data-status', 'valid');
    await expect(page.locator('#published').getByTestId('key-summary')).toHaveAttribute('data-kid', 'rs256-key-1');
    // Panels appear only when asked for.
    await expect(page.locator('#access').getByTestId('secret-input')).toHaveCount(0);
    await expect(page.locator('#unsigned [data-testid=claim-time]')).toHaveCount(0);
  });

  test('a widget with a secret field verifies', async ({ page }) => {
    const widget = page.locator('#verify');
    await widget.getByTestId('secret-input').fill('secret');
    await expect(widget.getByTestId('signature-status')).toHaveAttribute('data-status', 'valid');
  });

  test('changing the token attribute updates only that widget', async ({ page }) => {
    const before = await page.locator('#access').getByTestId('payload-json').textContent();
    await page.locator('#unsigned').evaluate((el) => el.setAttribute('token', 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJjaGFuZ2VkIn0.'));
    await expect(page.locator('#unsigned').getByTestId('payload-json')).toContainText('"changed"');
    await expect(page.locator('#unsigned [data-finding=alg-none]')).toHaveCount(0);
    await expect(page.locator('#access').getByTestId('payload-json')).toHaveText(before);
  });

  test("the page's CSS does not reach inside and the widget's CSS does not leak out", async ({ page }) => {
    const key = page.locator('#access [data-testid=payload-json] .j-key').first();
    const style = await key.evaluate((el) => {
      const s = getComputedStyle(el);
      return { display: s.display, transform: s.textTransform, spacing: s.letterSpacing, font: s.fontFamily };
    });
    expect(style.display).not.toBe('none');
    expect(style.transform).toBe('none');
    expect(style.spacing).toBe('normal');
    expect(style.font).not.toContain('Comic');
    // The host page's own elements keep the host's styles.
    const pre = await page.locator('body > pre').evaluate((el) => getComputedStyle(el).backgroundColor);
    expect(pre).toBe('rgb(0, 0, 0)');
    const hostFont = await page.locator('h1').evaluate((el) => getComputedStyle(el).fontFamily);
    expect(hostFont).toContain('Comic');
  });

  test('the theme attribute switches the widget theme', async ({ page }) => {
    const bg = (sel) => page.locator(`${sel} [data-testid=payload-json]`).evaluate((el) => getComputedStyle(el).backgroundColor);
    expect(await bg('#unsigned')).not.toBe(await bg('#access'));
  });

  test('the iframe embed renders the compact view and reports its height', async ({ page }) => {
    const frame = page.frameLocator('#frame');
    await expect(frame.getByTestId('payload-json')).toContainText('"sub": "1"');
    await expect(frame.getByTestId('token-input')).toHaveCount(0);
    await expect.poll(() => page.locator('#frame').evaluate((el) => el.getBoundingClientRect().height)).toBeGreaterThan(300);
  });
});
