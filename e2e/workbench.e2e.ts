/**
 * Issue 10 §1: every demo role's home page opens with its to-do workbench, at 390 px (a phone) and at 1366 px, with
 * no raw message key on screen and no sideways scroll; a tile opens the list it counts, and that list's total is the
 * tile's number. A regulator's tile urges (催报) the enterprises that have not reported, once a day.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { assertReadable, assertTablesFit, BASE, launchChromium, PASSWORD, signIn } from './browser';

type DemoAccount = { username: string; role: string };
const demo = (await (await fetch(`${BASE}/api/v1/auth/demo-accounts`)).json()) as { accounts: DemoAccount[] };

const PHONE = { width: 390, height: 844 };
const WIDE = { width: 1366, height: 800 };

/** The open confirmation's OK button (a closed one stays in the page, hidden). */
async function confirmPopup(page: Page) {
  await page.locator('.ant-popover:not(.ant-popover-hidden) .ant-popconfirm-buttons .ant-btn-primary').click();
}


describe('the to-do workbench on every home page', () => {
  let browser: Browser;
  before(async () => { browser = await launchChromium(); });
  after(async () => { await browser?.close(); });

  for (const account of demo.accounts) {
    test(`${account.role} (${account.username}): the workbench at 390 px and 1366 px`, async () => {
      const { context, page, errors } = await signIn(browser, account.username, PHONE);
      try {
        await page.goto(`${BASE}/`);
        const bench = page.getByTestId('workbench');
        await bench.waitFor({ state: 'visible', timeout: 20_000 });
        await page.waitForLoadState('networkidle');
        await assertReadable(page, `${account.username} at 390 px`);
        await page.setViewportSize(WIDE);
        await page.waitForTimeout(300);
        await assertReadable(page, `${account.username} at 1366 px`);
        // The first tile with work opens its list, and the list shows as many as the tile said.
        const tiles = bench.locator('[data-testid^="workbench-"][data-count]');
        const n = await tiles.count();
        for (let i = 0; i < n; i++) {
          const tile = tiles.nth(i);
          const count = Number(await tile.getAttribute('data-count'));
          const key = (await tile.getAttribute('data-testid'))!.replace('workbench-', '');
          if (count === 0 || !key.startsWith('hazard.') || key.startsWith('hazard.reports')) continue;
          await tile.locator('a').first().click();
          const total = page.locator('.ant-pagination-total-text');
          await total.first().waitFor({ state: 'visible', timeout: 20_000 });
          await page.waitForLoadState('networkidle');
          assert.match(await total.first().innerText(), new RegExp(`共\\s*${count}\\s*条`), `${key} opens a list of ${count}`);
          await assertReadable(page, `${account.username}: the list of ${key}`);
          break;
        }
        assert.deepEqual(errors.map((e) => e.message), []);
      } finally {
        await context.close();
      }
    });
  }

  test('a worker on a phone works from the bottom tab bar: home, report, tasks, me; a safety manager has none', async () => {
    const { context, page, errors } = await signIn(browser, 'worker', PHONE);
    try {
      await page.getByTestId('bottom-tabs').waitFor({ state: 'visible', timeout: 20_000 });
      assert.equal(await page.getByTestId('bottom-tabs').locator('a').count(), 4);
      // The drawer leaves out what the bar already reaches: a short menu.
      await page.getByTestId('menu-toggle').click();
      await page.getByTestId('nav-drawer').getByTestId('side-menu').waitFor({ timeout: 20_000 });
      assert.equal(await page.getByTestId('nav-drawer').getByTestId('nav-checkTasks').count(), 0);
      assert.equal(await page.getByTestId('nav-drawer').getByTestId('nav-home').count(), 0);
      assert.ok(await page.getByTestId('nav-drawer').getByTestId('nav-notifications').count() > 0);
      await page.keyboard.press('Escape');
      await page.getByTestId('bottom-tab-tasks').click();
      await page.getByTestId('check-tasks-page').waitFor({ timeout: 20_000 });
      assert.equal(await page.getByTestId('bottom-tab-tasks').getAttribute('aria-current'), 'page');
      await page.getByTestId('bottom-tab-report').click();
      await page.getByTestId('hazard-report-page').waitFor({ timeout: 20_000 });
      await page.getByTestId('bottom-tab-me').click();
      await page.getByTestId('me-page').waitFor({ timeout: 20_000 });
      await page.getByTestId('me-reports').click();
      await page.getByTestId('my-reports-page').waitFor({ timeout: 20_000 });
      // The demo worker has reported hazards.
      await page.getByTestId('my-report').first().waitFor({ timeout: 20_000 });
      await assertReadable(page, 'the worker\'s 我上报的');
      // The bar does not cover the page's last element: the content leaves room for it.
      const overlap = Number(await page.evaluate(`(() => { const bar = document.querySelector('[data-testid=bottom-tabs]').getBoundingClientRect().top;
        window.scrollTo(0, document.body.scrollHeight); const items = document.querySelectorAll('[data-testid=my-report]');
        return items[items.length - 1].getBoundingClientRect().bottom - bar; })()`));
      assert.ok(overlap <= 0, `the last report is hidden under the bar by ${overlap} px`);
      assert.deepEqual(errors.map((e) => e.message), []);
    } finally {
      await context.close();
    }
    const manager = await signIn(browser, 'safety', PHONE);
    try {
      await manager.page.getByTestId('workbench').waitFor({ timeout: 20_000 });
      assert.equal(await manager.page.getByTestId('bottom-tabs').count(), 0);
    } finally {
      await manager.context.close();
    }
  });

  test('the workshop leader\'s risk tiles on his home page count what his ledger lists: his workshop, not the enterprise', async () => {
    const { context, page, errors } = await signIn(browser, 'leader', WIDE);
    try {
      const card = page.getByTestId('home-risk-card');
      // The figure, once loaded (a dash until then).
      await card.getByTestId('risk-count-total').filter({ hasText: /\d/ }).waitFor({ timeout: 20_000 });
      const tile = Number((await card.getByTestId('risk-count-total').innerText()).replace(/\D+/g, ' ').trim().split(' ').pop());
      await card.getByTestId('risk-count-total').click();
      await page.getByTestId('risk-ledger').waitFor({ timeout: 20_000 });
      const total = page.locator('.ant-pagination-total-text').first();
      await total.waitFor({ timeout: 20_000 });
      assert.equal(await total.innerText(), `共 ${tile} 条`, 'the tile and the list agree');
      // His ledger is narrower than the enterprise's: the safety manager's tile counts more.
      const manager = await (await fetch(`${BASE}/api/v1/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'safety', password: PASSWORD }) })).headers.getSetCookie();
      const cookie = manager.map((c) => c.split(';')[0]).join('; ');
      const me = await (await page.request.get(`${BASE}/api/v1/auth/me`)).json() as { scope: { enterpriseId: string } };
      const all = await (await fetch(`${BASE}/api/v1/enterprises/${me.scope.enterpriseId}/risk-summary`, { headers: { cookie } })).json() as { total: number };
      assert.ok(all.total > tile, `the enterprise has ${all.total} points, the leader's workshop ${tile}`);
      assert.deepEqual(errors.map((e) => e.message), []);
    } finally {
      await context.close();
    }
  });

  test('at 1366 px the ledgers and lists show every column without scrolling sideways', async () => {
    for (const [user, paths] of [['safety', ['/risk', '/hazards', '/employees']], ['guanshang', ['/risk/overview', '/hazards', '/enterprises', '/major-hazards']]] as const) {
      const { context, page, errors } = await signIn(browser, user, WIDE);
      try {
        for (const p of paths) {
          await page.goto(`${BASE}${p}`);
          await page.locator('.ant-table-tbody tr.ant-table-row, .ant-table-tbody tr.ant-table-placeholder').first().waitFor({ timeout: 20_000 });
          await page.waitForLoadState('networkidle');
          await assertTablesFit(page, `${user} ${p}`);
        }
        assert.deepEqual(errors.map((e) => e.message), []);
      } finally {
        await context.close();
      }
    }
  });

  test('an insurer follows its own reports under 我上报的, from the menu', async () => {
    const { context, page, errors } = await signIn(browser, 'insurer', WIDE);
    try {
      await page.getByTestId('workbench-hazard.myReports').waitFor({ timeout: 20_000 });
      await page.getByTestId('workbench-hazard.myReports').locator('a').click();
      await page.getByTestId('my-reports-page').waitFor({ timeout: 20_000 });
      await page.waitForLoadState('networkidle');
      await assertReadable(page, 'the insurer\'s 我上报的');
      assert.deepEqual(errors.map((e) => e.message), []);
    } finally {
      await context.close();
    }
  });

  test('the subdistrict officer urges the enterprises without last month\'s double report; the tile then says it was urged today', async () => {
    const { context, page } = await signIn(browser, 'guanshang', WIDE);
    try {
      const tile = page.getByTestId('workbench-hazard.reportsMissing');
      await tile.waitFor({ state: 'visible', timeout: 20_000 });
      const count = Number(await tile.getAttribute('data-count'));
      assert.ok(count > 0, 'the demo has enterprises that have not reported last month');
      await page.getByTestId('workbench-urge-hazard.reportsMissing').click();
      await confirmPopup(page);
      await page.locator('.ant-message').getByText(`已向 ${count} 家企业催报`).waitFor({ timeout: 20_000 });
      // Urged today: the tile says so and offers no second urge until tomorrow.
      await page.getByTestId('workbench-urged-hazard.reportsMissing').waitFor({ timeout: 20_000 });
      assert.equal(await page.getByTestId('workbench-urge-hazard.reportsMissing').count(), 0);
      assert.match(await page.getByTestId('workbench-urged-hazard.reportsMissing').innerText(), /今日已催报/);
    } finally {
      await context.close();
    }
  });
});
