/**
 * What the browser tests share: Debian's Chromium, signing in through the login page, and real PNG files made on the
 * spot (a floor plan, a photo) without an image library.
 */
import assert from 'node:assert/strict';
import { deflateSync } from 'node:zlib';
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

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(buf: Buffer): number {
  let c = 0xffffffff;
  for (const x of buf) c = CRC_TABLE[(c ^ x) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type: string, data: Buffer): Buffer {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const sum = Buffer.alloc(4);
  sum.writeUInt32BE(crc32(body));
  return Buffer.concat([len, body, sum]);
}

/** A real 8-bit RGB PNG whose pixel at (x, y) is `pixel(x, y)`. */
export function png(width: number, height: number, pixel: (x: number, y: number) => [number, number, number]): Buffer {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header[8] = 8;
  header[9] = 2;
  // Each row starts with filter byte 0 (none), then three bytes a pixel.
  const raw = Buffer.alloc((width * 3 + 1) * height);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const o = y * (width * 3 + 1) + 1 + x * 3;
      const [r, g, b] = pixel(x, y);
      raw[o] = r;
      raw[o + 1] = g;
      raw[o + 2] = b;
    }
  }
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  return Buffer.concat([signature, chunk('IHDR', header), chunk('IDAT', deflateSync(raw)), chunk('IEND', Buffer.alloc(0))]);
}

/** Text a person must never read: message keys of the modules and rule IDs. */
const RAW_TEXT = /\b(enterpriseFile|workbench|hazard|risk|check|notify|hazardTab|checkTab)\.[a-z][A-Za-z]+\b|R-[A-Z]+-\d/;

/** Fails when the page shows a message key or a rule ID as text, or scrolls sideways (issue 10). */
export async function assertReadable(page: Page, what: string): Promise<void> {
  const text = await page.locator('body').innerText();
  const raw = RAW_TEXT.exec(text);
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
