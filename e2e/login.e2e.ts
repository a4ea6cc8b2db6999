/**
 * Every demo account logs in through the login page, lands in the app frame with its scope in the header, and
 * leaves a screenshot (desktop 1280×800; phone 390×844 for the employee and the subdistrict officer). The
 * subdistrict officer's enterprise directory lists only enterprises of that subdistrict.
 * Run by e2e/run.ts, which starts the server and passes its address in E2E_BASE_URL.
 */
import assert from 'node:assert/strict';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';

type DemoAccount = { username: string; password: string; role: string; roleName: string; displayName: string; scopeName: string };
type EnterpriseItem = { id: string; name: string; subdistrictId: string; subdistrictName: string };

const BASE = process.env.E2E_BASE_URL ?? '';
const SCREENSHOTS = process.env.E2E_SCREENSHOTS ?? path.resolve('e2e/screenshots');
const CHROMIUM = '/usr/bin/chromium';
const DESKTOP = { width: 1280, height: 800 };
const PHONE = { width: 390, height: 844 };
const PHONE_ROLES = new Set(['employee', 'subdistrict_officer']);

assert.ok(BASE, 'E2E_BASE_URL is not set: run the browser tests with `npm run test:e2e`');

const demoRes = await fetch(`${BASE}/api/v1/auth/demo-accounts`);
assert.equal(demoRes.status, 200);
const demo = (await demoRes.json()) as { enabled: boolean; accounts: DemoAccount[] };

/** Logs in through the API (no browser) and returns the session cookie, for cross-checking what a page shows. */
async function apiSession(username: string, password: string): Promise<string> {
  const res = await fetch(`${BASE}/api/v1/auth/login`, {
    method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username, password }),
  });
  assert.equal(res.status, 200, `API login of ${username}`);
  const cookie = res.headers.getSetCookie().find((c) => c.startsWith('sd_session='));
  assert.ok(cookie, 'login sets the sd_session cookie');
  return cookie.split(';')[0]!;
}

async function apiEnterprises(cookie: string): Promise<{ items: EnterpriseItem[]; total: number }> {
  const res = await fetch(`${BASE}/api/v1/enterprises?page=1&pageSize=100&sort=name`, { headers: { cookie } });
  assert.equal(res.status, 200);
  return (await res.json()) as { items: EnterpriseItem[]; total: number };
}

describe('demo accounts in the browser', () => {
  let browser: Browser;
  const shotNames = new Set<string>();

  before(async () => {
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      headless: true,
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
        '--disable-sync', '--no-first-run', '--disable-quic'],
    });
  });
  after(async () => {
    await browser?.close();
  });

  /** A fresh context per login, so sessions never leak from one account to the next. */
  async function loggedIn(account: DemoAccount, viewport: { width: number; height: number }): Promise<{ context: BrowserContext; page: Page; errors: Error[] }> {
    const phone = viewport.width < 768;
    const context = await browser.newContext({ viewport, locale: 'zh-CN', isMobile: phone, hasTouch: phone, deviceScaleFactor: 1 });
    const page = await context.newPage();
    const errors: Error[] = [];
    page.on('pageerror', (err) => errors.push(err));
    await page.goto(`${BASE}/login`);
    await page.getByTestId('login-username').fill(account.username);
    await page.getByTestId('login-password').fill(account.password);
    await page.getByTestId('login-submit').click();
    await page.locator('[data-testid=app-layout]').waitFor({ state: 'visible', timeout: 20_000 });
    await page.waitForLoadState('networkidle');
    return { context, page, errors };
  }

  function shotPath(account: DemoAccount, suffix = ''): string {
    let name = `${account.role}${suffix}`;
    if (shotNames.has(name)) name = `${account.role}-${account.username}${suffix}`;
    shotNames.add(name);
    return path.join(SCREENSHOTS, `${name}.png`);
  }

  test('the login page lists the demo accounts', async () => {
    assert.equal(demo.enabled, true);
    const roles = new Set(demo.accounts.map((a) => a.role));
    for (const role of ['district_admin', 'department_officer', 'subdistrict_officer', 'enterprise_principal', 'safety_manager',
      'unit_leader', 'employee', 'insurer_staff', 'service_staff']) {
      assert.ok(roles.has(role), `a demo account for ${role}`);
    }
  });

  for (const account of demo.accounts) {
    test(`${account.username} (${account.roleName}) logs in and sees the scope ${account.scopeName}`, async () => {
      const { context, page, errors } = await loggedIn(account, DESKTOP);
      try {
        assert.doesNotMatch(new URL(page.url()).pathname, /^\/(login|change-password)/);
        const scope = page.getByTestId('user-role-scope');
        await scope.waitFor({ state: 'visible' });
        assert.match(await scope.innerText(), new RegExp(escapeRegExp(account.scopeName)));
        await page.screenshot({ path: shotPath(account) });
        assert.deepEqual(errors.map((e) => e.message), []);
      } finally {
        await context.close();
      }
    });
  }

  for (const account of demo.accounts.filter((a) => PHONE_ROLES.has(a.role))) {
    test(`${account.username} (${account.roleName}) works on a 390 px phone`, async () => {
      const { context, page, errors } = await loggedIn(account, PHONE);
      try {
        // Nothing may stick out sideways on a phone: the page itself must not scroll horizontally.
        // A string expression, because the server-side tsconfig has no DOM types.
        const overflow = Number(await page.evaluate('document.documentElement.scrollWidth - window.innerWidth'));
        assert.ok(overflow <= 1, `page is ${overflow}px wider than the 390px screen`);
        await page.screenshot({ path: shotPath(account, '-mobile') });
        // The compact header keeps the scope in the user menu.
        await page.getByTestId('user-menu').click();
        const scope = page.getByTestId('user-scope');
        await scope.waitFor({ state: 'visible' });
        assert.match(await scope.innerText(), new RegExp(escapeRegExp(account.scopeName)));
        assert.deepEqual(errors.map((e) => e.message), []);
      } finally {
        await context.close();
      }
    });
  }

  test('the subdistrict officer’s enterprise directory lists only that subdistrict’s enterprises', async () => {
    const officer = demo.accounts.find((a) => a.role === 'subdistrict_officer');
    const admin = demo.accounts.find((a) => a.role === 'district_admin');
    assert.ok(officer && admin);
    // Logins are rate limited per IP: the officer's API view reuses the browser's session, only the admin's needs one.
    const all = await apiEnterprises(await apiSession(admin.username, admin.password));
    const { context, page, errors } = await loggedIn(officer, DESKTOP);
    try {
      const res = await page.request.get(`${BASE}/api/v1/enterprises?page=1&pageSize=100&sort=name`);
      assert.equal(res.status(), 200);
      const mine = (await res.json()) as { items: EnterpriseItem[]; total: number };
      assert.ok(mine.total > 0, 'the officer’s subdistrict has enterprises');
      assert.ok(mine.total < all.total, `scope narrows the directory (${mine.total} of ${all.total})`);
      assert.deepEqual([...new Set(mine.items.map((e) => e.subdistrictName))], [officer.scopeName]);
      // An enterprise of another subdistrict does not exist for this officer (404, not 403: nothing leaks).
      const outsider = all.items.find((e) => e.subdistrictName !== officer.scopeName);
      assert.ok(outsider);
      assert.equal((await page.request.get(`${BASE}/api/v1/enterprises/${outsider.id}`)).status(), 404);

      await page.goto(`${BASE}/enterprises`);
      const table = page.getByTestId('enterprise-table');
      const rows = table.locator('tbody tr.ant-table-row');
      await rows.first().waitFor({ state: 'visible' });
      await page.waitForLoadState('networkidle');
      // The pager's total ("共 N 条") is the scoped count, and every row shown is one of the officer's enterprises.
      const totalText = await page.getByTestId('enterprise-list-page').locator('.ant-pagination-total-text').innerText();
      assert.equal(Number(totalText.replace(/\D+/g, '')), mine.total, `pager total: ${totalText}`);
      const names = await table.getByTestId('enterprise-link').allInnerTexts();
      assert.ok(names.length > 0 && names.length <= mine.total);
      const allowed = new Set(mine.items.map((e) => e.name));
      for (const name of names) assert.ok(allowed.has(name), `${name} belongs to ${officer.scopeName}`);
      for (const text of await rows.allInnerTexts()) assert.ok(text.includes(officer.scopeName), `row shows ${officer.scopeName}: ${text}`);
      await page.screenshot({ path: path.join(SCREENSHOTS, 'subdistrict_officer-enterprises.png') });
      assert.deepEqual(errors.map((e) => e.message), []);
    } finally {
      await context.close();
    }
  });
});

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
