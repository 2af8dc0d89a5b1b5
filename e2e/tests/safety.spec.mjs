// Token content is hostile input: it must be shown as text and never become markup, script or style.
import { test, expect } from '@playwright/test';
import { Inspector, sign, b64url } from './inspector.mjs';

const IMG = '<img src=x onerror="window.__pwned=1;alert(1)">';
const SCRIPT = '</script><script>window.__pwned=2;alert(2)</script>';
const JS_URL = 'javascript:window.__pwned=3;alert(3)//';
const CSS = '</style><style>*{display:none!important}body{background:url(javascript:alert(4))}</style>';
const STYLE_ATTR = '" style="display:none" x="';

// Hostile strings as member names and as values, in the header and in the payload.
const header = { alg: 'HS256', typ: 'JWT', kid: IMG, [SCRIPT]: JS_URL, [CSS]: STYLE_ATTR };
const payload = { sub: IMG, [IMG]: SCRIPT, url: JS_URL, [JS_URL]: CSS, [CSS]: 1_700_000_000, [STYLE_ATTR]: STYLE_ATTR, exp: 4_102_444_800 };

/** Everything that would show that hostile text turned into live DOM. */
async function domSnapshot(page) {
  return page.evaluate(() => ({
    img: document.body.querySelectorAll('img, svg').length,
    script: document.querySelectorAll('script').length,
    style: document.querySelectorAll('style').length,
    iframe: document.querySelectorAll('iframe, object, embed').length,
    links: [...document.querySelectorAll('a[href]')].map((a) => a.getAttribute('href')),
    styled: document.body.querySelectorAll('[style*="display:none"], [style*="display: none"]').length,
    pwned: window.__pwned ?? null,
  }));
}

test('hostile header and payload members are shown as text and nothing runs', async ({ page }) => {
  const app = new Inspector(page);
  await app.open();
  const before = await domSnapshot(page);
  await app.paste(sign(header, payload, 'k'));

  const headerJson = app.id('header-json');
  const payloadJson = app.id('payload-json');
  // The text is the JSON exactly (JSON.stringify escapes only the double quotes here).
  for (const s of [IMG, SCRIPT, JS_URL, CSS]) {
    await expect(headerJson).toContainText(JSON.stringify(s));
    await expect(payloadJson).toContainText(JSON.stringify(s));
  }
  await expect(payloadJson).toContainText(`${JSON.stringify(STYLE_ATTR)}: ${JSON.stringify(STYLE_ATTR)}`);
  await expect(app.verdict()).toHaveAttribute('data-status', 'no-secret'); // the sample's secret went with it
  await app.secret('not-the-key');
  await expect(app.verdict()).toHaveAttribute('data-status', 'invalid');

  // Give an onerror handler or a script time to run, then look for traces.
  await page.waitForTimeout(300);
  const after = await domSnapshot(page);
  expect(after).toEqual(before);
  expect(after.pwned).toBeNull();
  await expect(page.locator('body')).toBeVisible();
  await expect(headerJson).toBeVisible();
  expect(await page.evaluate(() => getComputedStyle(document.body).display)).not.toBe('none');
  expect(app.errors).toEqual([]);
});

test('hostile text in a non-JSON payload and in the token field itself stays text', async ({ page }) => {
  const app = new Inspector(page);
  await app.open();
  const before = await domSnapshot(page);

  // A payload that is text, not JSON, is shown as text.
  const text = `${IMG}${SCRIPT}${CSS}`;
  await app.paste(`${b64url(JSON.stringify({ alg: 'HS256' }))}.${b64url(text)}.${b64url('sig')}`);
  await expect(app.id('payload-json')).toHaveAttribute('data-payload-kind', 'text');
  await expect(app.id('payload-json')).toHaveText(text);

  // Markup typed where the token goes is echoed in the parts view, as text (the input cleanup drops
  // whitespace, so this one has none).
  const tag = '<svg/onload=window.__pwned=5><img/src=x/onerror=alert(5)>';
  await app.paste(tag);
  await expect(app.id('token-error')).toBeVisible();
  await expect(app.id('encoded-token')).toHaveText(tag);

  await page.waitForTimeout(300);
  expect(await domSnapshot(page)).toEqual(before);
  expect(app.errors).toEqual([]);
});

test('claim descriptions and date notes do not carry token markup', async ({ page }) => {
  const app = new Inspector(page);
  await app.open();
  await app.paste(sign(header, payload, 'k'));
  // Hover and focus the described claims: their tooltips come from the app, not the token.
  const described = page.locator('[data-testid=payload-json] .described');
  await expect(described.first()).toBeVisible();
  for (const el of await described.all()) {
    await el.focus();
    expect(await el.getAttribute('data-tip')).not.toMatch(/<|javascript:/);
  }
  const notes = await page.locator('[data-note]').evaluateAll((els) => els.map((e) => e.getAttribute('data-note')));
  expect(notes.length).toBeGreaterThan(0);
  for (const note of notes) expect(note).not.toMatch(/<|javascript:/);
  expect(app.errors).toEqual([]);
});
