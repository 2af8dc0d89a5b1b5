// The split build's promise: the key readers and the public-key code (src/on_demand.rs) are a
// second module that the site fetches only when a key is read, once, from itself, with its
// integrity checked; a part that cannot be loaded decides nothing and breaks nothing.
import { test, expect } from '@playwright/test';
import { readFileSync, readdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { Inspector, sign } from './inspector.mjs';

const dist = process.env.DIST_DIR ?? resolve(import.meta.dirname, '../../dist');
const keys = resolve(import.meta.dirname, '../../fixtures/keys');
const fixture = (name) => readFileSync(resolve(keys, name), 'utf8');
const chunk = readdirSync(dist).find((f) => /^jwt-inspector-[0-9a-f]+-keys\.wasm$/.test(f));
const SECRET = 'hunter2-hunter2-hunter2-hunter2!';

test.skip(!chunk, 'the plain build (the fallback of scripts/release-build.sh) is one module');

/** Pastes a token and a public key; waits for the verdict. */
async function check(app, jwt, key) {
  await app.paste(jwt);
  await app.id('public-key-input').fill(key);
  await expect(app.verdict()).not.toHaveAttribute('data-status', 'checking');
}

test('the key readers load once, when a key is first read, and HMAC work never needs them', async ({ page }) => {
  const requests = [];
  page.on('request', (r) => requests.push(r.url()));
  const csp = [];
  page.on('console', (m) => { if (/Content.Security.Policy/i.test(m.text())) csp.push(m.text()); });
  const app = new Inspector(page);
  await app.open('/');
  await page.waitForLoadState('networkidle');
  const fetched = () => requests.filter((u) => u.endsWith('-keys.wasm'));

  await app.paste(sign({ alg: 'HS256' }, { sub: 'hmac' }, SECRET));
  await app.secret(SECRET);
  await expect(app.verdict()).toHaveAttribute('data-status', 'valid');
  await page.waitForTimeout(300);
  expect(fetched()).toEqual([]);

  await check(app, fixture('RS256.token').trim(), fixture('RS256.jwks.json'));
  await expect(app.verdict()).toHaveAttribute('data-status', 'valid');
  await expect(app.id('key-summary')).toContainText(/JWKS with \d+ keys: chose kid/);
  const origin = new URL(page.url()).origin;
  expect(fetched()).toEqual([`${origin}/${chunk}`]);

  // Every later key, and signing with a generated key, reuses the loaded part.
  await check(app, fixture('ES256.token').trim(), fixture('ES256.public.pem'));
  await expect(app.verdict()).toHaveAttribute('data-status', 'valid');
  expect(fetched()).toHaveLength(1);
  expect(csp).toEqual([]);
  expect(app.errors).toEqual([]);
});

test('the editor loads when it is first opened, and HMAC signing needs no key reader', async ({ page }) => {
  const requests = [];
  page.on('request', (r) => requests.push(r.url().split('/').pop()));
  const app = new Inspector(page);
  await app.open('/');
  await page.waitForLoadState('networkidle');
  const chunks = () => requests.filter((f) => /-[a-z0-9_]+\.wasm$/.test(f) && !f.endsWith('_bg.wasm'));
  expect(chunks()).toEqual([]);
  await app.paste(sign({ alg: 'HS256' }, { sub: 'before' }, SECRET));
  await app.secret(SECRET);
  await app.id('editor-toggle').click();
  await app.id('edit-payload').fill('{"sub":"after"}');
  await app.id('sign-button').click();
  await expect(app.id('payload-json')).toContainText('"after"');
  await expect(app.verdict()).toHaveAttribute('data-status', 'valid');
  expect(chunks().some((f) => f.endsWith('-editor.wasm'))).toBe(true);
  expect(chunks().filter((f) => f.endsWith('-keys.wasm'))).toEqual([]);
  // Folding and unfolding keeps the body; nothing is fetched again.
  const seen = chunks().length;
  await app.id('editor-toggle').click();
  await app.id('editor-toggle').click();
  await expect(app.id('edit-payload')).toBeVisible();
  expect(chunks()).toHaveLength(seen);
  expect(app.errors).toEqual([]);
});

test('a key part that fails its integrity check decides nothing, and the page goes on working', async ({ page }) => {
  // Still a valid module (one custom section more), so only the integrity check refuses it.
  const customSection = Buffer.from([0, 6, 4, ...Buffer.from('test'), 1]);
  const tampered = Buffer.concat([readFileSync(resolve(dist, chunk)), customSection]);
  expect(WebAssembly.validate(tampered)).toBe(true);
  await page.route(`**/${chunk}`, (route) => route.fulfill({ body: tampered, contentType: 'application/wasm' }));
  const app = new Inspector(page);
  await app.open('/');
  await check(app, fixture('RS256.token').trim(), fixture('RS256.public.pem'));
  await expect(app.verdict()).toHaveAttribute('data-status', 'unsupported-alg');
  await expect(app.verdict()).toContainText('could not be loaded');

  // The module is alive: HMAC tokens still verify, and the API still answers.
  await app.paste(sign({ alg: 'HS256' }, { sub: 'still here' }, SECRET));
  await app.secret(SECRET);
  await expect(app.verdict()).toHaveAttribute('data-status', 'valid');
  const viaApi = await page.evaluate(async ([t, k]) => (await window.jwtInspector.verifyWithKey(t, k)).verdict,
    [fixture('RS256.token').trim(), fixture('RS256.public.pem')]);
  expect(viaApi).toBe('unsupported-alg');
  expect(app.errors).toEqual([]);
});

test('the module and its glue carry no stream classes (build/unused-exports.mjs): nothing here uses them', async () => {
  const glueName = readdirSync(dist).find((f) => /^jwt-inspector-[0-9a-f]+\.js$/.test(f));
  const wasmName = readdirSync(dist).find((f) => /^jwt-inspector-[0-9a-f]+_bg\.wasm$/.test(f));
  const names = WebAssembly.Module.exports(new WebAssembly.Module(readFileSync(resolve(dist, wasmName)))).map((e) => e.name);
  // The module still exports what the glue calls: the public API is there.
  expect(names).toContain('inspectToken');
  expect(names.filter((n) => /intounderlying/i.test(n))).toEqual([]);
  expect(readFileSync(resolve(dist, glueName), 'utf8')).not.toMatch(/IntoUnderlying/);
  // The one-file page's inline module is made the same way.
  expect(readFileSync(resolve(dist, 'jwt-inspector.html'), 'utf8')).not.toMatch(/IntoUnderlying/);
});

test('widget.js asks for the split build\'s loader beside the glue, not after the glue arrives', async ({ page }) => {
  // A page with one widget and nothing else. The glue is held back for a while: without
  // widget.js's own request, the loader (which the glue imports) could only be asked for once the
  // glue was released.
  await page.route('**/dist/one-widget.html', (route) => route.fulfill({
    contentType: 'text/html',
    body: `<!doctype html><meta charset="utf-8"><title>one widget</title><script type="module" src="./widget.js"></script>
<jwt-inspector token="${sign({ alg: 'HS256' }, { sub: 'one widget' }, SECRET)}"></jwt-inspector>`,
  }));
  let glueReleased = false;
  let loaderAskedWhileGlueHeld;
  await page.route(/\/jwt-inspector-[0-9a-f]+\.js$/, async (route) => {
    await new Promise((r) => setTimeout(r, 400));
    glueReleased = true;
    await route.continue();
  });
  page.on('request', (r) => {
    if (/\/jwt-inspector-[0-9a-f]+-split\.js$/.test(r.url())) loaderAskedWhileGlueHeld ??= !glueReleased;
  });
  await page.goto('/dist/one-widget.html');
  await expect(page.locator('jwt-inspector').getByTestId('payload-json')).toContainText('"sub": "one widget"');
  expect(loaderAskedWhileGlueHeld).toBe(true);
});
