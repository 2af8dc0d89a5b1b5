// Full-page screenshots for people to look at (target/screenshots/); the tests only check the page rendered.
import { test, expect } from '@playwright/test';
import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Inspector } from './inspector.mjs';

const DIR = fileURLToPath(new URL('../../target/screenshots/', import.meta.url));
mkdirSync(DIR, { recursive: true });

const shots = [
  { name: 'desktop-light', viewport: { width: 1400, height: 1000 }, colorScheme: 'light' },
  { name: 'desktop-dark', viewport: { width: 1400, height: 1000 }, colorScheme: 'dark' },
  { name: 'phone', viewport: { width: 360, height: 800 }, colorScheme: 'light', isMobile: true, hasTouch: true },
];

for (const { name, ...options } of shots) {
  test(`screenshot: ${name}`, async ({ browser }) => {
    const context = await browser.newContext(options);
    const page = await context.newPage();
    const app = new Inspector(page);
    await app.open();
    await expect(app.id('header-json')).toBeVisible();
    await expect(app.id('countdown')).toContainText('Valid for another');
    await page.screenshot({ path: `${DIR}${name}.png`, fullPage: true });
    expect(app.errors).toEqual([]);
    await context.close();
  });
}
