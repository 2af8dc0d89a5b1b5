// Content-Security-Policy, subresource integrity and the "no requests" promise, as a user works.
import { test, expect } from '@playwright/test';
import { Inspector, sign } from './inspector.mjs';

/** Records CSP violations from the page and its frames. */
async function watchCsp(page) {
  const violations = [];
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => console.error(`CSP violation: ${e.violatedDirective} ${e.blockedURI}`));
  });
  page.on('console', (m) => { if (/Content.Security.Policy|CSP violation/i.test(m.text())) violations.push(m.text()); });
  return violations;
}

for (const path of ['/', '/embed.html#token=eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0.M11_c_Mkz5wKz70TPIkcPwzBTd5M-3ZW69WFmxuEnHk']) {
  test(`${path.split('#')[0]} has a strict CSP and works under it`, async ({ page }) => {
    const violations = await watchCsp(page);
    const response = await page.goto(path);
    const html = await response.text();
    const csp = await page.locator('meta[http-equiv=Content-Security-Policy]').getAttribute('content');
    expect(csp).toContain("script-src 'self' 'wasm-unsafe-eval'");
    expect(csp).not.toContain('unsafe-inline');
    for (const d of ["object-src 'none'", "base-uri 'none'", "form-action 'none'", "connect-src 'self'"]) expect(csp).toContain(d);
    expect(html).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/); // no inline script at all
    expect(html).toMatch(/<script type="module" src="[^"]+" integrity="sha384-/);
    await expect(page.getByTestId('payload-json')).toContainText('"sub"');
    await page.getByTestId('lifetime-bar').count(); // render the timing panel fully
    expect(violations).toEqual([]);
  });
}

test('the one-file page allows no connections', async ({ page }) => {
  const html = await (await page.request.get('/jwt-inspector.html')).text();
  const csp = html.match(/http-equiv="Content-Security-Policy" content="([^"]+)"/)[1];
  expect(csp).toContain("connect-src 'none'");
  expect(csp).not.toContain('unsafe-inline');
  expect(csp).toMatch(/script-src 'sha256-[^']+' 'wasm-unsafe-eval'/);
});

test('decode, verify, edit and share: only own assets, and nothing after load', async ({ page, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  const violations = await watchCsp(page);
  const requests = [];
  page.on('request', (r) => requests.push(r.url()));
  const app = new Inspector(page);
  await app.open('/');
  await page.waitForLoadState('networkidle');
  const atLoad = requests.length;
  const origin = new URL(page.url()).origin;
  expect(requests.every((u) => u.startsWith(origin))).toBe(true);

  const token = sign({ alg: 'HS256' }, { sub: 'privacy', exp: 4102444800 }, 'hunter2-hunter2-hunter2-hunter2!');
  await app.paste(token);
  await app.secret('hunter2-hunter2-hunter2-hunter2!');
  await expect(app.verdict()).toHaveAttribute('data-status', 'valid');
  await app.id('evaluate-at').fill('2030-01-01T00:00:00Z');
  await app.id('clock-skew').fill('5');
  await app.id('secret-toggle').click();
  await app.id('copy-link').click();
  await app.id('copy-report').click();
  await app.id('theme-toggle').click();
  await app.paste(`${token}x`);
  await page.waitForTimeout(300);
  expect(requests.slice(atLoad)).toEqual([]);
  expect(violations).toEqual([]);
});
