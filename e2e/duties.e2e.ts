/**
 * Issue 11, browser flows: the principal on a phone sees this month's duties first on his home page and fulfils one
 * with a photo; an employee signs his letter on a phone with the pad; the safety manager sees the campaign's
 * completion; the subdistrict officer sees the enterprise's fulfilment rate change; a department officer's 我的履职
 * is his own to-do list.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { assertReadable, BASE, drawSignature, launchChromium, png, signIn } from './browser';

assert.ok(BASE, 'E2E_BASE_URL is not set: run the browser tests with `npm run test:e2e`');

const PHONE = { width: 390, height: 844 };
const WIDE = { width: 1366, height: 800 };
const ENTERPRISE = '昆明官渡精细化工有限公司';

/** The enterprise's row on the board's drill-down: its rate as shown. */
async function rateOnBoard(page: Page): Promise<string> {
  await page.goto(`${BASE}/duties/board/enterprises?q=${encodeURIComponent('精细化工')}&sort=name&order=asc`);
  await page.getByTestId('board-enterprises-page').waitFor({ timeout: 20_000 });
  const row = page.locator('tr', { has: page.getByTestId('board-enterprise-link').filter({ hasText: ENTERPRISE }) });
  await row.waitFor({ timeout: 20_000 });
  await page.waitForLoadState('networkidle');
  return (await row.innerText()).replace(/\s+/g, ' ');
}

describe('duties, letters and the board', () => {
  let browser: Browser;
  let before1 = '';
  before(async () => { browser = await launchChromium(); });
  after(async () => { await browser?.close(); });

  test('the subdistrict officer reads the enterprise\'s fulfilment rate on the board', async () => {
    const { context, page, errors } = await signIn(browser, 'guanshang', WIDE);
    try {
      await page.goto(`${BASE}/duties/board`);
      await page.getByTestId('duty-board-page').waitFor({ timeout: 20_000 });
      await page.waitForLoadState('networkidle');
      await assertReadable(page, 'the board');
      before1 = await rateOnBoard(page);
      assert.match(before1, /\d+(\.\d)?%/, before1);
      assert.deepEqual(errors.map((e) => e.message), []);
    } finally {
      await context.close();
    }
  });

  test('a department officer\'s 我的履职 on a phone: his own to-dos (the interview due, filings to accept) and the area\'s overdue duties', async () => {
    const { context, page, errors } = await signIn(browser, 'yjj', PHONE);
    try {
      await page.goto(`${BASE}/duties`);
      const todo = page.getByTestId('officer-duties');
      await todo.waitFor({ state: 'visible', timeout: 20_000 });
      await page.getByTestId('obligation-scope-summary').waitFor({ state: 'visible', timeout: 20_000 });
      await page.waitForLoadState('networkidle');
      // The demo has an accident awaiting its interview in his scope: the tile counts it and opens that list.
      const interviews = todo.getByTestId('workbench-accidentFollowup.interviewsDue');
      assert.ok(Number(await interviews.getAttribute('data-count')) >= 1, await interviews.innerText());
      await todo.getByTestId('workbench-emergencyPlan.filingsToAccept').waitFor();
      // The area's overdue duties are shown once, by the summary, not again as a tile.
      assert.equal(await todo.getByTestId('workbench-obligation.scopeOverdue').count(), 0);
      await assertReadable(page, 'the department officer\'s 我的履职 at 390 px');
      await interviews.locator('a').first().click();
      await page.waitForURL(/\/accident-interviews/, { timeout: 20_000 });
      assert.deepEqual(errors.map((e) => e.message), []);
    } finally {
      await context.close();
    }
  });

  test('the principal on a phone: this month\'s duties first on the home page, one fulfilled with a photo', async () => {
    const { context, page, errors } = await signIn(browser, 'principal', PHONE);
    try {
      await page.goto(`${BASE}/`);
      const card = page.getByTestId('home-duties-card');
      await card.waitFor({ state: 'visible', timeout: 20_000 });
      await page.waitForLoadState('networkidle');
      // The duties come before the workbench.
      const [dutiesTop, benchTop] = await Promise.all([card.boundingBox(), page.getByTestId('workbench').boundingBox()]);
      assert.ok(dutiesTop && benchTop && dutiesTop.y < benchTop.y, 'this month\'s duties are shown first');
      await assertReadable(page, 'the principal\'s home at 390 px');
      // A duty still open that takes evidence (the demo's drill and plan review are done through their modules).
      await page.goto(`${BASE}/duties`);
      await page.getByTestId('my-duties-page').waitFor({ timeout: 20_000 });
      await page.getByTestId('five-in-place').waitFor({ timeout: 20_000 });
      await page.waitForLoadState('networkidle');
      const owed = await page.evaluate(async () => (await fetch('/api/v1/obligations/mine')).json()) as { thisMonth: { name: string }[] };
      const duty = page.getByTestId('duty-card').filter({ has: page.getByTestId('obligation-upload') }).first();
      await duty.waitFor({ timeout: 20_000 });
      const cardText = await duty.innerText();
      const dutyName = owed.thisMonth.map((o) => o.name).find((n) => cardText.includes(n));
      assert.ok(dutyName, `the card is one of this month's duties: ${cardText}`);
      await duty.getByTestId('obligation-upload').click();
      const drawer = page.getByTestId('obligation-evidence');
      await drawer.waitFor({ state: 'visible', timeout: 20_000 });
      await drawer.getByTestId('evidence-files-input').setInputFiles({ name: 'drill.png', mimeType: 'image/png', buffer: png(120, 90, (x, y) => [200, (x * 2) & 0xff, (y * 2) & 0xff]) });
      await drawer.getByTestId('evidence-files-list').waitFor({ state: 'visible', timeout: 20_000 });
      await drawer.getByTestId('obligation-evidence-note').fill('已完成，附现场照片');
      await page.getByTestId('obligation-evidence-ok').click();
      await drawer.waitFor({ state: 'hidden', timeout: 20_000 });
      // It leaves this month's open duties; its page says fulfilled.
      await page.goto(`${BASE}/duties?tab=month`);
      await page.waitForLoadState('networkidle');
      const res = await page.evaluate(async () => (await fetch('/api/v1/obligations/mine')).json()) as { thisMonth: { name: string }[] };
      assert.ok(!res.thisMonth.some((o) => o.name === dutyName), `${dutyName} is no longer owed this month`);
      assert.deepEqual(errors.map((e) => e.message), []);
    } finally {
      await context.close();
    }
  });

  test('an employee signs his responsibility letter on a phone with the pad', async () => {
    const { context, page, errors } = await signIn(browser, 'worker', PHONE);
    try {
      await page.goto(`${BASE}/letters/mine`);
      await page.getByTestId('my-letters-page').waitFor({ timeout: 20_000 });
      await page.waitForLoadState('networkidle');
      await assertReadable(page, 'my letters at 390 px');
      await page.getByTestId('my-letter-sign').first().click();
      const dialog = page.getByTestId('sign-dialog');
      await drawSignature(page, dialog);
      await dialog.getByTestId('sign-submit').click();
      await dialog.getByTestId('sign-submit').waitFor({ state: 'hidden', timeout: 20_000 })
        .catch(async (e: unknown) => { await page.screenshot({ path: `${process.env.E2E_SCREENSHOTS ?? '/tmp'}/duties-sign-failed.png` }); throw e; });
      await page.getByTestId('letter-signature').first().waitFor({ state: 'visible', timeout: 20_000 });
      assert.equal(await page.getByTestId('my-letter-sign').count(), 0, 'nothing left to sign');
      assert.deepEqual(errors.map((e) => e.message), []);
    } finally {
      await context.close();
    }
  });

  test('the safety manager sees the campaign\'s completion by unit', async () => {
    const { context, page, errors } = await signIn(browser, 'safety', WIDE);
    try {
      await page.goto(`${BASE}/letters/campaigns`);
      await page.getByTestId('letter-campaigns-page').waitFor({ timeout: 20_000 });
      await page.getByTestId('campaign-table').locator('a').first().click();
      await page.getByTestId('letter-campaign-page').waitFor({ timeout: 20_000 });
      await page.getByTestId('campaign-units').waitFor({ timeout: 20_000 });
      await page.waitForLoadState('networkidle');
      await assertReadable(page, 'the campaign');
      assert.match(await page.getByTestId('letter-campaign-page').innerText(), /已签/);
      assert.deepEqual(errors.map((e) => e.message), []);
    } finally {
      await context.close();
    }
  });

  test('the subdistrict officer sees the rate change', async () => {
    const { context, page, errors } = await signIn(browser, 'guanshang', WIDE);
    try {
      const after1 = await rateOnBoard(page);
      assert.notEqual(after1, before1, `the row changed: ${before1} → ${after1}`);
      assert.deepEqual(errors.map((e) => e.message), []);
    } finally {
      await context.close();
    }
  });
});
