// The page object: every test drives the app through the README's data-testid contract.
import { expect } from '@playwright/test';
import { createHmac, createSign, generateKeyPairSync } from 'node:crypto';

/** Unpadded base64url of a string or buffer. */
export const b64url = (data) => Buffer.from(data).toString('base64url');

/** An HS token signed here, independently of the app's own code. */
export function sign(header, payload, secret, alg = 'sha256') {
  const input = `${b64url(JSON.stringify(header))}.${b64url(typeof payload === 'string' ? payload : JSON.stringify(payload))}`;
  return `${input}.${createHmac(alg, secret).update(input).digest('base64url')}`;
}

export class Inspector {
  constructor(page) {
    this.page = page;
    this.errors = [];
    page.on('pageerror', (e) => this.errors.push(e.message));
    page.on('dialog', (d) => { this.errors.push(`dialog: ${d.message()}`); d.dismiss(); });
  }
  id(testid) { return this.page.getByTestId(testid); }
  async open(path = '') {
    await this.page.goto(path);
    await expect(this.id('signature-status')).toBeVisible();
  }
  async paste(token) { await this.id('token-input').fill(token); }
  async secret(text, encoding = 'utf8') {
    await this.id('secret-encoding').selectOption(encoding);
    await this.id('secret-input').fill(text);
  }
  verdict() { return this.id('signature-status'); }
  claim(name) { return this.page.locator(`[data-testid=claim-time][data-claim="${name}"]`); }
  finding(id) { return this.page.locator(`[data-testid=finding][data-finding="${id}"]`); }
  /** Sets the clock-skew tolerance by typing into its field. */
  async skew(seconds) { await this.id('clock-skew').fill(String(seconds)); }
  /** Types an "evaluate at" instant ('' = now, live). */
  async evaluateAt(text) { await this.id('evaluate-at').fill(text); }
  /**
   * Presses Tab `count` times from the top of the page and records, for each stop, the focused
   * element's test id (or tag and class) and whether a focus outline is drawn.
   */
  async tabThrough(count) {
    const stops = [];
    for (let i = 0; i < count; i += 1) {
      await this.page.keyboard.press('Tab');
      stops.push(await this.page.evaluate(() => {
        const el = document.activeElement;
        const css = getComputedStyle(el);
        return {
          testid: el.getAttribute('data-testid'),
          what: `${el.tagName.toLowerCase()}${el.className ? `.${String(el.className).split(' ').join('.')}` : ''}`,
          outline: css.outlineStyle !== 'none' && parseFloat(css.outlineWidth) > 0,
        };
      }));
    }
    return stops;
  }
  /** Counts elements matching `selector` inside <body>. */
  async count(selector) {
    return this.page.evaluate((s) => document.body.querySelectorAll(s).length, selector);
  }
}

// ---- Token builders and helpers shared by the specs ---- //

/** The Node hash name of each HMAC algorithm the app verifies. */
export const HASH = { HS256: 'sha256', HS384: 'sha384', HS512: 'sha512' };

/** The current Unix time in whole seconds (the browser runs on the same clock). */
export const nowSeconds = () => Math.floor(Date.now() / 1000);

/** The base64url HMAC of `input` under `secret` (string or Buffer), computed here, not by the app. */
export function hmac(input, secret, alg = 'sha256') {
  return createHmac(alg, secret).update(input).digest('base64url');
}

/** The signing input (`header.payload`) of a token. */
export const signingInput = (token) => token.split('.').slice(0, 2).join('.');

/** An unsecured JWT (`alg: none`, empty signature). */
export function unsignedToken(payload, header = { alg: 'none', typ: 'JWT' }) {
  return `${b64url(JSON.stringify(header))}.${b64url(JSON.stringify(payload))}.`;
}

/** An RS256 token really signed with a fresh 2048-bit RSA key. */
export function rs256Token(payload, header = { alg: 'RS256', typ: 'JWT' }) {
  const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const input = `${b64url(JSON.stringify(header))}.${b64url(JSON.stringify(payload))}`;
  return `${input}.${createSign('RSA-SHA256').update(input).sign(privateKey).toString('base64url')}`;
}
