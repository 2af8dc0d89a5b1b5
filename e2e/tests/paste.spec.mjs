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
