// The timing panel: date claims judged now or at a typed instant, with clock skew and a live countdown.
import { test, expect } from '@playwright/test';
import { Inspector, sign, nowSeconds } from './inspector.mjs';

const token = (claims) => sign({ alg: 'HS256', typ: 'JWT' }, { sub: 'user-1', ...claims }, 'k');

// A fixed lifetime: issued 2023-11-14T21:13:20Z, valid from 21:30:00Z, expires 22:13:20Z.
const IAT = 1_700_000_000 - 3600;
const NBF = IAT + 1000;
const EXP = 1_700_000_000;

test('an expired token says so in its exp claim and the countdown', async ({ page }) => {
  const app = new Inspector(page);
  await app.open();
  const now = nowSeconds();
  await app.paste(token({ iat: now - 7200, exp: now - 3600 }));
  await expect(app.claim('exp')).toHaveAttribute('data-state', 'expired');
  await expect(app.claim('iat')).toHaveAttribute('data-state', 'past');
  await expect(app.id('countdown')).toContainText('Expired');
  await expect(app.finding('missing-exp')).toHaveCount(0);
});

test('a token whose nbf is ahead is not yet valid', async ({ page }) => {
  const app = new Inspector(page);
  await app.open();
  const now = nowSeconds();
  await app.paste(token({ iat: now, nbf: now + 3600, exp: now + 7200 }));
  await expect(app.claim('nbf')).toHaveAttribute('data-state', 'not-yet-valid');
  await expect(app.claim('exp')).not.toHaveAttribute('data-state', 'expired');
  await expect(app.id('countdown')).toContainText('Not valid yet');
});

test('each date claim carries its instant as RFC 3339 UTC', async ({ page }) => {
  const app = new Inspector(page);
  await app.open();
  await app.paste(token({ iat: IAT, nbf: NBF, exp: EXP }));
  await expect(app.claim('iat')).toHaveAttribute('data-utc', '2023-11-14T21:13:20Z');
  await expect(app.claim('nbf')).toHaveAttribute('data-utc', '2023-11-14T21:30:00Z');
  await expect(app.claim('exp')).toHaveAttribute('data-utc', '2023-11-14T22:13:20Z');
  // Cross-check with the JavaScript Date of the test runner.
  await expect(app.claim('exp')).toHaveAttribute('data-utc', new Date(EXP * 1000).toISOString().replace('.000', ''));
});

test.describe('local time', () => {
  // Kolkata is UTC+05:30 all year; New York changes with summer time.
  test.use({ timezoneId: 'Asia/Kolkata' });
  test('each date claim shows its wall-clock time at the reader\'s offset', async ({ page }) => {
    const app = new Inspector(page);
    await app.open();
    await app.paste(token({ iat: IAT, exp: EXP }));
    await expect(app.claim('exp').locator('.local')).toHaveText('2023-11-15 03:43:20 (UTC+05:30)');
    await expect(app.claim('iat').locator('.local')).toHaveText('2023-11-15 02:43:20 (UTC+05:30)');
  });
});

test.describe('local time with summer time', () => {
  test.use({ timezoneId: 'America/New_York' });
  test('the offset is the one in force at each instant', async ({ page }) => {
    const app = new Inspector(page);
    await app.open();
    // 2024-01-15T12:00:00Z is winter (UTC-05:00), 2024-07-15T12:00:00Z summer (UTC-04:00).
    await app.paste(token({ iat: 1_705_320_000, exp: 1_721_044_800 }));
    await expect(app.claim('iat').locator('.local')).toHaveText('2024-01-15 07:00:00 (UTC-05:00)');
    await expect(app.claim('exp').locator('.local')).toHaveText('2024-07-15 08:00:00 (UTC-04:00)');
  });
});

test('"evaluate at" judges the token at an RFC 3339 instant or at Unix seconds', async ({ page }) => {
  const app = new Inspector(page);
  await app.open();
  await app.paste(token({ iat: IAT, nbf: NBF, exp: EXP }));
  await app.skew(0);
  // Now (2026 or later) the 2023 token is long expired.
  await expect(app.claim('exp')).toHaveAttribute('data-state', 'expired');

  await app.evaluateAt('2023-11-14T22:00:00Z');
  await expect(app.claim('exp')).toHaveAttribute('data-state', 'active');
  await expect(app.claim('nbf')).toHaveAttribute('data-state', 'active');
  await expect(app.id('evaluation-instant')).toContainText('2023-11-14T22:00:00Z');

  // The same wall-clock time with an offset is an hour earlier in UTC: before nbf.
  await app.evaluateAt('2023-11-14T22:00:00+01:00');
  await expect(app.claim('nbf')).toHaveAttribute('data-state', 'not-yet-valid');

  await app.evaluateAt(String(EXP - 1));
  await expect(app.claim('exp')).toHaveAttribute('data-state', 'active');
  await app.evaluateAt(String(EXP));
  await expect(app.claim('exp')).toHaveAttribute('data-state', 'expired');

  // Emptying the field goes back to now, live.
  await app.evaluateAt('');
  await expect(app.claim('exp')).toHaveAttribute('data-state', 'expired');
  await expect(app.id('evaluation-instant')).toContainText('Now (live)');
});

test('the lifetime bar shows how far the evaluation instant is through the lifetime', async ({ page }) => {
  const app = new Inspector(page);
  await app.open();
  await app.paste(token({ iat: IAT, exp: EXP }));
  await app.evaluateAt(String(IAT + 900)); // a quarter of the hour
  const bar = app.id('lifetime-bar');
  await expect(bar).toHaveAttribute('aria-label', 'Lifetime 1 h from 2023-11-14T21:13:20Z to 2023-11-14T22:13:20Z; now at 25%');
  // The fill is drawn at that width (a style blocked by the page's CSP would leave it at 0).
  const ratio = () => bar.evaluate((el) => el.querySelector('.lifetime-fill').getBoundingClientRect().width / el.getBoundingClientRect().width);
  await expect.poll(ratio).toBeCloseTo(0.25, 1);
  await app.evaluateAt(String(IAT + 2700));
  await expect(bar).toHaveAttribute('aria-label', /now at 75%/);
  await expect.poll(ratio).toBeCloseTo(0.75, 1);
});

test('an unreadable "evaluate at" is explained and marked invalid', async ({ page }) => {
  const app = new Inspector(page);
  await app.open();
  await app.evaluateAt('next tuesday');
  await expect(app.id('evaluate-at-error')).toContainText('neither Unix seconds nor an RFC 3339 instant');
  await expect(app.id('evaluate-at')).toHaveAttribute('aria-invalid', 'true');
  await app.evaluateAt('2023-11-14T22:00:00Z');
  await expect(app.id('evaluate-at-error')).toHaveCount(0);
  await expect(app.id('evaluate-at')).toHaveAttribute('aria-invalid', 'false');
});

test('the countdown ticks on its own', async ({ page }) => {
  const app = new Inspector(page);
  await app.open();
  const countdown = app.id('countdown');
  await expect(countdown).toContainText('Valid for another');
  const first = await countdown.textContent();
  await expect.poll(() => countdown.textContent(), { timeout: 2500, intervals: [100] }).not.toBe(first);
  await expect(countdown).toContainText(/Valid for another 1[45] min/);
});

test('clock skew decides whether a token that expired 30 s ago is still accepted', async ({ page }) => {
  const app = new Inspector(page);
  await app.open();
  await app.paste(token({ iat: nowSeconds() - 600, exp: nowSeconds() - 30 }));
  await expect(app.id('clock-skew')).toHaveValue('60');
  // Within the default 60 s tolerance the token is still accepted.
  await expect(app.claim('exp')).toHaveAttribute('data-state', 'active');
  await app.skew(0);
  await expect(app.claim('exp')).toHaveAttribute('data-state', 'expired');
  await expect(app.id('countdown')).toContainText('Expired');
  await app.skew(10);
  await expect(app.claim('exp')).toHaveAttribute('data-state', 'expired');
  await app.skew(120);
  await expect(app.claim('exp')).toHaveAttribute('data-state', 'active');
});

test('a clock-skew text that is not a whole number of seconds', async ({ page }) => {
  const app = new Inspector(page);
  await app.open();
  await app.paste(token({ iat: nowSeconds() - 600, exp: nowSeconds() - 30 }));
  await app.skew(0);
  await expect(app.claim('exp')).toHaveAttribute('data-state', 'expired');
  // A value that cannot be read is flagged and the last good one stays in force, visibly.
  await app.skew('-5');
  await expect(app.id('clock-skew')).toHaveAttribute('aria-invalid', 'true');
  await expect(app.id('clock-skew-error')).toContainText('Still using 0 s');
  await expect(app.claim('exp')).toHaveAttribute('data-state', 'expired');
  await app.skew(120);
  await expect(app.id('clock-skew')).toHaveAttribute('aria-invalid', 'false');
  await expect(app.id('clock-skew-error')).toHaveText('');
  await expect(app.claim('exp')).toHaveAttribute('data-state', 'active');
  await app.skew('1.5');
  await expect(app.id('clock-skew-error')).toContainText('whole number');
  await expect(app.claim('exp')).toHaveAttribute('data-state', 'active');
  // Empty means no tolerance.
  await app.skew('');
  await expect(app.claim('exp')).toHaveAttribute('data-state', 'expired');
  await app.skew(120);
  // The arrow keys step to a whole number, which is applied.
  await app.skew(2);
  await app.id('clock-skew').press('ArrowDown');
  await expect(app.id('clock-skew')).toHaveValue('1');
  await expect(app.claim('exp')).toHaveAttribute('data-state', 'expired');
});
