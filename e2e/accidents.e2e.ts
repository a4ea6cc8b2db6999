/**
 * Issue 14, browser flows of an accident (事故快报、上报、续报、约谈), in Chinese, the enterprise's people on a phone:
 * - the demo worker files a quick report (快报) on his phone with a few fields; it is saved and opens on its page;
 * - the principal opens it on his phone and reports it up (R-ACC-2): the emergency management bureau's officer, whose
 *   inbox is open on his desk, sees it arrive within seconds, unread, and the subdistrict officer has it too;
 * - the department officer opens the interviews board (R-RESP-8), finds the enterprise due for an interview and records it;
 * - the principal files a supplementary report (续报, R-ACC-3) with three deaths, and the grade rises to 较大 (R-ACC-1).
 * Each step checks what the person sees and what the server stored. Run by e2e/run.ts (`npm run test:e2e -- accidents`).
 */
import assert from 'node:assert/strict';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { apiGet, assertReadable, BASE, formItem, launchChromium, signIn, type SignedIn } from './browser';

assert.ok(BASE, 'E2E_BASE_URL is not set: run the browser tests with `npm run test:e2e`');

const SCREENSHOTS = process.env.E2E_SCREENSHOTS ?? path.resolve('e2e/screenshots');
const PHONE = { width: 390, height: 844 };
const WIDE = { width: 1366, height: 800 };

/** Message keys of the modules these flows use, which must never reach the screen as text. */
const MODULE_KEYS = ['accidents', 'accidentFollowup', 'common', 'validation', 'nav', 'navGroup'];

const readable = (page: Page, what: string) => assertReadable(page, what, MODULE_KEYS);

async function shot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: path.join(SCREENSHOTS, `accidents-${name}.png`), fullPage: true });
}

type Accident = { id: string; grade: string | null; deaths: number; regulatorsReceivedAt: string | null; recipients: { officeName: string }[] };

describe('an accident from the first minutes to the interview', () => {
  let browser: Browser;
  const open: SignedIn[] = [];
  const summary = `反应釜区域物料泄漏灼伤 ${Date.now().toString(36)}`;
  let enterpriseId = '';
  let accidentId = '';

  before(async () => { browser = await launchChromium(); });
  after(async () => {
    for (const s of open) assert.deepEqual(s.errors.map((e) => e.message), [], 'no page errors');
    await browser.close();
  });
  const as = async (user: string, viewport = PHONE): Promise<SignedIn> => {
    const s = await signIn(browser, user, viewport);
    open.push(s);
    return s;
  };

  test('a worker files a quick report on his phone, and the principal reports it up; the emergency bureau sees it arrive', async () => {
    const worker = await as('worker');
    enterpriseId = (await apiGet<{ scope: { enterpriseId: string } }>(worker.page, '/auth/me')).scope.enterpriseId;
    await worker.page.goto(`${BASE}/enterprises/${enterpriseId}/accidents/report`);
    const form = worker.page.getByTestId('quick-report-form');
    await form.waitFor();
    await readable(worker.page, 'the quick report form');
    await worker.page.getByTestId('quick-summary').fill(summary);
    await formItem(worker.page, form, '地点').locator('input').fill('一车间反应釜平台');
    await formItem(worker.page, form, '重伤（含急性工业中毒）').locator('input').fill('1');
    await worker.page.getByTestId('quick-submit').click();
    await worker.page.waitForURL(/\/accidents\/[0-9a-f-]{36}$/, { timeout: 20_000 }).catch(async (e: unknown) => { await shot(worker.page, 'quick-failed'); throw e; });
    accidentId = /\/accidents\/([0-9a-f-]{36})$/.exec(worker.page.url())![1]!;
    await worker.page.getByTestId('accident-view').waitFor();
    await readable(worker.page, 'the worker\'s report on his phone');
    await shot(worker.page, 'quick-report');

    // The emergency bureau's officer has his inbox open before the report goes up.
    const yjj = await as('yjj', WIDE);
    await yjj.page.goto(`${BASE}/accident-inbox`);
    await yjj.page.getByTestId('accident-inbox-page').waitFor();
    assert.equal(await yjj.page.getByText(summary).count(), 0, 'nothing reaches the regulators before the enterprise reports up');

    const principal = await as('principal');
    await principal.page.goto(`${BASE}/enterprises/${enterpriseId}/accidents/${accidentId}`);
    await principal.page.getByTestId('report-up').click();
    await principal.page.locator('.ant-modal-confirm .ant-modal-confirm-btns .ant-btn-primary').click();
    await principal.page.getByTestId('report-up').waitFor({ state: 'detached', timeout: 20_000 });
    const stored = await apiGet<Accident>(principal.page, `/enterprises/${enterpriseId}/accidents/${accidentId}`);
    assert.ok(stored.regulatorsReceivedAt, 'the regulators\' receipt is recorded');
    assert.equal(stored.grade, 'general', 'one serious injury: 一般 (R-ACC-1)');
    assert.ok(stored.recipients.some((r) => r.officeName.includes('应急管理局')), JSON.stringify(stored.recipients));
    assert.ok(stored.recipients.some((r) => r.officeName.includes('街道')), 'the subdistrict receives it too');
    await readable(principal.page, 'the accident reported up, on the principal\'s phone');
    await shot(principal.page, 'reported-up');

    // The inbox refreshes itself: the report arrives without a reload.
    await yjj.page.getByText(summary).waitFor({ timeout: 15_000 }).catch(async (e: unknown) => { await shot(yjj.page, 'inbox-failed'); throw e; });
    await readable(yjj.page, 'the emergency bureau\'s inbox');
    await shot(yjj.page, 'inbox');
    const sub = await as('guanshang', WIDE);
    await sub.page.goto(`${BASE}/accident-inbox`);
    await sub.page.getByText(summary).waitFor({ timeout: 15_000 });
  });

  test('the department officer finds the enterprise due for an interview and records it (R-RESP-8)', async () => {
    assert.ok(accidentId, 'the report of the first flow');
    const yjj = await as('yjj', WIDE);
    await yjj.page.goto(`${BASE}/accident-interviews`);
    const due = yjj.page.getByTestId('interviews-due');
    await due.getByText(summary).waitFor({ timeout: 15_000 });
    await readable(yjj.page, 'the interviews board');
    await due.getByText(summary).click();
    await yjj.page.getByTestId('accident-followup-page').waitFor();
    await yjj.page.getByTestId('record-interview').click();
    const drawer = yjj.page.getByTestId('interview-drawer');
    await yjj.page.getByTestId('interview-principal').fill('主要负责人');
    await yjj.page.getByTestId('interview-record').fill('约谈企业主要负责人，通报事故情况，要求立即开展全面隐患排查并落实整改。');
    await drawer.getByTestId('interview-drawer-ok').click();
    await drawer.waitFor({ state: 'hidden', timeout: 20_000 }).catch(async (e: unknown) => { await shot(yjj.page, 'interview-failed'); throw e; });
    await yjj.page.goto(`${BASE}/accident-interviews`);
    await yjj.page.getByTestId('accident-interviews-page').waitFor();
    await yjj.page.waitForLoadState('networkidle');
    assert.equal(await yjj.page.getByTestId('interviews-due').getByText(summary).count(), 0, 'the interview is no longer due');
    await shot(yjj.page, 'interviews');
  });

  test('a supplementary report with three deaths raises the grade to 较大 (R-ACC-1, R-ACC-3)', async () => {
    assert.ok(accidentId, 'the report of the first flow');
    const principal = await as('principal');
    await principal.page.goto(`${BASE}/enterprises/${enterpriseId}/accidents/${accidentId}`);
    await principal.page.getByTestId('open-supplement').click();
    const dialog = principal.page.locator('.ant-modal:visible');
    await formItem(principal.page, dialog, '死亡').locator('input').fill('3');
    await dialog.locator('.ant-btn-primary').click();
    await dialog.waitFor({ state: 'hidden', timeout: 20_000 }).catch(async (e: unknown) => { await shot(principal.page, 'supplement-failed'); throw e; });
    await principal.page.getByText('较大事故').first().waitFor({ timeout: 10_000 });
    const stored = await apiGet<Accident>(principal.page, `/enterprises/${enterpriseId}/accidents/${accidentId}`);
    assert.deepEqual([stored.grade, stored.deaths], ['larger', 3]);
    await readable(principal.page, 'the accident after its supplementary report');
    await shot(principal.page, 'supplement');
  });
});
