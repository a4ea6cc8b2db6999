/**
 * What the browser tests share: Debian's Chromium, signing in through the login page, picking options and confirming,
 * reading the API from the signed-in page, and real PNG files made on the spot (a floor plan, a photo) without an
 * image library.
 */
import assert from 'node:assert/strict';
import { chromium, type Browser, type BrowserContext, type Locator, type Page } from 'playwright-core';

/** The server e2e/run.ts started. */
export const BASE = process.env.E2E_BASE_URL ?? '';
/** Every demo account's password. */
export const PASSWORD = 'Demo@Guandu2026';
const CHROMIUM = '/usr/bin/chromium';

export type Viewport = { width: number; height: number };
export type SignedIn = { context: BrowserContext; page: Page; errors: Error[] };

export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
      '--disable-sync', '--no-first-run', '--disable-quic'],
  });
}

/**
 * Logs in through the login page in a fresh context (a phone one below 768 px), collecting the page's errors.
 * Logins are rate limited per address and the browser tests log in many times: when refused, wait for the window
 * to pass and try once more.
 */
export async function signIn(browser: Browser, username: string, viewport: Viewport, opts: { timezoneId?: string } = {}): Promise<SignedIn> {
  const phone = viewport.width < 768;
  const context = await browser.newContext({
    viewport, locale: 'zh-CN', ...(opts.timezoneId ? { timezoneId: opts.timezoneId } : {}), isMobile: phone, hasTouch: phone, deviceScaleFactor: 1,
  });
  const page = await context.newPage();
  const errors: Error[] = [];
  page.on('pageerror', (err) => errors.push(err));
  for (let attempt = 0; ; attempt++) {
    await page.goto(`${BASE}/login`);
    await page.getByTestId('login-username').fill(username);
    await page.getByTestId('login-password').fill(PASSWORD);
    await page.getByTestId('login-submit').click();
    const outcome = await Promise.race([
      page.getByTestId('app-layout').waitFor({ state: 'visible', timeout: 20_000 }).then(() => 'in' as const),
      page.getByTestId('login-error').waitFor({ state: 'visible', timeout: 20_000 }).then(() => 'refused' as const),
    ]);
    if (outcome === 'in') break;
    assert.ok(attempt < 1, `login of ${username} refused: ${await page.getByTestId('login-error').innerText()}`);
    await page.waitForTimeout(61_000);
  }
  await page.waitForLoadState('networkidle');
  return { context, page, errors };
}

/**
 * Picks an option of an antd Select or TreeSelect (the element with data-testid `testId`) and checks that it took.
 * On a loaded machine the dropdown can still be moving (its opening motion, a tree that expands when its data
 * arrives, a virtual list that scrolls) when the option is clicked, and the click lands on nothing: open it again and
 * retry, so that a slow machine cannot fail a test that a person would pass. Returns the option's text.
 */
export async function choose(page: Page, testId: string, option: string | RegExp, opts: { tree?: boolean; scope?: Locator } = {}): Promise<string> {
  const field = (opts.scope ?? page).getByTestId(testId);
  const itemSelector = opts.tree ? '.ant-select-tree-treenode .ant-select-tree-title' : '.ant-select-item-option';
  const matches = (text: string) => (typeof option === 'string' ? text.includes(option) : option.test(text));
  for (let attempt = 0; ; attempt++) {
    const dropdown = page.locator('.ant-select-dropdown:visible');
    if (attempt === 0 || await dropdown.count() === 0) await field.click();
    const item = dropdown.locator(itemSelector).filter({ hasText: option }).first();
    await item.waitFor({ state: 'visible' });
    const text = (await item.innerText()).trim();
    await item.click();
    const taken = async () => (await field.locator('.ant-select-selection-item, .ant-select-content-has-value').allInnerTexts()).some(matches);
    for (let i = 0; i < 10 && !(await taken()); i++) await page.waitForTimeout(100);
    if (await taken()) return text;
    assert.ok(attempt < 4, `the option ${String(option)} of ${testId} could not be picked`);
  }
}

/** The form item whose label is exactly `label`. */
export const formItem = (page: Page, scope: Locator, label: string): Locator =>
  scope.locator('.ant-form-item').filter({ has: page.locator('label', { hasText: new RegExp(`^${label}$`) }) });

/** Picks an option of an antd Select found by its form label (fields without a test ID); see `choose`. */
export async function chooseByLabel(page: Page, scope: Locator, label: string, option: string | RegExp): Promise<void> {
  const field = formItem(page, scope, label).locator('.ant-select').first();
  const matches = (text: string) => (typeof option === 'string' ? text.includes(option) : option.test(text));
  for (let attempt = 0; ; attempt++) {
    const dropdown = page.locator('.ant-select-dropdown:visible');
    if (attempt === 0 || await dropdown.count() === 0) await field.click();
    const opt = dropdown.locator('.ant-select-item-option').filter({ hasText: option }).first();
    await opt.waitFor({ state: 'visible' });
    await opt.click();
    const taken = async () => (await field.locator('.ant-select-selection-item, .ant-select-content-has-value').allInnerTexts()).some(matches);
    for (let i = 0; i < 10 && !(await taken()); i++) await page.waitForTimeout(100);
    if (await taken()) return;
    assert.ok(attempt < 4, `the option ${String(option)} of ${label} could not be picked`);
  }
}

/** The open confirmation's OK button (a closed one stays in the page, hidden). */
export async function confirmPopup(page: Page): Promise<void> {
  await page.locator('.ant-popover:not(.ant-popover-hidden) .ant-popconfirm-buttons .ant-btn-primary').click();
}

/** GET of the API from inside the signed-in page (its session cookie). */
export async function apiGet<T>(page: Page, url: string): Promise<T> {
  const res = await page.evaluate(async (u) => {
    const r = await fetch(u, { headers: { accept: 'application/json' } });
    return { status: r.status, body: await r.text() };
  }, `/api/v1${url}`);
  assert.equal(res.status, 200, `GET ${url}: ${res.body}`);
  return JSON.parse(res.body) as T;
}

/**
 * Opens the hover menu of an antd Dropdown (the element with data-testid `testId`) and returns the visible menu. A
 * hover that lands while the page is still rendering opens nothing: move away and hover again.
 */
export async function openHoverMenu(page: Page, testId: string): Promise<Locator> {
  const menu = page.locator('.ant-dropdown:visible');
  for (let attempt = 0; ; attempt++) {
    await page.getByTestId(testId).hover();
    try {
      await menu.first().waitFor({ state: 'visible', timeout: 5_000 });
      return menu;
    } catch (e) {
      if (attempt >= 4) throw e;
      await page.mouse.move(0, 0);
    }
  }
}

/**
 * Clicks the side-menu entry `nav-<key>` (web/src/app/menu.tsx), opening its group `nav-group-<group>` first when the
 * group is closed: the menu shows only the open groups' entries, and a click on an open group's title closes it.
 */
export async function clickNav(page: Page, group: string, key: string): Promise<void> {
  await page.getByTestId('side-menu').first().waitFor({ state: 'visible', timeout: 20_000 });
  const entry = page.getByTestId(`nav-${key}`);
  if (!(await entry.isVisible())) await page.getByTestId(`nav-group-${group}`).click();
  await entry.click();
}

/**
 * Types a wrong last four of the signer's ID number into the sign dialog and submits: the field shows the refusal, in
 * Chinese, never a message key (`rawKey`, the flow's own pattern of keys).
 */
export async function assertWrongLast4Refused(page: Page, dialog: Locator, wrong: string, rawKey: RegExp): Promise<void> {
  await dialog.getByTestId('sign-last4').fill(wrong);
  await dialog.getByTestId('sign-submit').click();
  const fieldError = dialog.locator('.ant-form-item').filter({ has: page.getByTestId('sign-last4') }).locator('.ant-form-item-explain-error');
  await fieldError.first().waitFor({ state: 'visible', timeout: 20_000 });
  const refusal = await fieldError.first().innerText();
  assert.match(refusal, /[\u4e00-\u9fa5]/, `the refusal is in Chinese: ${refusal}`);
  assert.doesNotMatch(refusal, rawKey);
}

/** A real 8-bit RGB PNG whose pixel at (x, y) is `pixel(x, y)` (the test fixtures' writer). */
export { png } from '../test/fixtures/images';

/** Text a person must never read: message keys of the modules and rule IDs. */
const RAW_TEXT = /\b(enterpriseFile|workbench|hazard|risk|check|notify|hazardTab|checkTab)\.[a-z][A-Za-z]+\b|R-[A-Z]+-\d/;

/** A message key of one of these namespaces (`accidents.quick.title`), as text that must never reach a person. */
export const messageKeys = (modules: readonly string[]) => new RegExp(`\\b(${modules.join('|')})\\.[a-z][A-Za-z]*(\\.[A-Za-z_]+)*\\b`);

/**
 * Fails when the page shows a message key (of the platform's modules, or of `modules`: the message namespaces a flow
 * uses) or a rule ID as text, or scrolls sideways (issue 10).
 */
export async function assertReadable(page: Page, what: string, modules: readonly string[] = []): Promise<void> {
  const text = await page.locator('body').innerText();
  const raw = RAW_TEXT.exec(text) ?? (modules.length ? messageKeys(modules).exec(text) : null);
  assert.equal(raw, null, `${what}: raw key on screen: ${raw?.[0]}`);
  const overflow = Number(await page.evaluate('document.documentElement.scrollWidth - document.documentElement.clientWidth'));
  assert.ok(overflow <= 0, `${what}: scrolls sideways by ${overflow} px`);
}

/** Fails when a table on the page needs a sideways scroll to show its last columns (issue 10: none clip at 1366 px). */
export async function assertTablesFit(page: Page, what: string): Promise<void> {
  const clipped = await page.evaluate(`[...document.querySelectorAll('.ant-table-content, .ant-table-body')]
    .filter((e) => e.scrollWidth > e.clientWidth + 2).map((e) => e.scrollWidth - e.clientWidth)`) as number[];
  assert.deepEqual(clipped, [], `${what}: a table is wider than the page by ${clipped.join(', ')} px`);
}

/** Draws a signature on the sign dialog's pad (once the dialog has opened: a resize clears the pad). */
export async function drawSignature(page: Page, dialog: Locator): Promise<void> {
  const canvas = dialog.locator('canvas').first();
  await canvas.waitFor({ state: 'visible', timeout: 20_000 });
  await page.waitForTimeout(800);
  const box = (await canvas.boundingBox())!;
  await page.mouse.move(box.x + 20, box.y + box.height / 2);
  await page.mouse.down();
  for (let i = 1; i <= 12; i++) await page.mouse.move(box.x + 20 + i * (box.width - 40) / 12, box.y + box.height / 2 + (i % 2 ? -18 : 18));
  await page.mouse.up();
}
