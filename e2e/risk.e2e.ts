/**
 * Risk grading and control in the browser (issue 3): the safety manager creates a point with L=6, E=6, C=15 linked to
 * a post, sees it red (重大) in the ledger, uploads a floor plan and places the point on it, opens the post's printable
 * risk-notice card, and the card's QR address opened in a fresh browser without a session shows the card. A subdistrict
 * officer then reaches the ledger read-only from the overview. Screenshots: e2e/screenshots/risk-*.png.
 * Run by e2e/run.ts, which starts the server and passes its address in E2E_BASE_URL.
 */
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { BASE, choose, clickNav, openHoverMenu, launchChromium, png, signIn, type SignedIn } from './browser';

const SCREENSHOTS = process.env.E2E_SCREENSHOTS ?? path.resolve('e2e/screenshots');
const DESKTOP = { width: 1280, height: 800 };
const PHONE = { width: 390, height: 844 };
/** R-RISK-2: grade 1 is red; the ledger paints it #e53935. */
const RED = 'rgb(229, 57, 53)';

assert.ok(BASE, 'E2E_BASE_URL is not set: run the browser tests with `npm run test:e2e`');

/** A floor plan as a real PNG: white paper, a grey grid and a few dark walls. */
function floorPlanPng(width: number, height: number): Buffer {
  const wall = (x: number, y: number) =>
    x < 6 || y < 6 || x >= width - 6 || y >= height - 6
    || (Math.abs(x - width * 0.45) < 3 && y < height * 0.7)
    || (Math.abs(y - height * 0.5) < 3 && x > width * 0.45);
  return png(width, height, (x, y) => {
    const v = wall(x, y) ? 60 : x % 40 === 0 || y % 40 === 0 ? 215 : 250;
    return [v, v, v];
  });
}

/** The browser's getComputedStyle, typed here: the server-side tsconfig has no DOM types. */
type StyleGlobal = { getComputedStyle: (e: unknown) => { backgroundColor: string } };

const shot = (name: string) => path.join(SCREENSHOTS, `risk-${name}.png`);

describe('risk grading and control in the browser', () => {
  let browser: Browser;
  let manager: SignedIn;
  const stamp = Date.now().toString(36).slice(-5);
  const pointName = `甲苯装卸区 ${stamp}`;
  let pointId = '';
  let postLabel = '';

  before(async () => {
    browser = await launchChromium();
    manager = await signIn(browser, 'safety', DESKTOP);
  });
  after(async () => {
    await manager?.context.close();
    await browser?.close();
  });

  /** Picks an option of an antd Select (see `choose`). */
  const pick = (page: Page, testId: string, option: string | RegExp) => choose(page, testId, option);

  test('the safety manager creates a point with L=6 E=6 C=15 and sees it red in the ledger', async () => {
    const { page, errors } = manager;
    await clickNav(page, 'prevention', 'risk');
    await page.getByTestId('risk-table').waitFor();
    await page.getByTestId('risk-create').click();
    const form = page.getByTestId('risk-create-form');
    await form.waitFor();
    await form.getByTestId('field-risk-name').fill(pointName);
    // The unit: the first unit of the tree (the company itself is fine for the flow).
    await choose(page, 'field-risk-unit', '一车间', { tree: true, scope: form });
    // Link it to a post, so that the post's card lists it.
    postLabel = await pick(page, 'field-risk-posts', /操作工/);
    await page.keyboard.press('Escape');
    await form.getByTestId('field-risk-factor-things').locator('input').fill('甲苯泄漏');
    await page.keyboard.press('Enter');
    await pick(page, 'field-risk-accidents', '火灾');
    await page.keyboard.press('Escape');
    await form.getByTestId('field-risk-emergency').fill('切断泄漏源，启动喷淋，疏散人员，拨打 119。');
    // Inputs are picked from the published lists: L=6, E=6, C=15 → D=540 → grade 1 (R-LEC).
    await form.getByTestId('assess-LEC-L').getByText('6', { exact: true }).click();
    await form.getByTestId('assess-LEC-E').getByText('6', { exact: true }).click();
    await form.getByTestId('assess-LEC-C').getByText('15', { exact: true }).click();
    const preview = form.getByTestId('assess-preview');
    await preview.getByText('D = 6 × 6 × 15 = 540').waitFor();
    assert.equal(await preview.getByTestId('assess-preview-grade').getAttribute('data-grade'), '1');
    // Grade 1 asks for the R-RISK-8 items; tick two so the ledger flags the other two as missing.
    await form.getByTestId('field-risk-r8-warningSigns').check();
    await form.getByTestId('field-risk-r8-escapeRoutes').check();
    await page.screenshot({ path: shot('assessment') });
    await page.getByTestId('risk-save').click();

    // The drawer now shows the saved point with the grade the server computed.
    const drawerGrade = page.getByTestId('risk-drawer-grade');
    await drawerGrade.waitFor();
    assert.equal(await drawerGrade.getAttribute('data-grade'), '1');
    pointId = new URL(page.url()).searchParams.get('point') ?? '';
    assert.match(pointId, /^[0-9a-f-]{36}$/, 'the open point is in the address');
    await page.getByTestId('risk-drawer').locator('.ant-drawer-close').click();

    const row = page.getByTestId('risk-table').locator('tr.ant-table-row').filter({ hasText: pointName });
    await row.waitFor();
    const cell = row.getByTestId('risk-grade');
    assert.equal(await cell.innerText(), '重大');
    assert.equal(await cell.getAttribute('data-grade'), '1');
    assert.equal(await cell.evaluate((el) => (globalThis as unknown as StyleGlobal).getComputedStyle(el).backgroundColor), RED);
    assert.match(await row.getByTestId('flag-missing-r8').innerText(), /2/);
    await page.screenshot({ path: shot('ledger') });
    assert.deepEqual(errors.map((e) => e.message), []);
  });

  test('the exported ledger, imported again unchanged, updates every point and creates none (issue 10)', async () => {
    const { page, errors } = manager;
    await clickNav(page, 'prevention', 'risk');
    await page.getByTestId('risk-table').waitFor();
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('risk-export').click()]);
    const file = await download.path();
    assert.ok(file, 'the ledger was downloaded');
    assert.match(download.suggestedFilename(), /^风险分级管控清单-.*\.xlsx$/);
    await page.getByTestId('risk-import-button').click();
    const modal = page.getByTestId('risk-import');
    await modal.locator('input[type=file]').setInputFiles({
      name: download.suggestedFilename(), mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', buffer: await readFile(file),
    });
    await modal.getByTestId('import-submit').click();
    // The preview names what will happen before anything is written: every row updates its point, none is created.
    const plan = modal.getByTestId('risk-import-plan');
    await plan.waitFor();
    const planText = await plan.innerText();
    assert.match(planText, /更新 \d+ 个已有风险点/);
    assert.doesNotMatch(planText, /新增/);
    assert.equal(await modal.locator('.ant-table-row').count(), 0, 'no row is refused');
    await page.screenshot({ path: shot('import-preview') });
    await modal.getByTestId('import-confirm').click();
    await modal.getByTestId('import-result').getByText(/已更新 \d+ 个风险点/).waitFor();
    await modal.locator('.ant-modal-close').click();
    // The point created above is still there, once, with its grade.
    const rows = page.getByTestId('risk-table').locator('tr.ant-table-row').filter({ hasText: pointName });
    await rows.first().waitFor();
    assert.equal(await rows.count(), 1);
    assert.equal(await rows.first().getByTestId('risk-grade').getAttribute('data-grade'), '1');
    assert.deepEqual(errors.map((e) => e.message), []);
  });

  test('the safety manager uploads a floor plan and places the point on the map', async () => {
    assert.ok(pointId, 'the point was created');
    const { page, errors } = manager;
    await clickNav(page, 'prevention', 'risk-map');
    await page.getByTestId('risk-map-page').waitFor();
    await page.getByTestId('map-upload').click();
    const modal = page.getByTestId('plan-upload');
    await modal.locator('input[type=file]').setInputFiles({ name: '一车间平面图.png', mimeType: 'image/png', buffer: floorPlanPng(800, 500) });
    await modal.getByTestId('plan-name').fill(`一车间平面图 ${stamp}`);
    await page.getByTestId('plan-upload-save').click();
    // The demo's site plan is shown first, with its six points: wait for the new, empty plan.
    await page.locator('[data-testid=risk-map][data-ready=true][data-count="0"]').waitFor();

    await pick(page, 'map-place-point', pointName);
    await page.getByTestId('map-place-start').click();
    await page.getByTestId('map-placing').waitFor();
    const map = page.getByTestId('risk-map');
    const box = await map.boundingBox();
    assert.ok(box);
    await page.mouse.click(box.x + box.width * 0.3, box.y + box.height * 0.4);
    const shape = page.locator(`[data-testid=map-shape][data-id="${pointId}"]`);
    await shape.waitFor();
    assert.equal(await shape.getAttribute('data-grade'), '1');
    assert.equal(await shape.locator('circle').getAttribute('fill'), '#e53935');
    assert.equal(await page.getByTestId('legend-count-1').innerText(), '1');
    // Click it: its details appear beside the plan.
    await page.getByTestId('map-place-panel').waitFor();
    await shape.locator('circle').click();
    await page.getByTestId('map-point-panel').getByText(pointName).waitFor();
    await page.screenshot({ path: shot('map'), fullPage: true });

    // The print layout: title, legend and the plan with the point.
    await page.getByTestId('map-print').click();
    await page.locator('[data-testid=risk-map-print] [data-testid=risk-map][data-ready=true]').waitFor();
    assert.equal(await page.locator(`[data-testid=map-shape][data-id="${pointId}"]`).count(), 1);
    await page.screenshot({ path: shot('map-print'), fullPage: true });
    assert.deepEqual(errors.map((e) => e.message), []);
  });

  test('the post card prints with its QR code, and the QR address opens the card without a session', async () => {
    assert.ok(pointId, 'the point was created');
    const { page, errors } = manager;
    await page.goto(`${BASE}/risk?point=${pointId}`);
    const link = page.getByTestId('risk-post-card-link').filter({ hasText: postLabel.split(' · ')[0] }).first();
    await link.click();
    const card = page.getByTestId('risk-card');
    await card.waitFor();
    await card.getByText(pointName).waitFor();
    assert.equal(await page.getByTestId('print-page').getAttribute('data-paper'), 'A4-portrait');
    // @page carries the paper size, so the browser prints A4 as previewed; 打印 calls window.print().
    assert.match(String(await page.evaluate('[...document.querySelectorAll("style")].map((s) => s.textContent).join("\\n")')), /@page \{ size: A4 portrait/);
    await page.evaluate('window.__printed = 0; window.print = () => { window.__printed += 1; }');
    await page.getByTestId('print-button').click();
    assert.equal(await page.evaluate('window.__printed'), 1);
    const url = (await page.getByTestId('card-qr-url').innerText()).trim();
    assert.match(url, new RegExp(`^${BASE.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}/public/risk-cards/[A-Za-z0-9_-]{20,}$`));
    await page.screenshot({ path: shot('card'), fullPage: true });

    // A worker's phone: a new browser context, no cookies, no session.
    const anonymous = await browser.newContext({ viewport: PHONE, locale: 'zh-CN', isMobile: true, hasTouch: true, deviceScaleFactor: 1 });
    try {
      assert.deepEqual(await anonymous.cookies(), []);
      const phone = await anonymous.newPage();
      const phoneErrors: Error[] = [];
      phone.on('pageerror', (err) => phoneErrors.push(err));
      await phone.goto(url);
      const publicCard = phone.getByTestId('risk-card');
      await publicCard.waitFor();
      await publicCard.getByText(pointName).waitFor();
      assert.equal(await publicCard.getAttribute('data-grade'), '1');
      assert.equal(await phone.getByTestId('app-layout').count(), 0, 'no app chrome on the public card');
      assert.equal(new URL(phone.url()).pathname.startsWith('/public/risk-cards/'), true, 'not sent to the login page');
      const overflow = Number(await phone.evaluate('document.documentElement.scrollWidth - window.innerWidth'));
      assert.ok(overflow <= 1, `the public card is ${overflow}px wider than the phone`);
      await phone.screenshot({ path: shot('public-card-mobile'), fullPage: true });
      assert.deepEqual(phoneErrors.map((e) => e.message), []);
    } finally {
      await anonymous.close();
    }

    // The notice board prints on A3 by default.
    await page.goto(`${BASE}/risk`);
    await (await openHoverMenu(page, 'risk-print-menu')).getByText('安全风险公告栏').click();
    await page.getByTestId('risk-board').getByText(pointName).waitFor();
    assert.equal(await page.getByTestId('print-page').getAttribute('data-paper'), 'A3-landscape');
    await page.screenshot({ path: shot('board'), fullPage: true });
    assert.deepEqual(errors.map((e) => e.message), []);
  });

  test('the ledger and the map work on a 390 px phone', async () => {
    const context = await browser.newContext({
      viewport: PHONE, locale: 'zh-CN', isMobile: true, hasTouch: true, deviceScaleFactor: 1, storageState: await manager.context.storageState(),
    });
    try {
      const page = await context.newPage();
      const errors: Error[] = [];
      page.on('pageerror', (err) => errors.push(err));
      await page.goto(`${BASE}/risk`);
      await page.getByTestId('risk-table').locator('tr.ant-table-row').filter({ hasText: pointName }).waitFor();
      const overflow = Number(await page.evaluate('document.documentElement.scrollWidth - window.innerWidth'));
      assert.ok(overflow <= 1, `the ledger is ${overflow}px wider than the phone`);
      await page.screenshot({ path: shot('ledger-mobile') });
      // Issue 10: the LEC/LS/MES value buttons are 44 × 44 px touch targets on a phone, and the drawer does not scroll sideways.
      await page.getByTestId('risk-create').click();
      const values = page.getByTestId('assess-LEC-C').locator('label.ant-radio-button-wrapper');
      await values.first().waitFor();
      for (const box of await values.evaluateAll((els) => els.map((e) => { const r = e.getBoundingClientRect(); return { w: r.width, h: r.height }; }))) {
        assert.ok(Math.round(box.w) >= 44 && Math.round(box.h) >= 44, `a value button is ${box.w}×${box.h} px`);
      }
      const drawerOverflow = Number(await page.evaluate('document.documentElement.scrollWidth - window.innerWidth'));
      assert.ok(drawerOverflow <= 1, `the create drawer is ${drawerOverflow}px wider than the phone`);
      await values.first().scrollIntoViewIfNeeded();
      // The drawer's slide-in has ended once its close button stops moving; only then is the picture worth keeping.
      await page.locator('.ant-drawer-open .ant-drawer-content-wrapper').evaluate((el) => new Promise((done) => { el.addEventListener('transitionend', done, { once: true }); setTimeout(done, 1000); }));
      await page.screenshot({ path: shot('assess-mobile') });
      await page.goto(`${BASE}/risk/map`);
      await page.locator('[data-testid=risk-map][data-ready=true]').waitFor();
      const mapOverflow = Number(await page.evaluate('document.documentElement.scrollWidth - window.innerWidth'));
      assert.ok(mapOverflow <= 1, `the map is ${mapOverflow}px wider than the phone`);
      await page.screenshot({ path: shot('map-mobile'), fullPage: true });
      assert.deepEqual(errors.map((e) => e.message), []);
    } finally {
      await context.close();
    }
  });

  test('a subdistrict officer drills down from the overview to the ledger, read-only', async () => {
    const { context, page, errors } = await signIn(browser, 'guanshang', DESKTOP);
    try {
      await clickNav(page, 'prevention', 'risk-overview');
      const table = page.getByTestId('risk-overview-table');
      await table.locator('tr.ant-table-row').first().waitFor();
      await page.screenshot({ path: shot('overview') });
      await table.getByTestId('overview-enterprise').filter({ hasText: '精细化工' }).click();
      const row = page.getByTestId('risk-table').locator('tr.ant-table-row').filter({ hasText: pointName });
      await row.waitFor();
      assert.equal(await row.getByTestId('risk-grade').getAttribute('data-grade'), '1');
      assert.equal(await page.getByTestId('risk-create').count(), 0, 'no create button for a regulator');
      assert.equal(await page.getByTestId('risk-import-button').count(), 0, 'no import for a regulator');
      await row.getByTestId('risk-open').click();
      await page.getByTestId('risk-point-view').waitFor();
      assert.equal(await page.getByTestId('risk-edit').count(), 0, 'the point opens read-only');
      await page.screenshot({ path: shot('regulator-ledger') });
      assert.deepEqual(errors.map((e) => e.message), []);
    } finally {
      await context.close();
    }
  });
});
