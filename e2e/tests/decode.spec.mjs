import { test, expect } from '@playwright/test';
import { Inspector, sign, b64url } from './inspector.mjs';

test('first load decodes the sample token', async ({ page }) => {
  const app = new Inspector(page);
  await app.open();
  await expect(app.id('header-json')).toContainText('"alg": "HS256"');
  await expect(app.verdict()).toHaveAttribute('data-status', 'valid');
  await expect(app.claim('exp')).toHaveAttribute('data-state', 'active');
  expect(app.errors).toEqual([]);
});

test('pasting a token shows its claims in order with numbers as written', async ({ page }) => {
  const app = new Inspector(page);
  await app.open();
  const payload = '{"sub":"42","big":18446744073709551617,"tiny":1e-400,"name":"Zoë"}';
  await app.paste(sign({ alg: 'HS256', typ: 'JWT' }, payload, 'k'));
  await expect(app.id('payload-json')).toHaveText(
    '{\n  "sub": "42",\n  "big": 18446744073709551617,\n  "tiny": 1e-400,\n  "name": "Zoë"\n}');
  await expect(app.id('header-json')).toHaveText('{\n  "alg": "HS256",\n  "typ": "JWT"\n}');
});

test('a malformed token shows where it breaks', async ({ page }) => {
  const app = new Inspector(page);
  await app.open();
  const good = sign({ alg: 'HS256' }, { sub: '1' }, 'k');
  const [h, p, s] = good.split('.');
  await app.paste(`${h}.${p.slice(0, 5)}!${p.slice(6)}.${s}`);
  const error = app.id('token-error');
  await expect(error).toHaveAttribute('data-kind', 'invalid-base64url');
  await expect(error).toHaveAttribute('data-segment', 'payload');
  await expect(error).toContainText("payload segment, byte 5: '!' is not base64url");
  await expect(page.locator('mark.bad')).toHaveText('!');
  await app.paste('only.two');
  await expect(error).toHaveAttribute('data-kind', 'wrong-segment-count');
  await app.paste(`${b64url('[1]')}.e30.`);
  await expect(error).toHaveAttribute('data-kind', 'header-not-object');
});

test('dropping a file on the field loads the token in it', async ({ page }) => {
  const app = new Inspector(page);
  await app.open();
  const token = sign({ alg: 'HS256' }, { sub: 'dropped' }, 'k');
  const file = await page.evaluateHandle((text) => {
    const data = new DataTransfer();
    data.items.add(new File([`Authorization: Bearer ${text}\n`], 'token.txt', { type: 'text/plain' }));
    return data;
  }, token);
  await app.id('token-input').dispatchEvent('drop', { dataTransfer: file });
  await expect(app.id('payload-json')).toContainText('"sub": "dropped"');
  await expect(app.id('cleanups')).toContainText('Bearer');
});
