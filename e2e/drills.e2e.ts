/**
 * Issue 14, browser flow of a drill (R-EMG-2, R-RESP-5): a drill record fulfils the yearly drill duty.
 * - Arrange: the demo plant's principal already led this year's comprehensive drill, which fulfilled the yearly duty.
 *   The safety manager voids that record through the API (the way a wrong record is undone: its duties reopen), so the
 *   yearly duty of this year is open again, as the duty calendar shows;
 * - the principal, on his phone, records a drill of the comprehensive (or a special) plan: scenario, time, place, himself
 *   as organiser and the participants who signed in; then the evaluation (what worked, problems found);
 * - the yearly drill duty of the year shows as fulfilled on the duty calendar, linked to the new record, and so does the
 *   principal's own "ten ones" drill (he organised it).
 * The demo ends as it began: this year's duties fulfilled by a principal-led drill. Run by e2e/run.ts
 * (`npm run test:e2e -- drills`).
 */
import assert from 'node:assert/strict';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { Browser, Locator, Page } from 'playwright-core';
import { apiGet, assertReadable, BASE, choose, formItem, launchChromium, signIn, type SignedIn } from './browser';

assert.ok(BASE, 'E2E_BASE_URL is not set: run the browser tests with `npm run test:e2e`');

const SCREENSHOTS = process.env.E2E_SCREENSHOTS ?? path.resolve('e2e/screenshots');
const PHONE = { width: 390, height: 844 };
const YEARLY = 'emergency.drill.yearly';

/** Message keys of the modules this flow uses, which must never reach the screen as text. */
const MODULE_KEYS = ['drill', 'drills', 'obligation', 'common', 'validation', 'nav', 'navGroup'];

type Duty = { periodKey: string; status: string; dueOn: string | null; drillId: string | null };
type DrillPlan = { year: number; yearly: Duty; principal: Duty; plans: { id: string; kind: string; title: string; status: string }[] };
type Drill = { id: string; version: number; status: string; byPrincipal: boolean; organiserName: string; participants: { name: string }[]; evaluatedAt: string | null };

const readable = (page: Page, what: string) => assertReadable(page, what, MODULE_KEYS);

async function shot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: path.join(SCREENSHOTS, `drills-${name}.png`) });
}

/** A POST of the API from inside the signed-in page (its session cookie and CSRF token). */
async function apiPost<T>(page: Page, url: string, body: unknown): Promise<T> {
  const me = await apiGet<{ csrfToken: string }>(page, '/auth/me');
  const res = await page.request.post(`${BASE}/api/v1${url}`, { headers: { 'x-csrf-token': me.csrfToken }, data: body });
  assert.ok(res.ok(), `POST ${url}: ${res.status()} ${await res.text()}`);
  return (await res.json()) as T;
}

/** Types a name into a roster picker (it searches the server) and takes the person; the dropdown is closed after. */
async function pickPerson(page: Page, scope: Locator, testId: string, name: string): Promise<void> {
  const field = scope.getByTestId(testId);
  for (let attempt = 0; ; attempt++) {
    await field.click();
    await field.locator('input').fill(name);
    const option = page.locator('.ant-select-dropdown:visible .ant-select-item-option').filter({ hasText: name }).first();
    try {
      await option.waitFor({ state: 'visible', timeout: 10_000 });
      await option.click();
      await field.locator('.ant-select-selection-item, .ant-select-content-has-value').filter({ hasText: name }).first().waitFor({ timeout: 5_000 });
      break;
    } catch (e) {
      if (attempt >= 3) throw e;
    }
  }
  await page.keyboard.press('Escape');
}

/** Sets a date-time picker (read-only on a phone) to now through its panel, as a person would. */
async function pickNow(page: Page, scope: Locator, testId: string): Promise<void> {
  await scope.getByTestId(testId).click();
  const panel = page.locator('.ant-picker-dropdown:visible');
  const now = panel.locator('.ant-picker-now-btn');
  // A loaded machine can leave the opening panel "not stable" (still sliding in) past any wait: the button is then
  // pressed where it is rather than where it will come to rest.
  await now.click({ timeout: 5_000 }).catch(() => now.dispatchEvent('click'));
  const ok = panel.locator('.ant-picker-ok button');
  if (await ok.isVisible().catch(() => false) && await ok.isEnabled()) await ok.click();
  await page.locator('.ant-picker-dropdown:visible').waitFor({ state: 'hidden', timeout: 5_000 }).catch(() => page.keyboard.press('Escape'));
}

/** The yearly drill duty's card on the duty calendar (its month, filtered to that duty, as a list on the phone). */
async function yearlyCard(page: Page, dueOn: string): Promise<Locator> {
  await page.goto(`${BASE}/duties/calendar?month=${dueOn.slice(0, 7)}&view=list&rule=${YEARLY}`);
  await page.getByTestId('duty-calendar').waitFor({ timeout: 20_000 });
  await page.waitForLoadState('networkidle');
  const card = page.getByTestId('duty-card');
  await card.first().waitFor({ timeout: 20_000 });
  assert.equal(await card.count(), 1, 'one yearly drill duty in its month');
  return card.first();
}

describe('a drill record fulfils the yearly drill duty (R-EMG-2)', () => {
  let browser: Browser;
  const open: SignedIn[] = [];
  const stamp = Date.now().toString(36).slice(-5);
  const scenario = `二车间溶剂储罐泄漏着火，启动公司级应急响应，疏散、堵漏和灭火 ${stamp}`;

  before(async () => { browser = await launchChromium(); });
  after(async () => {
    for (const s of open) assert.deepEqual(s.errors.map((e) => e.message), [], 'no page errors');
    for (const s of open) await s.context.close();
    await browser?.close();
  });

  test('the principal records a drill on his phone and the year\'s drill duty shows fulfilled', async () => {
    // The district's clock: "now" picked on the phone is the server's now.
    const principal = await signIn(browser, 'principal', PHONE, { timezoneId: 'Asia/Shanghai' });
    open.push(principal);
    const { page } = principal;
    const eid = (await apiGet<{ scope: { enterpriseId: string } }>(page, '/auth/me')).scope.enterpriseId;
    const plan0 = await apiGet<DrillPlan>(page, `/enterprises/${eid}/drill-plan`);
    assert.ok(plan0.yearly.dueOn, 'the plant owes a yearly drill');

    // Arrange: undo the demo's drills that fulfilled this year's duties, by voiding them as the safety manager.
    const safety = await signIn(browser, 'safety', { width: 1366, height: 800 });
    open.push(safety);
    const organisers: string[] = [];
    const participants: string[] = [];
    for (const drillId of new Set([plan0.yearly.drillId, plan0.principal.drillId].filter((x): x is string => !!x))) {
      const d = await apiGet<Drill>(safety.page, `/enterprises/${eid}/drills/${drillId}`);
      organisers.push(d.organiserName);
      participants.push(...d.participants.map((p) => p.name));
      await apiPost(safety.page, `/enterprises/${eid}/drills/${drillId}/void`, { reason: '浏览器测试：改由重新记录的演练履职', version: d.version });
    }
    const plan1 = await apiGet<DrillPlan>(page, `/enterprises/${eid}/drill-plan`);
    assert.ok(!plan1.yearly.status.endsWith('fulfilled'), `the yearly duty is open again: ${plan1.yearly.status}`);
    const before1 = await yearlyCard(page, plan0.yearly.dueOn);
    assert.ok(!(await before1.getAttribute('data-status'))!.endsWith('fulfilled'), 'the calendar shows the duty open');
    await readable(page, 'the duty calendar on the phone, before');

    // The principal's own name on the roster: he organised the demo's yearly drill.
    const me = organisers[0] ?? (await apiGet<{ items: { name: string }[] }>(page, `/enterprises/${eid}/employees?status=active&pageSize=1`)).items[0]!.name;
    const others = [...new Set(participants)].filter((n) => n !== me).slice(0, 2);
    const covered = plan1.plans.find((p) => p.kind === 'comprehensive' && p.status !== 'withdrawn') ?? plan1.plans.find((p) => p.kind === 'special');
    assert.ok(covered, `a comprehensive or special plan to drill: ${JSON.stringify(plan1.plans)}`);

    // Act: the principal records the drill on his phone.
    await page.goto(`${BASE}/enterprises/${eid}/drills`);
    await page.getByTestId('drill-plan-view').waitFor({ timeout: 20_000 });
    await page.waitForLoadState('networkidle');
    await readable(page, 'the drill plan on the phone');
    await page.getByTestId('drill-plan-record').click();
    const form = page.getByTestId('drill-form');
    await form.waitFor({ state: 'visible', timeout: 20_000 });
    await choose(page, 'drill-plan', covered.title, { scope: form });
    await page.getByTestId('drill-scenario').fill(scenario);
    await pickNow(page, form, 'drill-started-at');
    await pickNow(page, form, 'drill-ended-at');
    await formItem(page, form, '地点').locator('input').fill('二车间及东侧应急集合点');
    await pickPerson(page, form, 'drill-organiser', me);
    for (const name of [me, ...others]) await pickPerson(page, form, 'drill-participants', name);
    await readable(page, 'the drill form on the phone');
    await shot(page, 'form');
    await page.getByTestId('drill-form-ok').click();
    await page.waitForURL(/\/drills\/[0-9a-f-]{36}$/, { timeout: 20_000 }).catch(async (e: unknown) => { await shot(page, 'record-failed'); throw e; });
    const drillId = /\/drills\/([0-9a-f-]{36})$/.exec(page.url())![1]!;
    await page.getByTestId('drill-detail').waitFor({ timeout: 20_000 });
    assert.match(await page.getByTestId('drill-detail').innerText(), new RegExp(stamp));

    // The evaluation: what worked and the problems found.
    await page.getByTestId('drill-evaluate-open').click();
    const evaluation = page.getByTestId('drill-evaluate');
    await evaluation.waitFor({ state: 'visible', timeout: 20_000 });
    await page.getByTestId('drill-went-well').fill('报警及时，指挥部 5 分钟内成立；疏散有序，10 分钟完成清点。');
    await formItem(page, evaluation, '发现的问题').locator('textarea').fill('部分员工不熟悉集合点位置。');
    await page.getByTestId('drill-evaluate-ok').click();
    await evaluation.waitFor({ state: 'hidden', timeout: 20_000 }).catch(async (e: unknown) => { await shot(page, 'evaluate-failed'); throw e; });
    await page.getByText('部分员工不熟悉集合点位置。').waitFor({ timeout: 10_000 });
    await readable(page, 'the recorded drill on the phone');
    await shot(page, 'detail');

    const drill = await apiGet<Drill>(page, `/enterprises/${eid}/drills/${drillId}`);
    assert.ok(drill.evaluatedAt, 'the evaluation is stored');
    assert.equal(drill.participants.length, 1 + others.length, 'the participants who signed in');
    const plan2 = await apiGet<DrillPlan>(page, `/enterprises/${eid}/drill-plan`);
    assert.deepEqual([plan2.yearly.status, plan2.yearly.drillId], ['fulfilled', drillId], 'the new record fulfils the yearly drill duty');
    assert.deepEqual([drill.byPrincipal, plan2.principal.status], [true, 'fulfilled'], 'organised by the principal: his own drill duty too');

    // Assert what the person sees: the yearly duty on the calendar is fulfilled.
    const after1 = await yearlyCard(page, plan0.yearly.dueOn);
    assert.equal(await after1.getAttribute('data-status'), 'fulfilled');
    await readable(page, 'the duty calendar on the phone, after');
    await shot(page, 'calendar');
  });
});
