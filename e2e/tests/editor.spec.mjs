import { test, expect } from '@playwright/test';
import { Inspector, sign } from './inspector.mjs';

test('editing the payload and re-signing produces the token node:crypto would', async ({ page }) => {
  const app = new Inspector(page);
  await app.open();
  await app.paste(sign({ alg: 'HS384' }, { sub: 'before' }, 'editor-secret', 'sha384'));
  await app.secret('editor-secret');
  await page.getByText('Edit and sign').click();
  await expect(app.id('edit-payload')).toHaveValue('{"sub":"before"}');
  await app.id('edit-payload').fill('{"sub":"after","role":"admin"}');
  await app.id('sign-button').click();
  const expected = sign({ alg: 'HS384' }, '{"sub":"after","role":"admin"}', 'editor-secret', 'sha384');
  await expect(app.id('token-input')).toHaveValue(expected);
  await expect(app.verdict()).toHaveAttribute('data-status', 'valid');
  await app.id('edit-header').fill('{"alg":"RS256"}');
  await app.id('sign-button').click();
  // An RS256 header asks for a private key, not the HMAC secret.
  await expect(app.id('sign-error')).toContainText('Paste a private key for RS256');
  await app.id('edit-header').fill('{"alg":"HS999"}');
  await app.id('sign-button').click();
  await expect(app.id('sign-error')).toContainText('only HS256, HS384 and HS512');
});
