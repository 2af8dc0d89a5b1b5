// Making test tokens with any algorithm: generate a key pair in the page, edit claims, sign, and
// read `valid` with the public key filled in; keys that do not fit are refused in words; no key
// material reaches storage, the URL, history or the copied report.
import { test, expect } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { Inspector, sign } from './inspector.mjs';

const dir = resolve(import.meta.dirname, '../../fixtures/keys');
const read = (name) => readFileSync(resolve(dir, name), 'utf8');

/** Opens the editor on a fresh token whose alg is then switched to `alg`. */
async function openEditor(app, alg) {
  await app.paste(sign({ alg: 'HS256', typ: 'JWT' }, { sub: 'test-user', role: 'viewer' }, 'k'));
  await app.page.locator('summary', { hasText: 'Edit and sign' }).click();
  await app.id('sign-alg').selectOption(alg);
  await expect(app.id('edit-header')).toHaveValue(new RegExp(`"alg":\\s*"${alg}"`));
}

for (const alg of ['RS256', 'PS384', 'ES256', 'ES512', 'EdDSA']) {
  test(`${alg}: generate a key, edit a claim, sign, and read valid with the public key filled in`, async ({ page }) => {
    const app = new Inspector(page);
    await app.open('/');
    await openEditor(app, alg);
    await app.id('generate-key').click();
    await expect(app.id('generated-jwks')).toContainText('"keys"');
    for (const id of ['generated-private-pem', 'generated-private-jwk', 'generated-public-pem', 'generated-public-jwk']) {
      await expect(app.id(id)).not.toBeEmpty();
    }
    await expect(app.id('generated-private-pem')).toContainText('-----BEGIN PRIVATE KEY-----');
    await expect(app.id('generated-public-pem')).toContainText('-----BEGIN PUBLIC KEY-----');
    const kid = JSON.parse(await app.id('generated-jwks').textContent()).keys[0].kid;
    expect(kid).toMatch(/^[A-Za-z0-9_-]{43}$/);
    await expect(app.id('edit-header')).toHaveValue(new RegExp(kid));
    await app.id('claim-preset-exp-1h').click();
    await app.id('sign-button').click();
    await expect(app.verdict()).toHaveAttribute('data-status', 'valid');
    await expect(app.id('header-json')).toContainText(`"${alg}"`);
    await expect(app.claim('exp')).toHaveAttribute('data-state', 'active');
    expect(app.errors).toEqual([]);
  });
}

test('a pasted RS private key cannot sign an ES256 token, in words', async ({ page }) => {
  const app = new Inspector(page);
  await app.open('/');
  await openEditor(app, 'ES256');
  await app.id('private-key-input').fill(read('RS256.private.pem'));
  await app.id('sign-button').click();
  await expect(app.id('sign-error')).toContainText(/ES256.*(EC|P-256)|RSA/);
  await app.id('sign-alg').selectOption('RS256');
  await app.id('sign-button').click();
  await expect(app.verdict()).toHaveAttribute('data-status', 'valid');
});

test('a private key in the verification field is refused', async ({ page }) => {
  const app = new Inspector(page);
  await app.open('/');
  await app.paste(read('ES256.token').trim());
  await app.id('public-key-input').fill(read('ES256.private.pem'));
  await expect(app.verdict()).toHaveAttribute('data-status', 'bad-key');
  await expect(app.id('key-error')).toContainText('private key');
  await app.id('derive-public-key').click();
  await expect(app.id('public-key-input')).toHaveValue(/BEGIN PUBLIC KEY/);
  await expect(app.verdict()).toHaveAttribute('data-status', 'valid');
});

test('claim presets set iat, nbf, exp and jti where the timing panel expects them', async ({ page }) => {
  const app = new Inspector(page);
  await app.open('/');
  await openEditor(app, 'HS256');
  await app.id('secret-input').fill('preset-secret-preset-secret-1234');
  for (const id of ['claim-preset-iat', 'claim-preset-nbf', 'claim-preset-exp-5m', 'claim-preset-jti']) await app.id(id).click();
  await expect(app.id('edit-payload')).toHaveValue(/"sub":"test-user","role":"viewer"/); // the rest kept as written
  await app.id('claim-preset-lifetime').fill('90m');
  await app.id('claim-preset-exp-custom').click();
  await app.id('sign-button').click();
  for (const c of ['iat', 'nbf', 'exp']) await expect(app.claim(c)).toBeVisible();
  await expect(app.claim('exp')).toHaveAttribute('data-state', 'active');
  await expect(app.id('payload-json')).toContainText('"jti"');
  await expect(app.verdict()).toHaveAttribute('data-status', 'valid');
});

test('alg none only by explicit choice, and it carries the alg-none finding', async ({ page }) => {
  const app = new Inspector(page);
  await app.open('/');
  await openEditor(app, 'none');
  await app.id('sign-button').click();
  await expect(app.verdict()).toHaveAttribute('data-status', 'unsigned');
  await expect(app.finding('alg-none')).toBeVisible();
});

test('no key material reaches storage, the URL, history or the copied report', async ({ page, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  const app = new Inspector(page);
  await app.open('/');
  await openEditor(app, 'ES256');
  await app.id('generate-key').click();
  const privatePem = await app.id('generated-private-pem').textContent();
  const d = JSON.parse(await app.id('generated-private-jwk').textContent()).d;
  await app.id('sign-button').click();
  await expect(app.verdict()).toHaveAttribute('data-status', 'valid');
  await app.id('copy-link').click();
  const link = await page.evaluate(() => navigator.clipboard.readText());
  await app.id('copy-report').click();
  const report = await page.evaluate(() => navigator.clipboard.readText());
  const stored = await page.evaluate(() => JSON.stringify({ ...localStorage }) + JSON.stringify({ ...sessionStorage }) + document.cookie + location.href + history.length);
  const body = privatePem.split('\n').slice(1, -2).join('');
  for (const place of [link, report, stored]) {
    expect(place).not.toContain(d);
    expect(place).not.toContain(body.slice(0, 40));
  }
});
