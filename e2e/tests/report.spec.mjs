// One report schema for both front ends: the page's "Copy report" writes the same bytes as
// `jwt-inspector --json` (crates/jwt-cli/tests/it/report_identity.rs checks the other side).
import { test, expect } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { Inspector } from './inspector.mjs';

const fixtures = resolve(import.meta.dirname, '../../fixtures/report');

for (const name of ['hs256-expired']) {
  test(`the copied report for ${name} is byte-identical to the CLI's --json`, async ({ page, context }) => {
    await context.grantPermissions(['clipboard-read', 'clipboard-write']);
    const input = JSON.parse(readFileSync(resolve(fixtures, `${name}.input.json`), 'utf8'));
    const expected = readFileSync(resolve(fixtures, `${name}.json`), 'utf8');
    const app = new Inspector(page);
    await app.open('/');
    await app.paste(input.token);
    await app.secret(input.secret, input.encoding);
    await app.skew(input.skew);
    await app.evaluateAt(input.at);
    await expect(app.id('evaluation-instant')).toContainText('Evaluated at');
    await app.id('copy-report').click();
    await expect(app.id('copy-report')).toContainText('Copied');
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    expect(copied).toBe(expected);
  });
}
