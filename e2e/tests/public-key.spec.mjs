// Public-key tokens as a user checks them: every algorithm with its key as PEM, JWK, a JWKS with
// decoys and (RS256, ES256) a certificate; wrong keys, misfits, missing kids, key confusion, the
// token's own key, "try all" for secrets, the one-file page offline, the widget and the API.
// Keys and tokens are fixtures made by scripts/make-key-fixtures.py (Python `cryptography`).
import { test, expect } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Inspector, sign } from './inspector.mjs';

const dir = resolve(import.meta.dirname, '../../fixtures/keys');
const dist = process.env.DIST_DIR ?? resolve(import.meta.dirname, '../../dist');
const read = (name) => readFileSync(resolve(dir, name), 'utf8');
const index = JSON.parse(read('index.json'));
const fixture = (alg) => index.algs.find((a) => a.alg === alg);
const token = (alg) => read(fixture(alg).token).trim();
const TYPE = { R: 'rsa', P: 'rsa', E: 'ec' };
const keyType = (alg) => (alg === 'EdDSA' ? 'okp' : TYPE[alg[0]]);

/** Pastes a token and a key; waits until WebCrypto has answered. */
async function check(app, jwt, key) {
  await app.paste(jwt);
  await app.id('public-key-input').fill(key);
  await expect(app.verdict()).not.toHaveAttribute('data-status', 'checking');
}

for (const { alg } of index.algs) {
  test(`${alg}: verifies with its key as PEM, JWK and a JWKS with decoys`, async ({ page }) => {
    const app = new Inspector(page);
    await app.open('/');
    const f = fixture(alg);
    for (const [form, file] of [['PEM', f.public_pem], ['JWK', f.public_jwk], ['JWKS', f.jwks]]) {
      await check(app, token(alg), read(file));
      await expect(app.verdict(), `${alg} with ${form}`).toHaveAttribute('data-status', 'valid');
      await expect(app.id('key-summary')).toHaveAttribute('data-key-type', keyType(alg));
      if (form === 'JWKS') {
        await expect(app.id('key-summary')).toHaveAttribute('data-kid', f.kid);
        await expect(app.id('key-summary')).toContainText(/JWKS with \d+ keys: chose kid/);
      }
    }
    expect(app.errors).toEqual([]);
  });
}

for (const alg of ['RS256', 'ES256']) {
  test(`${alg}: verifies with a certificate and shows who it is for`, async ({ page }) => {
    const app = new Inspector(page);
    await app.open('/');
    await check(app, token(alg), read(fixture(alg).certificate));
    await expect(app.verdict()).toHaveAttribute('data-status', 'valid');
    await expect(app.id('key-summary')).toContainText(`CN=${fixture(alg).certificate_cn}`);
    await expect(app.id('key-summary')).toContainText(/valid from \d{4}-\d\d-\d\d until \d{4}-\d\d-\d\d/);
  });
}

test('a wrong key is invalid, a misfit is key-mismatch, a missing kid is kid-not-found', async ({ page }) => {
  const app = new Inspector(page);
  await app.open('/');
  await check(app, token('RS256'), read(fixture('RS384').public_pem));
  await expect(app.verdict()).toHaveAttribute('data-status', 'invalid');
  await check(app, token('ES384'), read(fixture('ES256').public_pem));
  await expect(app.verdict()).toHaveAttribute('data-status', 'key-mismatch');
  await expect(app.verdict()).toContainText('P-256');
  await check(app, token('RS256'), read(fixture('ES256').public_pem));
  await expect(app.verdict()).toHaveAttribute('data-status', 'key-mismatch');
  await check(app, token('RS256'), read(fixture('PS256').jwks));
  await expect(app.verdict()).toHaveAttribute('data-status', 'kid-not-found');
  await expect(app.verdict()).toContainText('rs256-key-1');
  await check(app, token('RS256'), '-----BEGIN PUBLIC KEY-----\nMIIB!!!\n-----END PUBLIC KEY-----\n');
  await expect(app.verdict()).toHaveAttribute('data-status', 'bad-key');
  await expect(app.id('key-error')).toContainText('line 2');
  await check(app, token('RS256'), read(fixture('RS256').private_pem));
  await expect(app.verdict()).toHaveAttribute('data-status', 'bad-key');
  await expect(app.id('key-error')).toContainText('private key');
  await check(app, token('RS256'), '');
  await expect(app.verdict()).toHaveAttribute('data-status', 'no-key');
});

test('a 1024-bit RSA key still verifies, with the weak-rsa-key finding', async ({ page }) => {
  const app = new Inspector(page);
  await app.open('/');
  await check(app, read(index.weak_rsa_1024.token).trim(), read(index.weak_rsa_1024.public_pem));
  await expect(app.verdict()).toHaveAttribute('data-status', 'valid');
  await expect(app.finding('weak-rsa-key')).toBeVisible();
  await check(app, token('RS256'), read(fixture('RS256').public_pem));
  await expect(app.finding('weak-rsa-key')).toHaveCount(0);
});

test('an HS256 token whose secret is a public key raises alg-confusion', async ({ page }) => {
  const app = new Inspector(page);
  await app.open('/');
  await app.paste(read(index.alg_confusion.token).trim());
  // A one-line field drops the PEM's line breaks, as browsers do on paste: still a public key.
  await app.id('secret-input').fill(read(index.alg_confusion.secret));
  await expect(app.finding('alg-confusion')).toHaveAttribute('data-severity', 'danger');
  await app.id('secret-input').fill(read(fixture('RS256').public_jwk));
  await expect(app.finding('alg-confusion')).toHaveAttribute('data-severity', 'danger');
  await app.id('secret-input').fill('a-random-secret-that-is-no-key-at-all');
  await expect(app.finding('alg-confusion')).toHaveCount(0);
});

test('the token\'s own key is used only when asked, and then flagged', async ({ page }) => {
  const app = new Inspector(page);
  await app.open('/');
  await app.paste(read(index.token_with_own_jwk.token).trim());
  await expect(app.verdict()).toHaveAttribute('data-status', 'no-key');
  await expect(app.finding('header-jwk')).toBeVisible();
  await expect(app.finding('token-supplied-key')).toHaveCount(0);
  await app.id('use-token-key').check();
  await expect(app.verdict()).toHaveAttribute('data-status', 'valid');
  await expect(app.verdict()).toContainText('self-consistent');
  await expect(app.finding('token-supplied-key')).toHaveAttribute('data-severity', 'danger');
});

test('"try all" names the encoding that matched', async ({ page }) => {
  const app = new Inspector(page);
  await app.open('/');
  const key = Buffer.from('0123456789abcdef0123456789abcdef-raw-bytes!');
  await app.paste(sign({ alg: 'HS256' }, { sub: 'auto' }, key));
  await app.secret(key.toString('hex'), 'auto');
  await expect(app.verdict()).toHaveAttribute('data-status', 'valid');
  await expect(app.verdict()).toContainText('hex');
  await app.secret(key.toString('base64'), 'auto');
  await expect(app.verdict()).toHaveAttribute('data-status', 'valid');
  await expect(app.verdict()).toContainText('base64');
  await app.secret('none-of-these', 'auto');
  await expect(app.verdict()).toHaveAttribute('data-status', 'invalid');
});

test('the one-file page verifies an RS256 token from file:// with the network off', async ({ browser }) => {
  const context = await browser.newContext();
  await context.setOffline(true);
  const page = await context.newPage();
  const requests = [];
  page.on('request', (r) => requests.push(r.url()));
  const url = pathToFileURL(resolve(dist, 'jwt-inspector.html')).href;
  const app = new Inspector(page);
  await app.open(url);
  await check(app, token('RS256'), read(fixture('RS256').jwks));
  await expect(app.verdict()).toHaveAttribute('data-status', 'valid');
  expect(requests).toEqual([url]);
  await context.close();
});

test('a widget with a public-key attribute shows a verified verdict; the API verifies too', async ({ page }) => {
  await page.goto('/examples/blank.html');
  await page.evaluate(({ jwt, key }) => {
    const el = document.createElement('jwt-inspector');
    el.id = 'pk';
    el.setAttribute('panels', 'signature');
    el.setAttribute('token', jwt);
    el.setAttribute('public-key', key);
    document.getElementById('host').append(el);
  }, { jwt: token('ES256'), key: read(fixture('ES256').jwks) });
  const status = page.locator('#pk [data-testid=signature-status]');
  await expect(status).toHaveAttribute('data-status', 'valid');
  await page.evaluate((key) => document.getElementById('pk').setAttribute('public-key', key), read(fixture('ES384').public_pem));
  await expect(status).toHaveAttribute('data-status', 'key-mismatch');

  const app = new Inspector(page);
  await app.open('/');
  const result = await page.evaluate(({ jwt, key }) => window.jwtInspector.verifyWithKey(jwt, key), { jwt: token('PS256'), key: read(fixture('PS256').jwks) });
  expect(result.verdict).toBe('valid');
  expect(result.key.kid).toBe('ps256-key-1');
  expect(result.key.description).toMatch(/JWKS/);
});

test('verifyWithKey called again with the same key text (read once, imported once) gives the verdicts of a first call', async ({ page }) => {
  // The second and later calls with one key text take the short path (the kept keys, the
  // CryptoKey imported before, no Rust task); each case is also checked against a fresh page's
  // first call, so the short path cannot drift from the full one.
  const reencoded = (jwt) => {
    const [h, p, s] = jwt.split('.');
    const claims = JSON.parse(Buffer.from(p, 'base64url').toString('utf8'));
    return [h, Buffer.from(JSON.stringify({ ...claims, admin: true })).toString('base64url'), s].join('.');
  };
  const flipped = (jwt) => {
    const [h, p, s] = jwt.split('.');
    const i = s.length >> 1;
    return [h, p, s.slice(0, i) + (s[i] === 'A' ? 'B' : 'A') + s.slice(i + 1)].join('.');
  };
  const cases = index.algs.flatMap(({ alg }) => [fixture(alg).public_jwk, fixture(alg).public_pem, fixture(alg).jwks].map((file) => ({
    alg, file, key: read(file), tokens: [token(alg), reencoded(token(alg)), flipped(token(alg))],
  })));
  const app = new Inspector(page);
  await app.open('/');
  const repeated = await page.evaluate(async (cases) => {
    const api = window.jwtInspector;
    const out = [];
    for (const { key, tokens } of cases) {
      const rounds = [];
      for (let round = 0; round < 3; round++) {
        const checks = [];
        for (const t of tokens) checks.push(await api.verifyWithKey(t, key));
        rounds.push(checks);
      }
      out.push(rounds);
    }
    return out;
  }, cases);
  cases.forEach(({ alg, file }, i) => {
    const [first, ...again] = repeated[i];
    expect(first.map((c) => c.verdict), `${alg} with ${file}`).toEqual(['valid', 'invalid', 'invalid']);
    for (const round of again) expect(round, `${alg} with ${file}, called again`).toEqual(first);
  });
  // A fresh page's first call, one case per algorithm, agrees with the repeated calls above.
  const fresh = await page.context().newPage();
  await new Inspector(fresh).open('/');
  for (const [i, c] of cases.entries()) {
    if (c.file !== fixture(c.alg).public_jwk) continue;
    const first = await fresh.evaluate(({ t, key }) => window.jwtInspector.verifyWithKey(t, key), { t: c.tokens[2], key: c.key });
    expect(first, `${c.alg}: a first call on a fresh page`).toEqual(repeated[i][2][2]);
  }
});
