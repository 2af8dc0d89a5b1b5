// What a user notices first: the sample's secret, icons that always render, durations in words.
import { test, expect } from '@playwright/test';
import { Inspector, sign } from './inspector.mjs';

test('the sample\'s secret goes with the sample; a typed secret stays', async ({ page }) => {
  const app = new Inspector(page);
  await app.open('/');
  await expect(app.verdict()).toHaveAttribute('data-status', 'valid'); // the sample, with its secret
  const other = sign({ alg: 'HS256' }, { sub: 'mine', exp: 4102444800 }, 'my-own-secret-my-own-secret-1234');
  await app.paste(other);
  await expect(app.verdict()).toHaveAttribute('data-status', 'no-secret');
  await expect(app.id('secret-input')).toHaveValue('');
  // A secret the user typed is kept for the next token.
  await app.id('secret-input').fill('my-own-secret-my-own-secret-1234');
  await expect(app.verdict()).toHaveAttribute('data-status', 'valid');
  await app.paste(sign({ alg: 'HS256' }, { sub: 'mine-2', exp: 4102444800 }, 'my-own-secret-my-own-secret-1234'));
  await expect(app.verdict()).toHaveAttribute('data-status', 'valid');
  // Back to the sample, edited and re-signed with its secret: the secret stays with the new token.
  await app.id('sample-token').click();
  await expect(app.verdict()).toHaveAttribute('data-status', 'valid');
  await page.locator('summary', { hasText: 'Edit and re-sign' }).click();
  await app.id('edit-payload').fill('{"sub":"edited","exp":4102444800}');
  await app.id('sign-button').click();
  await expect(app.id('payload-json')).toContainText('"edited"');
  await expect(app.verdict()).toHaveAttribute('data-status', 'valid');
});

test('verdict and finding icons are drawn or plain text, never emoji', async ({ page }) => {
  const app = new Inspector(page);
  await app.open('/');
  await app.paste(sign({ alg: 'HS256' }, { sub: 'x' }, 'k'));
  await expect(app.verdict()).toHaveAttribute('data-status', 'no-secret');
  await expect(app.verdict().locator('.verdict-icon svg')).toBeVisible();
  const icons = await page.evaluate(() => [...document.querySelectorAll('.verdict-icon, .finding-icon')].map((e) => e.textContent).join(''));
  expect(icons).not.toMatch(/\p{Extended_Pictographic}\uFE0F|[\u{1F000}-\u{1FFFF}]/u);
});

test('long lifetimes read in years and months', async ({ page }) => {
  const app = new Inspector(page);
  await app.open('/');
  const now = Math.floor(Date.now() / 1000);
  await app.paste(sign({ alg: 'HS256' }, { sub: 'long', iat: now, exp: now + 26693 * 86400 + 5 * 3600 }, 'k'));
  await expect(app.id('countdown')).toHaveText(/Valid for another 73 years/);
});

const idToken = sign({ alg: 'HS256', typ: 'JWT' }, { sub: 'id-token-user', aud: 'client' }, 'k');
const accessToken = sign({ alg: 'HS256', typ: 'at+jwt' }, { sub: 'access-token-user', scope: 'read' }, 'k');

test('an OAuth redirect URL: the token in its fragment is decoded, and the page says where it was', async ({ page }) => {
  const app = new Inspector(page);
  await app.open('/');
  await app.paste(`https://app.example.com/callback#state=xyz&id_token=${idToken}&token_type=Bearer`);
  await expect(app.id('payload-json')).toContainText('"id-token-user"');
  await expect(app.id('cleanups')).toContainText(/URL|parameter/i);
  await expect(app.id('token-found-in')).toContainText('id_token');
});

test('a token response with two JWTs offers both; the other can be picked', async ({ page }) => {
  const app = new Inspector(page);
  await app.open('/');
  await app.paste(JSON.stringify({ access_token: accessToken, id_token: idToken, refresh_token: 'opaque-refresh-8f3a', token_type: 'Bearer', expires_in: 3600 }, null, 2));
  const items = app.id('token-candidate');
  await expect(items).toHaveCount(3);
  await expect(app.id('candidate-summary')).toContainText('3 tokens found');
  await expect(items.first()).toHaveAttribute('aria-pressed', 'true');
  await expect(app.id('payload-json')).toContainText('"access-token-user"');
  await page.locator('[data-testid=token-candidate][data-label=id_token]').click();
  await expect(app.id('payload-json')).toContainText('"id-token-user"');
  await expect(page.locator('[data-testid=token-candidate][data-label=id_token]')).toHaveAttribute('aria-pressed', 'true');
  await expect(page.locator('[data-testid=token-candidate][data-label=refresh_token]')).toBeDisabled();
});

test('a cURL command and a Set-Cookie line: the token inside is decoded', async ({ page }) => {
  const app = new Inspector(page);
  await app.open('/');
  await app.paste(`curl 'https://api.example.com/orders' \\\n  -H 'Accept: application/json' \\\n  -H 'Authorization: Bearer ${accessToken}'`);
  await expect(app.id('payload-json')).toContainText('"access-token-user"');
  await expect(app.id('cleanups')).toContainText(/cURL/i);
  await app.paste(`Set-Cookie: session=${idToken}; Path=/; HttpOnly; Secure; SameSite=Lax`);
  await expect(app.id('payload-json')).toContainText('"id-token-user"');
  await expect(app.id('token-found-in')).toContainText('session');
});
