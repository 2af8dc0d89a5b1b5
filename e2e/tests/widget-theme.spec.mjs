// theme="auto" follows the documentation page's own scheme, then the reader's system.
import { test, expect } from '@playwright/test';

/** The widget's theme attribute and the luminance (0–255) of its background. */
const look = (page, id) => page.evaluate((id) => {
  const box = document.getElementById(id).shadowRoot.querySelector('.jwt-widget');
  const [r, g, b] = getComputedStyle(box).backgroundColor.match(/[\d.]+/g).map(Number);
  return { theme: box.dataset.theme, luminance: Math.round(0.2126 * r + 0.7152 * g + 0.0722 * b) };
}, id);

test('a widget with theme="auto" on a page that declares color-scheme: dark renders dark', async ({ page }) => {
  await page.emulateMedia({ colorScheme: 'light' }); // the reader's system says light
  await page.goto('/examples/dark.html');
  await expect(page.locator('#auto [data-testid=payload-json]')).toContainText('"sub"');
  const auto = await look(page, 'auto');
  expect(auto.theme).toBe('dark');
  expect(auto.luminance).toBeLessThan(80);
  // An explicit theme wins over the page.
  expect((await look(page, 'light')).luminance).toBeGreaterThan(200);
  // The page switches its own scheme: the widget follows.
  await page.evaluate(() => document.body.classList.add('light-docs'));
  await expect.poll(async () => (await look(page, 'auto')).theme).toBe('light');
});

test('theme="auto" falls back to the reader\'s system when the page says nothing', async ({ page }) => {
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.goto('/examples/blank.html');
  await page.evaluate(() => {
    const el = document.createElement('jwt-inspector');
    el.id = 'plain';
    el.setAttribute('token', 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0.M11_c_Mkz5wKz70TPIkcPwzBTd5M-3ZW69WFmxuEnHk');
    document.getElementById('host').append(el);
  });
  await expect(page.locator('#plain [data-testid=payload-json]')).toContainText('"sub"');
  const plain = await look(page, 'plain');
  expect(plain.theme).toBe('auto');
  expect(plain.luminance).toBeLessThan(80);
});
