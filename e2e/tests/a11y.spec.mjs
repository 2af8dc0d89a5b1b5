// Accessibility: keyboard-only use, axe-core scans in both themes, the theme toggle, a phone-sized
// viewport without horizontal scrolling, and a label on every form field.
import { test, expect } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { Inspector, sign, nowSeconds } from './inspector.mjs';

/** Relative luminance (WCAG) of a computed `rgb(...)`/`rgba(...)` colour. */
function luminance(css) {
  const [r, g, b] = css.match(/[\d.]+/g).slice(0, 3).map(Number).map((c) => {
    const s = c / 255;
    return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

const bodyLuminance = (page) => page.evaluate(() => getComputedStyle(document.body).backgroundColor).then(luminance);

/** A token of about `bytes` bytes with realistic claims and one long unbroken value. */
function largeToken(bytes) {
  const payload = {
    sub: 'user-8472', iss: 'https://auth.example.com', aud: 'api://orders', iat: nowSeconds(), exp: nowSeconds() + 900,
    roles: Array.from({ length: 20 }, (_, i) => `role-${i}`),
    blob: 'A'.repeat(Math.floor(bytes * 0.5)),
  };
  let token = sign({ alg: 'HS256', typ: 'JWT' }, payload, 'k');
  payload.blob += 'A'.repeat(Math.max(0, Math.floor((bytes - token.length) * 0.75)));
  token = sign({ alg: 'HS256', typ: 'JWT' }, payload, 'k');
  return token;
}

/** Runs axe and returns the serious and critical violations, printed for the person reading the log. */
async function seriousViolations(page, label) {
  const { violations } = await new AxeBuilder({ page }).analyze();
  const bad = violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  for (const v of bad) {
    console.log(`[axe ${label}] ${v.impact} ${v.id}: ${v.help}`);
    for (const n of v.nodes) console.log(`    ${n.target.join(' ')} — ${n.failureSummary.replace(/\s+/g, ' ')}`);
  }
  return bad.map((v) => ({ id: v.id, impact: v.impact, targets: v.nodes.map((n) => n.target.join(' ')) }));
}

test.describe('keyboard only', () => {
  test('Tab reaches every control in order, each with a visible focus outline', async ({ page }) => {
    const app = new Inspector(page);
    await app.open();
    const stops = await app.tabThrough(60);
    const ids = stops.map((s) => s.testid).filter(Boolean);
    const wanted = ['theme-toggle', 'sample-token', 'clear-token', 'copy-link', 'token-input', 'secret-input',
      'secret-toggle', 'secret-encoding', 'copy-header', 'copy-payload', 'copy-report', 'clock-skew', 'evaluate-at'];
    for (const id of wanted) expect(ids, `Tab never reached ${id}`).toContain(id);
    // Reading order: the token before the secret, the secret before the timing controls.
    expect(ids.indexOf('token-input')).toBeLessThan(ids.indexOf('secret-input'));
    expect(ids.indexOf('secret-input')).toBeLessThan(ids.indexOf('secret-encoding'));
    expect(ids.indexOf('secret-encoding')).toBeLessThan(ids.indexOf('clock-skew'));
    expect(ids.indexOf('clock-skew')).toBeLessThan(ids.indexOf('evaluate-at'));
    // The first stop is the skip link; after the last control focus leaves the page (<body>, the
    // browser's own UI) and the cycle starts again at the skip link.
    expect(stops[0].what).toBe('a.skip');
    const wrap = stops.findIndex((s) => s.what === 'body');
    expect(wrap).toBeGreaterThan(20);
    expect(stops[wrap + 1].what).toBe('a.skip');
    // Every stop in the page draws an outline.
    const unoutlined = stops.filter((s) => !s.outline && s.what !== 'body').map((s) => s.testid ?? s.what);
    expect(unoutlined).toEqual([]);
    expect(app.errors).toEqual([]);
  });

  test('the skip link and typing into the focused token field work without a mouse', async ({ page }) => {
    const app = new Inspector(page);
    await app.open();
    await page.keyboard.press('Tab');
    await expect(page.locator('a.skip')).toBeFocused();
    await expect(page.locator('a.skip')).toBeInViewport();
    // The skip link moves focus straight to the token field.
    await page.keyboard.press('Enter');
    await expect(app.id('token-input')).toBeFocused();
    await page.keyboard.press('ControlOrMeta+A');
    await page.keyboard.press('Delete');
    await expect(app.id('token-error')).toHaveAttribute('data-kind', 'empty-input');
    const token = sign({ alg: 'HS256' }, { sub: 'typed' }, 'typed-secret');
    await page.keyboard.type(token);
    await expect(app.id('payload-json')).toHaveText('{\n  "sub": "typed"\n}');
    // The next Tab stop is the secret field (it still holds the sample's secret): replace it.
    await page.keyboard.press('Tab');
    await expect(app.id('secret-input')).toBeFocused();
    await page.keyboard.press('ControlOrMeta+A');
    await page.keyboard.type('typed-secret');
    await expect(app.verdict()).toHaveAttribute('data-status', 'valid');
  });

  test('the theme toggle and the encoding select work from the keyboard', async ({ page }) => {
    const app = new Inspector(page);
    await app.open();
    await app.id('theme-toggle').focus();
    await page.keyboard.press('Enter');
    await expect(page.locator('html')).toHaveAttribute('data-theme', 'light');
    await page.keyboard.press('Space');
    await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
    await app.id('secret-encoding').focus();
    await page.keyboard.press('ArrowDown');
    await expect(app.id('secret-encoding')).toHaveValue('base64');
    // The sample secret is not base64.
    await expect(app.verdict()).not.toHaveAttribute('data-status', 'valid');
  });
});

for (const scheme of ['light', 'dark']) {
  test.describe(`axe, ${scheme} theme`, () => {
    test.use({ colorScheme: scheme });
    test('no serious or critical violations with the sample token', async ({ page }) => {
      const app = new Inspector(page);
      await app.open();
      await expect(app.id('countdown')).toBeVisible();
      if (scheme === 'dark') expect(await bodyLuminance(page)).toBeLessThan(0.1);
      expect(await seriousViolations(page, scheme)).toEqual([]);
    });
    test('no serious or critical violations with an error, findings and an invalid verdict', async ({ page }) => {
      const app = new Inspector(page);
      await app.open();
      await app.paste(sign({ alg: 'HS256', kid: 'x' }, { sub: '1', exp: 1, nbf: 2 }, 'k'));
      await app.evaluateAt('not a date');
      await app.secret('not-the-key');
      await expect(app.verdict()).toHaveAttribute('data-status', 'invalid');
      expect(await seriousViolations(page, `${scheme}, findings`)).toEqual([]);
      await app.paste('eyJ!.x');
      await expect(app.id('token-error')).toBeVisible();
      expect(await seriousViolations(page, `${scheme}, error`)).toEqual([]);
    });
  });
}

test.describe('themes', () => {
  test('a dark system theme gives a dark page; the toggle cycles auto → light → dark → auto', async ({ browser }) => {
    const context = await browser.newContext({ colorScheme: 'dark' });
    const page = await context.newPage();
    const app = new Inspector(page);
    await app.open();
    const theme = () => page.evaluate(() => document.documentElement.dataset.theme);
    expect(await theme()).toBe('auto');
    expect(await bodyLuminance(page)).toBeLessThan(0.1);

    await app.id('theme-toggle').click();
    expect(await theme()).toBe('light');
    await expect(app.id('theme-toggle')).toHaveAccessibleName('Theme: light. Change theme');
    expect(await bodyLuminance(page)).toBeGreaterThan(0.8);

    await app.id('theme-toggle').click();
    expect(await theme()).toBe('dark');
    expect(await bodyLuminance(page)).toBeLessThan(0.1);

    await app.id('theme-toggle').click();
    expect(await theme()).toBe('auto');
    expect(await bodyLuminance(page)).toBeLessThan(0.1);
    await context.close();
  });

  test('a light system theme gives a light page, and a chosen theme survives a reload', async ({ page }) => {
    await page.emulateMedia({ colorScheme: 'light' });
    const app = new Inspector(page);
    await app.open();
    expect(await bodyLuminance(page)).toBeGreaterThan(0.8);
    await app.id('theme-toggle').click();
    await app.id('theme-toggle').click();
    await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
    await page.reload();
    await expect(app.verdict()).toBeVisible();
    await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
    expect(await bodyLuminance(page)).toBeLessThan(0.1);
  });
});

test.describe('phone', () => {
  test.use({ viewport: { width: 360, height: 740 } });
  const noHorizontalScroll = (page) => page.evaluate(() => ({
    scrollWidth: document.documentElement.scrollWidth,
    clientWidth: document.documentElement.clientWidth,
  }));

  test('the sample token fits 360 px without horizontal scrolling', async ({ page }) => {
    const app = new Inspector(page);
    await app.open();
    const { scrollWidth, clientWidth } = await noHorizontalScroll(page);
    expect(clientWidth).toBeLessThanOrEqual(360);
    expect(scrollWidth).toBeLessThanOrEqual(clientWidth);
  });

  test('a 3 KB token fits 360 px without horizontal scrolling', async ({ page }) => {
    const app = new Inspector(page);
    await app.open();
    const token = largeToken(3 * 1024);
    expect(token.length).toBeGreaterThan(3000);
    expect(token.length).toBeLessThan(3300);
    await app.paste(token);
    await expect(app.id('payload-json')).toContainText('"blob"');
    const { scrollWidth, clientWidth } = await noHorizontalScroll(page);
    expect(scrollWidth).toBeLessThanOrEqual(clientWidth);
  });
});

test('every form field has an accessible label', async ({ page }) => {
  const app = new Inspector(page);
  await app.open();
  await page.getByText('Edit and sign').click(); // its fields are hidden while folded
  const labels = {
    'token-input': 'Encoded token',
    'secret-input': 'Secret',
    'secret-encoding': 'Encoding',
    'clock-skew': 'Clock skew (seconds)',
    'evaluate-at': 'Evaluate at (Unix seconds or RFC 3339; empty = now)',
    'need-revocation': 'Logout or bans must take effect instantly',
    'need-services': 'Several services or domains accept the login',
    'need-mobile': 'Mobile apps or third-party clients call the API',
    'need-server-rendered': 'One server-rendered web app serves the pages',
    'need-mutable': 'Per-session state changes often',
    'sign-alg': 'Algorithm',
    'edit-header': 'Header JSON',
    'edit-payload': 'Payload',
    'claim-preset-lifetime': 'Custom lifetime',
  };
  for (const [testid, label] of Object.entries(labels)) {
    await expect(page.getByLabel(label, { exact: true }), label).toHaveAttribute('data-testid', testid);
  }
  // No field without a name: every input, select and textarea on the page is in the list above.
  const fields = await page.locator('input, select, textarea').evaluateAll((els) => els.map((e) => e.getAttribute('data-testid')));
  expect(fields.sort()).toEqual(Object.keys(labels).sort());
  for (const testid of fields) {
    await expect(app.id(testid)).toHaveAccessibleName(labels[testid]);
  }
});
