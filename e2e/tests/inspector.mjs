// The page object: every test drives the app through the README's data-testid contract.
import { expect } from '@playwright/test';
import { createHmac } from 'node:crypto';

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
}
