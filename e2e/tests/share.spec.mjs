// Sharing: a #token= link loads a token; "Copy link" puts the token (never the secret) in such a link;
// and the secret leaves no trace in storage, cookies, the URL or the history.
import { test, expect } from '@playwright/test';
import { Inspector, sign } from './inspector.mjs';

const SECRET = 'Sh4red-S3cret-CANARY-7f3a9b1c2d4e';
const TOKEN = sign({ alg: 'HS256', typ: 'JWT' }, { sub: 'shared-user', scope: 'read', exp: 4_102_444_800 }, SECRET);

test('opening a #token= link decodes that token and asks for the secret', async ({ page }) => {
  const app = new Inspector(page);
  await app.open(`/#token=${TOKEN}`);
  await expect(app.id('payload-json')).toContainText('"sub": "shared-user"');
  await expect(app.id('token-input')).toHaveValue(TOKEN);
  await expect(app.id('secret-input')).toHaveValue('');
  await expect(app.verdict()).toHaveAttribute('data-status', 'no-secret');
  await app.secret(SECRET);
  await expect(app.verdict()).toHaveAttribute('data-status', 'valid');
  expect(app.errors).toEqual([]);
});

test('changing the #token= fragment of an open page loads the new token', async ({ page }) => {
  const app = new Inspector(page);
  await app.open();
  await page.evaluate((t) => { location.hash = `token=${t}`; }, TOKEN);
  await expect(app.id('payload-json')).toContainText('"sub": "shared-user"');
});

for (const base of ['/', '/tools/jwt/']) {
  test(`"Copy link" copies a link with the token and never the secret, and it round-trips (${base})`, async ({ page, context, baseURL }) => {
    await context.grantPermissions(['clipboard-read', 'clipboard-write']);
    const app = new Inspector(page);
    await app.open(base);
    await app.paste(TOKEN);
    await app.secret(SECRET);
    await expect(app.verdict()).toHaveAttribute('data-status', 'valid');

    await app.id('copy-link').click();
    await expect(app.id('copy-link')).toHaveText('Link copied ✓');
    const link = await page.evaluate(() => navigator.clipboard.readText());
    expect(link).toBe(`${new URL(base, baseURL)}#token=${TOKEN}`);
    expect(link).not.toContain(SECRET);
    expect(link).not.toContain(encodeURIComponent(SECRET));

    const other = await context.newPage();
    const reopened = new Inspector(other);
    await reopened.open(link);
    await expect(reopened.id('payload-json')).toHaveText(await app.id('payload-json').textContent());
    await expect(reopened.id('header-json')).toHaveText(await app.id('header-json').textContent());
    await expect(reopened.id('secret-input')).toHaveValue('');
    await expect(reopened.verdict()).toHaveAttribute('data-status', 'no-secret');
    expect(reopened.errors).toEqual([]);
  });
}

test('"Copy link" shares the cleaned token, not the pasted header around it', async ({ page, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  const app = new Inspector(page);
  await app.open();
  await app.paste(`Authorization: Bearer ${TOKEN}`);
  await app.id('copy-link').click();
  await expect(app.id('copy-link')).toHaveText('Link copied ✓');
  expect(await page.evaluate(() => navigator.clipboard.readText())).toMatch(new RegExp(`#token=${TOKEN.replaceAll('.', '\\.')}$`));
});

test('a typed secret leaves no trace in storage, cookies, the URL or the history', async ({ page, context, baseURL }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  const app = new Inspector(page);
  await app.open(`/#token=${TOKEN}`);
  const historyBefore = await page.evaluate(() => history.length);
  const requests = [];
  page.on('request', (r) => requests.push(r.url()));

  await app.id('secret-input').pressSequentially(SECRET);
  await expect(app.verdict()).toHaveAttribute('data-status', 'valid');
  await app.id('secret-toggle').click();
  await app.id('theme-toggle').click(); // the one thing the app may store
  await app.id('copy-link').click();
  await app.id('copy-report').click();
  await expect(app.id('copy-report')).toHaveText('Copied ✓');
  const report = await page.evaluate(() => navigator.clipboard.readText());
  expect(report).toContain('shared-user');
  expect(report).not.toContain(SECRET);

  const traces = await page.evaluate(async () => {
    const dump = (s) => Object.keys(s).map((k) => `${k}=${s.getItem(k)}`).join('\n');
    return {
      localStorage: dump(localStorage),
      sessionStorage: dump(sessionStorage),
      cookie: document.cookie,
      href: location.href,
      historyState: JSON.stringify(history.state),
      historyLength: history.length,
      indexedDB: (await indexedDB.databases()).map((d) => d.name),
      caches: await caches.keys(),
      // The secret is a property of the field, never an attribute: serialising the page shows nothing.
      markup: document.documentElement.outerHTML,
      title: document.title,
    };
  });
  expect(traces.localStorage).toBe('jwt-inspector.theme=light');
  for (const [where, value] of Object.entries(traces)) {
    expect(JSON.stringify(value), where).not.toContain(SECRET);
  }
  expect(traces.href).toBe(`${new URL('/', baseURL)}#token=${TOKEN}`);
  expect(traces.historyLength).toBe(historyBefore);
  expect(traces.cookie).toBe('');
  expect(traces.indexedDB).toEqual([]);
  // Nothing was fetched while the user worked.
  expect(requests).toEqual([]);
});
