/**
 * Issue 10 §2: a regulator's one-page enterprise file. From the risk overview (ranked riskiest first) the subdistrict
 * officer drills into an enterprise and lands on a page that names it in its header and breadcrumb, keeps 风险监管 lit
 * in the menu, and has tabs for the profile, risk, hazards, check completion, reports and major hazards — each
 * readable at 1366 px and at 390 px without a raw key or a sideways scroll.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Browser } from 'playwright-core';
import { assertReadable, BASE, launchChromium, signIn } from './browser';

const TABS = ['risk', 'hazards', 'checks', 'reports', 'major'] as const;


describe('a regulator\'s enterprise file', () => {
  let browser: Browser;
  before(async () => { browser = await launchChromium(); });
  after(async () => { await browser?.close(); });

  test('the subdistrict officer drills from the risk overview into the riskiest enterprise and reads every tab', async () => {
    const { context, page, errors } = await signIn(browser, 'guanshang', { width: 1366, height: 800 });
    try {
      // The overview's first row is the riskiest enterprise, as the API ranks it by default.
      const ranked = await (await page.request.get(`${BASE}/api/v1/risk/overview?pageSize=5`)).json() as { items: { enterpriseId: string; name: string }[] };
      await page.goto(`${BASE}/risk/overview`);
      const first = page.getByTestId('overview-enterprise').first();
      await first.waitFor({ state: 'visible', timeout: 20_000 });
      assert.equal(await first.innerText(), ranked.items[0]!.name);
      await first.click();
      await page.getByTestId('enterprise-detail-page').waitFor({ timeout: 20_000 });
      assert.match(page.url(), new RegExp(`/risk/overview/${ranked.items[0]!.enterpriseId}$`));
      assert.equal(await page.getByTestId('enterprise-name').innerText(), ranked.items[0]!.name);
      assert.match(await page.getByTestId('breadcrumb').innerText(), new RegExp(`风险监管[\\s\\S]*${ranked.items[0]!.name}`));
      assert.equal(await page.locator('.ant-menu-item-selected').innerText(), '风险监管');
      // The risk tab is open first: the ledger of that enterprise.
      await page.locator('.ant-tabs-tab-active').getByText('风险管控').waitFor();
      for (const tab of TABS) {
        await page.getByTestId(`enterprise-tab-${tab}`).click();
        await page.waitForLoadState('networkidle');
        await page.waitForTimeout(200);
        await assertReadable(page, `tab ${tab} at 1366 px`);
      }
      await page.setViewportSize({ width: 390, height: 844 });
      for (const tab of TABS) {
        await page.goto(`${BASE}/risk/overview/${ranked.items[0]!.enterpriseId}?tab=${tab}`);
        await page.getByTestId('enterprise-detail-page').waitFor({ timeout: 20_000 });
        await page.waitForLoadState('networkidle');
        await page.waitForTimeout(200);
        await assertReadable(page, `tab ${tab} at 390 px`);
      }
      assert.deepEqual(errors.map((e) => e.message), []);
    } finally {
      await context.close();
    }
  });
});
