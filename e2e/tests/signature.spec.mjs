// The signature panel: a user types a secret (in one of four encodings) and reads the verdict.
// Every token here is signed by node:crypto, independently of the app's own code.
import { test, expect } from '@playwright/test';
import { Inspector, sign, hmac, signingInput, unsignedToken, rs256Token, HASH } from './inspector.mjs';

const claims = { sub: 'user-1', iat: 1_700_000_000 };

// 32 key bytes chosen so that base64 and base64url differ ('+', '/' versus '-', '_') and base64 is padded.
const KEY = Buffer.from('fbefbe00ff3e7fa1b2c3d4e5f60718293a4b5c6d7e8f90a1b2c3d4e5f6071829', 'hex');

test('the right secret verifies in every encoding', async ({ page }) => {
  const app = new Inspector(page);
  await app.open();
  const token = sign({ alg: 'HS256', typ: 'JWT' }, claims, KEY);
  await app.paste(token);
  const encodings = {
    base64: KEY.toString('base64'),
    base64url: KEY.toString('base64url'),
    hex: KEY.toString('hex'),
  };
  // The encodings really are different texts, so each check below exercises its own decoder.
  expect(encodings.base64).toMatch(/[+/]/);
  expect(encodings.base64).toMatch(/=$/);
  expect(encodings.base64url).toMatch(/[-_]/);
  for (const [encoding, text] of Object.entries(encodings)) {
    await app.secret(text, encoding);
    await expect(app.verdict(), `${encoding}: ${text}`).toHaveAttribute('data-status', 'valid');
    await expect(app.id('expected-signature')).toHaveCount(0);
  }
  // The same hex text read as UTF-8 is another key.
  await app.secret(encodings.hex, 'utf8');
  await expect(app.verdict()).toHaveAttribute('data-status', 'invalid');
});

test('a UTF-8 secret typed key by key verifies', async ({ page }) => {
  const app = new Inspector(page);
  await app.open();
  const secret = 'pässwörd — ∑ 🔑 long enough to be a real secret';
  await app.paste(sign({ alg: 'HS256' }, claims, secret));
  await app.id('secret-encoding').selectOption('utf8');
  await app.id('secret-input').fill('');
  await expect(app.verdict()).toHaveAttribute('data-status', 'no-secret');
  await app.id('secret-input').pressSequentially(secret);
  await expect(app.verdict()).toHaveAttribute('data-status', 'valid');
  // One more key press breaks it.
  await app.id('secret-input').press('x');
  await expect(app.verdict()).toHaveAttribute('data-status', 'invalid');
});

test('a wrong secret is invalid and shows the signature that secret would produce', async ({ page }) => {
  const app = new Inspector(page);
  await app.open();
  const token = sign({ alg: 'HS256', typ: 'JWT' }, claims, 'the-real-secret-of-32-bytes-long!');
  await app.paste(token);
  await app.secret('a-wrong-secret-also-32-bytes-long');
  await expect(app.verdict()).toHaveAttribute('data-status', 'invalid');
  const expected = hmac(signingInput(token), 'a-wrong-secret-also-32-bytes-long');
  await expect(app.id('expected-signature')).toHaveText(expected);
  expect(expected).not.toBe(token.split('.')[2]);
});

for (const alg of ['HS384', 'HS512']) {
  test(`${alg}: the right secret is valid, a wrong one gives the ${alg} HMAC of the wrong secret`, async ({ page }) => {
    const app = new Inspector(page);
    await app.open();
    const token = sign({ alg, typ: 'JWT' }, claims, KEY, HASH[alg]);
    await app.paste(token);
    await app.secret(KEY.toString('hex'), 'hex');
    await expect(app.verdict()).toHaveAttribute('data-status', 'valid');
    await expect(app.verdict()).toContainText(alg);
    await app.secret('not the key');
    await expect(app.verdict()).toHaveAttribute('data-status', 'invalid');
    await expect(app.id('expected-signature')).toHaveText(hmac(signingInput(token), 'not the key', HASH[alg]));
  });
}

test('alg "none" is reported as unsigned, whatever the secret', async ({ page }) => {
  const app = new Inspector(page);
  await app.open();
  await app.paste(unsignedToken(claims));
  await expect(app.verdict()).toHaveAttribute('data-status', 'unsigned');
  await app.secret('anything at all');
  await expect(app.verdict()).toHaveAttribute('data-status', 'unsigned');
  await expect(app.finding('alg-none')).toHaveAttribute('data-severity', 'danger');
});

test('an RS256 token asks for a public key, not a secret, and is never called invalid without one', async ({ page }) => {
  const app = new Inspector(page);
  await app.open();
  await app.paste(rs256Token(claims));
  await expect(app.id('secret-input')).toBeHidden();
  await expect(app.verdict()).toHaveAttribute('data-status', 'no-key');
  await expect(app.verdict()).toContainText('RS256');
  await expect(app.id('public-key-input')).toBeVisible();
  await expect(app.id('expected-signature')).toHaveCount(0);
});

test('an algorithm the browser cannot check is unsupported-alg, named', async ({ page }) => {
  const app = new Inspector(page);
  await app.open();
  await app.paste(sign({ alg: 'ES256K' }, claims, KEY).replace(/\.[^.]*$/, `.${Buffer.alloc(64, 1).toString('base64url')}`));
  await expect(app.verdict()).toHaveAttribute('data-status', 'unsupported-alg');
  await expect(app.verdict()).toContainText('ES256K');
});

test('a secret that is not valid in its encoding is bad-secret', async ({ page }) => {
  const app = new Inspector(page);
  await app.open();
  await app.paste(sign({ alg: 'HS256' }, claims, KEY));
  await app.secret('zz-not-hex', 'hex');
  await expect(app.verdict()).toHaveAttribute('data-status', 'bad-secret');
  await app.secret('abc', 'hex'); // odd number of digits
  await expect(app.verdict()).toHaveAttribute('data-status', 'bad-secret');
  await app.secret('not*base64!', 'base64');
  await expect(app.verdict()).toHaveAttribute('data-status', 'bad-secret');
  // Fixing the text in the same encoding recovers.
  await app.secret(KEY.toString('hex'), 'hex');
  await expect(app.verdict()).toHaveAttribute('data-status', 'valid');
});

test('the secret is hidden until the user asks to see it', async ({ page }) => {
  const app = new Inspector(page);
  await app.open();
  const field = app.id('secret-input');
  const toggle = app.id('secret-toggle');
  await expect(field).toHaveAttribute('type', 'password');
  await expect(toggle).toHaveAttribute('aria-pressed', 'false');
  await toggle.click();
  await expect(field).toHaveAttribute('type', 'text');
  await expect(toggle).toHaveAttribute('aria-pressed', 'true');
  await expect(toggle).toHaveText('Hide');
  await toggle.click();
  await expect(field).toHaveAttribute('type', 'password');
  await expect(toggle).toHaveText('Show');
});

test('"Sample" brings back its secret in UTF-8; "Clear" forgets token and secret', async ({ page }) => {
  const app = new Inspector(page);
  await app.open();
  await app.paste(sign({ alg: 'HS256' }, claims, KEY));
  await app.secret(KEY.toString('hex'), 'hex');
  await expect(app.verdict()).toHaveAttribute('data-status', 'valid');
  await app.id('sample-token').click();
  await expect(app.id('secret-encoding')).toHaveValue('utf8');
  await expect(app.id('secret-input')).not.toHaveValue('');
  await expect(app.verdict()).toHaveAttribute('data-status', 'valid');
  await expect(app.id('header-json')).toContainText('"typ": "JWT"');
  await app.id('clear-token').click();
  await expect(app.id('token-input')).toHaveValue('');
  await expect(app.id('token-input')).toBeFocused();
  await expect(app.id('secret-input')).toHaveValue('');
  await expect(app.id('token-error')).toHaveAttribute('data-kind', 'empty-input');
  await expect(app.verdict()).toHaveAttribute('data-status', 'not-evaluated');
});
