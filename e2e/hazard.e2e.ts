/**
 * The hidden-hazard loop on a 390 px phone (issue 4): the team leader runs a post check card and fails one item with
 * a photo; the safety manager confirms the hazard it opened and assigns it to the leader; the leader submits with an
 * after-photo; the safety manager — not the rectifier — accepts and closes it; the dashboard counts move.
 * Run by e2e/run.ts, which starts the server and passes its address in E2E_BASE_URL.
 */
import assert from 'node:assert/strict';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { Browser, Locator, Page } from 'playwright-core';
import { BASE, launchChromium, png, signIn, type SignedIn } from './browser';

const SCREENSHOTS = process.env.E2E_SCREENSHOTS ?? path.resolve('e2e/screenshots');
const PHONE = { width: 390, height: 844 };

assert.ok(BASE, 'E2E_BASE_URL is not set: run the browser tests with `npm run test:e2e`');

type Totals = { found: number; closed: number; open: number };
type Session = SignedIn & { csrf: string; enterpriseId: string; userId: string };

/** A small real PNG (a colour gradient), as a phone camera would hand over a JPEG. */
function photoPng(width: number, height: number, [r, g, b]: [number, number, number]): Buffer {
  return png(width, height, (x, y) => [r, (g + x * 3) & 0xff, (b + y * 3) & 0xff]);
}

describe('hazard loop on a phone', () => {
  let browser: Browser;
  const sessions: Session[] = [];

  before(async () => {
    browser = await launchChromium();
  });
  after(async () => {
    for (const s of sessions) await s.context.close();
    await browser?.close();
  });

  /** One phone per person, signed in once through the login page (logins are rate limited per address). */
  async function phoneOf(username: string): Promise<Session> {
    // The district's clock: a deadline picked as "today" is never before the server's (UTC) today.
    const { context, page, errors } = await signIn(browser, username, PHONE, { timezoneId: 'Asia/Shanghai' });
    const meRes = await page.request.get(`${BASE}/api/v1/auth/me`);
    assert.equal(meRes.status(), 200);
    const me = (await meRes.json()) as { id: string; csrfToken: string; scope: { enterpriseId: string | null } };
    assert.ok(me.scope.enterpriseId, `${username} belongs to an enterprise`);
    const s = { context, page, errors, csrf: me.csrfToken, enterpriseId: me.scope.enterpriseId, userId: me.id };
    sessions.push(s);
    return s;
  }

  /** The whole page, or only the screen when a drawer is open (a full-page shot would cut it in two). */
  async function shot(page: Page, name: string, fullPage = true): Promise<void> {
    await page.waitForLoadState('networkidle');
    await page.screenshot({ path: path.join(SCREENSHOTS, `hazard-${name}.png`), fullPage });
  }

  async function noSidewaysScroll(page: Page, where: string): Promise<void> {
    // A string expression: the server-side tsconfig has no DOM types.
    const overflow = Number(await page.evaluate('document.documentElement.scrollWidth - window.innerWidth'));
    assert.ok(overflow <= 1, `${where} is ${overflow}px wider than the 390px screen`);
  }

  /** The dashboard's tiles, as the safety manager's phone shows them. */
  async function dashboard(s: Session, name: string): Promise<Totals> {
    await s.page.goto(`${BASE}/hazard-stats`);
    const value = async (key: string) => {
      const tile = s.page.getByTestId(`hazard-stat-${key}`);
      await tile.waitFor({ state: 'visible' });
      return Number(await tile.getAttribute('data-value'));
    };
    const totals = { found: await value('found'), closed: await value('closed'), open: await value('open') };
    await shot(s.page, name);
    return totals;
  }

  async function hazardStatus(page: Page, status: string): Promise<void> {
    await page.locator(`[data-testid=hazard-detail-page][data-status=${status}]`).waitFor({ state: 'visible', timeout: 30_000 });
  }

  /** Picks today in an antd date picker; a click that lands while the panel is still opening is tried again. */
  async function pickToday(page: Page, input: Locator): Promise<void> {
    for (let attempt = 0; attempt < 3; attempt++) {
      await input.click();
      const today = page.locator('.ant-picker-dropdown:visible .ant-picker-cell-today');
      await today.waitFor({ state: 'visible' });
      await today.click();
      for (let i = 0; i < 20 && !(await input.inputValue()); i++) await page.waitForTimeout(100);
      if (await input.inputValue()) {
        // Let the panel finish closing before anything else is tapped or photographed.
        await page.waitForTimeout(400);
        return;
      }
    }
    assert.fail('could not pick today in the date picker');
  }

  /** Names the step a failure happened in and keeps what each phone showed then. */
  let step = 'start';
  async function failed(err: unknown): Promise<never> {
    for (const [i, s] of sessions.entries()) {
      await s.page.screenshot({ path: path.join(SCREENSHOTS, `hazard-failure-${i}.png`), fullPage: true }).catch(() => undefined);
    }
    throw new Error(`hazard loop failed at step "${step}": ${err instanceof Error ? err.message : String(err)}`, { cause: err });
  }

  test('a failed check item becomes a hazard that is rectified with proof and closed by someone else', async () => {
    try {
      await loop();
    } catch (err) {
      await failed(err);
    }
  });

  async function loop(): Promise<void> {
    step = 'sign in';
    const safety = await phoneOf('safety');
    const leader = await phoneOf('leader');
    assert.equal(leader.enterpriseId, safety.enterpriseId);
    const eid = safety.enterpriseId;

    step = 'dashboard before';
    const before = await dashboard(safety, '01-dashboard-before');

    step = 'arrange a plan';
    // Arrange: a post check card and a plan that puts this week's task on the leader (creating a plan opens its task).
    const cards = await safety.page.request.get(`${BASE}/api/v1/enterprises/${eid}/checklists?level=post`);
    assert.equal(cards.status(), 200);
    const card = ((await cards.json()) as { items: { id: string; name: string; itemCount: number }[] }).items.find((c) => c.itemCount >= 2);
    assert.ok(card, 'the demo enterprise has a post check card');
    const planRes = await safety.page.request.post(`${BASE}/api/v1/enterprises/${eid}/check-plans`, {
      headers: { 'x-csrf-token': safety.csrf },
      data: { name: '班组长岗位检查（浏览器测试）', type: 'daily', cycle: 'weekly', checklistId: card.id, assigneeUserId: leader.userId, startsOn: '2020-01-01' },
    });
    assert.equal(planRes.status(), 201, await planRes.text());
    const plan = (await planRes.json()) as { id: string; taskCounts: { open: number } };
    assert.equal(plan.taskCounts.open, 1, 'the plan opened the current period’s task');

    step = 'leader runs the check card';
    // 1. The team leader finds the task under 我的检查任务, fails the first item with a photo, passes the rest.
    await leader.page.goto(`${BASE}/check-tasks`);
    // The leader may have other tasks on the same card (his unit's posts): this plan's task is the one.
    const task = leader.page.locator(`[data-testid=check-task-link][data-plan-id="${plan.id}"][data-can-run=true]`);
    await task.waitFor({ state: 'visible' });
    await noSidewaysScroll(leader.page, 'the task list');
    await shot(leader.page, '02-leader-tasks');
    await task.click();
    await leader.page.getByTestId('check-task-page').waitFor({ state: 'visible' });
    const items = leader.page.getByTestId('check-item');
    assert.equal(await items.count(), card.itemCount);
    const first = items.first();
    await first.getByTestId('check-fail').click();
    await first.getByTestId('check-fail-note').fill('防护罩缺失，转动部位外露');
    await first.getByTestId('check-fail-photo').setInputFiles({ name: 'before.png', mimeType: 'image/png', buffer: photoPng(96, 72, [210, 40, 40]) });
    await first.getByTestId('check-fail-photo-thumbs').locator('img').first().waitFor({ state: 'visible' });
    await leader.page.getByTestId('check-pass-rest').click();
    await leader.page.getByTestId('check-pass-rest-ok').click();
    await noSidewaysScroll(leader.page, 'the check card');
    await shot(leader.page, '03-leader-check-card');
    const [runRes] = await Promise.all([
      leader.page.waitForResponse((r) => r.url().includes('/check-tasks/') && r.url().endsWith('/run')),
      leader.page.getByTestId('check-submit').click(),
    ]);
    assert.equal(runRes.status(), 200, 'the run is one request that succeeds');
    assert.match(runRes.request().headers()['content-type'] ?? '', /^multipart\/form-data/);
    await leader.page.getByTestId('check-run-done').waitFor({ state: 'visible' });
    const created = leader.page.getByTestId('check-run-hazard');
    assert.equal(await created.count(), 1, 'one failed item, one hazard');
    const code = (await created.innerText()).trim();
    assert.match(code, /^YH-\d{4}-\d{4}$/);
    await shot(leader.page, '04-leader-check-done');
    await created.click();
    await hazardStatus(leader.page, 'reported');
    const hazardUrl = leader.page.url();
    assert.equal(await leader.page.getByTestId('hazard-photos-before').locator('img').count(), 1, 'the failure photo is the before-photo');

    step = 'safety confirms and assigns';
    // 2. The safety manager finds it under 待确认, confirms it as a general hazard and assigns it to the leader.
    await safety.page.goto(`${BASE}/hazards`);
    await safety.page.getByTestId('hazard-tab-reported').click();
    const row = safety.page.getByTestId('hazard-link').filter({ hasText: code });
    await row.waitFor({ state: 'visible' });
    await shot(safety.page, '05-safety-ledger');
    await row.click();
    await hazardStatus(safety.page, 'reported');
    await safety.page.getByTestId('hazard-action-confirm').click();
    await safety.page.getByTestId('hazard-confirm-form-ok').click();
    await hazardStatus(safety.page, 'confirmed');
    await safety.page.getByTestId('hazard-action-assign').click();
    const assign = safety.page.getByTestId('hazard-assign-form');
    await assign.getByTestId('hazard-rectifier-select').click();
    await safety.page.keyboard.type('leader');
    await safety.page.locator('.ant-select-item-option').filter({ hasText: 'leader' }).first().click();
    await assign.getByTestId('hazard-assign-measures').fill('加装防护罩，班前检查确认');
    await pickToday(safety.page, assign.locator('input#deadline'));
    await shot(safety.page, '06-safety-assign', false);
    await safety.page.getByTestId('hazard-assign-form-ok').click();
    await hazardStatus(safety.page, 'rectifying');
    // The manager cannot submit for the rectifier.
    assert.equal(await safety.page.getByTestId('hazard-action-submit').count(), 0);

    step = 'leader submits with an after-photo';
    // 3. The leader, now the rectifier, submits with an after-photo; nothing is offered to accept his own work.
    await leader.page.goto(`${BASE}/hazards?tab=mine`);
    await leader.page.getByTestId('hazard-link').filter({ hasText: code }).click();
    await hazardStatus(leader.page, 'rectifying');
    await leader.page.getByTestId('hazard-action-submit').click();
    const submit = leader.page.getByTestId('hazard-submit-form');
    // Without an after-photo the form refuses.
    await leader.page.getByTestId('hazard-submit-form-ok').click();
    await submit.locator('.ant-form-item-explain-error').first().waitFor({ state: 'visible' });
    await submit.getByTestId('hazard-after-photo').setInputFiles({ name: 'after.png', mimeType: 'image/png', buffer: photoPng(96, 72, [30, 170, 70]) });
    await submit.getByTestId('hazard-after-photo-thumbs').locator('img').first().waitFor({ state: 'visible' });
    await submit.getByTestId('hazard-submit-note').fill('已加装防护罩');
    await shot(leader.page, '07-leader-submit', false);
    await leader.page.getByTestId('hazard-submit-form-ok').click();
    await hazardStatus(leader.page, 'submitted');
    assert.equal(await leader.page.getByTestId('hazard-action-accept').count(), 0, 'the rectifier is not offered acceptance');

    step = 'safety accepts';
    // 4. The safety manager, a different person, accepts and closes it.
    await safety.page.goto(hazardUrl);
    await hazardStatus(safety.page, 'submitted');
    await safety.page.getByTestId('hazard-action-accept').click();
    await safety.page.getByTestId('hazard-accept-form-note').fill('现场复查，防护罩安装牢固');
    await safety.page.getByTestId('hazard-accept-form-ok').click();
    await hazardStatus(safety.page, 'closed');
    assert.equal(await safety.page.getByTestId('hazard-photos-after').locator('img').count(), 1);
    const events = safety.page.getByTestId('hazard-event');
    const ops: (string | null)[] = [];
    for (let i = 0; i < await events.count(); i++) ops.push(await events.nth(i).getAttribute('data-op'));
    assert.deepEqual(ops, ['accept', 'submit', 'assign', 'confirm', 'report'], 'the history, newest first');
    await noSidewaysScroll(safety.page, 'the hazard page');
    await shot(safety.page, '08-closed');

    step = 'dashboard after';
    // 5. The dashboard moved: one more found and one more closed; the open count is back where it was.
    const afterTotals = await dashboard(safety, '09-dashboard-after');
    assert.equal(afterTotals.found, before.found + 1, 'found');
    assert.equal(afterTotals.closed, before.closed + 1, 'closed');
    assert.equal(afterTotals.open, before.open, 'open');

    for (const s of sessions) assert.deepEqual(s.errors.map((e) => e.message), []);
  }
});
