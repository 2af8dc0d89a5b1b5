// Large and oversized input: the page stays responsive and says where the limit is.
import { test, expect } from '@playwright/test';
import { Inspector, sign } from './inspector.mjs';

test('typing stays responsive while a 5 MB token is inspected', async ({ page }) => {
  test.setTimeout(60_000);
  const app = new Inspector(page);
  await app.open();
  const big = sign({ alg: 'HS256' }, { sub: 'five-megabytes', pad: 'x'.repeat(5 * 1024 * 1024) }, 'k');
  await app.id('token-input').fill(big);
  // Keystrokes right after the paste are applied to the field while the token is being decoded.
  await app.id('token-input').press('End');
  await page.keyboard.type('XYZ');
  await expect.poll(() => app.id('token-input').evaluate((el) => el.value.slice(-3)), { timeout: 20_000 }).toBe('XYZ');
  await expect(app.id('payload-json')).toContainText('"sub": "five-megabytes"', { timeout: 20_000 });
  await expect(page.getByTestId('plain-json-note').last()).toBeVisible();
  expect(app.errors).toEqual([]);
});

test('input over the 8 MiB limit is refused with the limit in words', async ({ page }) => {
  test.setTimeout(60_000);
  const app = new Inspector(page);
  await app.open();
  await app.id('token-input').evaluate((el) => {
    el.value = `${'A'.repeat(9 * 1024 * 1024)}.e30.`;
    el.dispatchEvent(new Event('input', { bubbles: true }));
  });
  const error = app.id('token-error');
  await expect(error).toHaveAttribute('data-kind', 'input-too-large', { timeout: 20_000 });
  await expect(error).toContainText('8 MiB');
  await expect(app.verdict()).toHaveAttribute('data-status', 'not-evaluated');
});

test('a megabyte payload is laid out in blocks near the view, with every character still in the page', async ({ page }) => {
  test.setTimeout(60_000);
  const app = new Inspector(page);
  await app.open();
  const claims = { sub: 'blocks', items: Array.from({ length: 20_000 }, (_, i) => ({ id: `item-${i}`, n: i })), last: 'the-end' };
  await app.paste(sign({ alg: 'HS256' }, claims, 'k'));
  const payload = app.id('payload-json');
  await expect(payload).toContainText('"last": "the-end"', { timeout: 20_000 });
  const shape = await payload.evaluate((el) => {
    const blocks = [...el.querySelectorAll('.text-block')];
    return {
      blocks: blocks.length,
      lazy: blocks.every((b) => getComputedStyle(b).contentVisibility === 'auto'),
      // Each block's estimated height comes from its line count, rounded up to 64 (l64 … l1024).
      sized: blocks.every((b) => /\bl\d+\b/.test(b.className) && getComputedStyle(b).containIntrinsicHeight !== 'none'),
      text: el.textContent,
    };
  });
  // 20 000 items make about 1.3 MB of pretty JSON: over a hundred blocks of 8 KB.
  expect(shape.blocks).toBeGreaterThan(100);
  expect(shape.lazy && shape.sized).toBe(true);
  // The blocks hold the text exactly, in order: the same as the JSON laid out with two spaces.
  expect(shape.text).toBe(JSON.stringify(claims, null, 2));
  expect(app.errors).toEqual([]);
});
