/**
 * Issue 13, browser flows of people's competence (培训教育、持证上岗、劳动防护用品、安全生产标准化), in Chinese, employees on a phone:
 * - the safety manager records a training session, opens its QR check-in; the demo worker checks in on his phone, a
 *   person without an account signs on the safety manager's shared device (drawn signature + ID last four), and the
 *   training-shortfall list shrinks (R-TRN-1);
 * - a person without an account signs for his PPE on the safety manager's shared phone and the demo worker signs his
 *   own receipt in 我的劳动防护用品; the ledger shows both signed (R-PPE-1);
 * - the principal reviews the quarter's plan-versus-actual on his phone and signs it (the ten-ones duty fulfilled,
 *   R-RESP-5), then signs this year's standardisation self-assessment, the safety manager submits it, and the
 *   subdistrict officer sees it reported (R-STD-1);
 * - the safety manager cannot put a person on a special-operation post without its certificate (R-TRN-2), and the
 *   subdistrict officer finds the plant in 人员资格与培训总览 and opens its certificates.
 * Each flow checks what the person sees and what the server stored. Run by e2e/run.ts (`npm run test:e2e -- competence`).
 */
import assert from 'node:assert/strict';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { Browser, Locator, Page } from 'playwright-core';
import { idNumberCheckChar } from '../src/modules/org/id-number';
import { apiGet, assertReadable, assertWrongLast4Refused, BASE, messageKeys, choose, chooseByLabel, confirmPopup, drawSignature, formItem, launchChromium, png, signIn, type SignedIn } from './browser';

assert.ok(BASE, 'E2E_BASE_URL is not set: run the browser tests with `npm run test:e2e`');

const SCREENSHOTS = process.env.E2E_SCREENSHOTS ?? path.resolve('e2e/screenshots');
const PHONE = { width: 390, height: 844 };
const WIDE = { width: 1366, height: 800 };
/** The demo plant: the first enterprise of the demo district (src/seed/demo.ts). */
const PLANT = '昆明官渡精细化工有限公司';

/** Message keys of the modules these flows use, which must never reach the screen as text. */
const MODULE_KEYS = ['training', 'certificates', 'ppe', 'myPpe', 'std', 'stdOverview', 'competenceOverview', 'managementOverview', 'employee', 'sign', 'common', 'validation', 'obligation', 'nav'];

const readable = (page: Page, what: string) => assertReadable(page, what, MODULE_KEYS);

/**
 * Picks a person in the sign dialog's searchable list by typing the name first: the list is virtual, so a name far down
 * the roster is not in the page until the search brings it up.
 */
async function pickPerson(page: Page, dialog: Locator, name: string): Promise<void> {
  const field = dialog.getByTestId('sign-person');
  await field.click();
  await field.locator('input').first().fill(name);
  const option = page.locator('.ant-select-dropdown:visible .ant-select-item-option').filter({ hasText: name }).first();
  await option.waitFor({ state: 'visible' });
  await option.click();
  await field.locator('.ant-select-selection-item, .ant-select-content-has-value').filter({ hasText: name }).first().waitFor();
}

/**
 * Signs in the sign dialog just opened: waits for it, picks `person` when the dialog asks who signs, draws the signature,
 * runs `check` (what the test looks at before it submits), types the ID number's last four when given, submits and
 * waits for the dialog to close (a screenshot `failShot` when it does not).
 */
async function signInDialog(page: Page, failShot: string, steps: { person?: string; last4?: string; check?: (dialog: Locator) => Promise<void> } = {}): Promise<void> {
  const dialog = page.getByTestId('sign-dialog');
  await dialog.getByTestId('sign-submit').waitFor({ state: 'visible', timeout: 20_000 });
  if (steps.person && await dialog.getByTestId('sign-person').count()) await pickPerson(page, dialog, steps.person);
  await drawSignature(page, dialog);
  if (steps.check) await steps.check(dialog);
  if (steps.last4) await dialog.getByTestId('sign-last4').fill(steps.last4);
  await dialog.getByTestId('sign-submit').click();
  await dialog.getByTestId('sign-submit').waitFor({ state: 'hidden', timeout: 20_000 })
    .catch(async (e: unknown) => { await shot(page, failShot); throw e; });
}

/** Types a day into an antd DatePicker (the element with the test ID is the input or holds it). */
async function fillDate(field: Locator, day: string): Promise<void> {
  const input = (await field.evaluate((e) => e.tagName)) === 'INPUT' ? field : field.locator('input').first();
  await input.click();
  await input.fill(day);
  await input.press('Enter');
}

/** A valid ID number of someone born in 1990, its sequence from `n`, and its last four (what the shared device asks). */
function idNumberOf(n: number): { idNumber: string; last4: string; wrong: string } {
  const first17 = `53011119900315${String(100 + (n % 900))}`;
  const idNumber = first17 + idNumberCheckChar(first17);
  const last4 = idNumber.slice(-4);
  return { idNumber, last4, wrong: last4 === '0000' ? '1111' : '0000' };
}

/**
 * The safety manager puts a new person on the roster in the employee editor (no account, no post): the demo people's
 * ID numbers are random, so a person whose last four the test knows is registered here, as the shared-device flows of
 * e2e/management.e2e.ts do.
 */
async function addPerson(page: Page, p: { name: string; idNumber: string; unit: string; hireDate?: string }): Promise<void> {
  await page.goto(`${BASE}/employees`);
  await page.getByTestId('employees-page').waitFor({ timeout: 20_000 });
  await page.getByTestId('employee-create').click();
  const form = page.getByTestId('employee-form');
  await form.waitFor({ state: 'visible', timeout: 20_000 });
  await form.getByTestId('field-employee-name').fill(p.name);
  await form.getByTestId('field-employee-idNumber').fill(p.idNumber);
  await choose(page, 'field-employee-orgUnit', p.unit, { tree: true, scope: form });
  if (p.hireDate) await fillDate(form.getByTestId('field-employee-hireDate'), p.hireDate);
  await page.getByTestId('employee-save').click();
  await form.waitFor({ state: 'hidden', timeout: 20_000 });
}

const shot = (page: Page, name: string) => page.screenshot({ path: path.join(SCREENSHOTS, `competence-${name}.png`) });

type Me = { scope: { enterpriseId: string | null } };
type Shortfalls = { year: number; shortfallPeople: number; items: { employeeId: string; name: string; phase: 'initial' | 'yearly'; required: number; done: number; missing: number; openRetraining: number }[] };
type Issue = { id: string; employeeId: string; employeeName: string; itemName: string; status: 'awaiting' | 'signed' | 'voided'; signMethod: string | null };

/** The figure of a Statistic titled `title`, as a number. */
async function statistic(page: Page, scope: Locator, title: string): Promise<number> {
  const value = scope.locator('.ant-statistic').filter({ has: page.locator('.ant-statistic-title', { hasText: new RegExp(`^${title}$`) }) }).locator('.ant-statistic-content');
  return Number((await value.innerText()).replace(/[^\d.]/g, ''));
}

describe('people\'s competence in the browser (issue 13)', () => {
  let browser: Browser;
  const stamp = Date.now().toString(36).slice(-5);
  const seq = parseInt(stamp, 36);
  before(async () => { browser = await launchChromium(); });
  after(async () => { await browser?.close(); });

  test('R-TRN-1: the safety manager records a session with QR check-in and a shared-device signature, and the shortfall list shrinks', async () => {
    const sessions: SignedIn[] = [];
    const person = `补训员${stamp}`;
    const { idNumber, last4, wrong } = idNumberOf(seq);
    try {
      const desk = await signIn(browser, 'safety', WIDE);
      sessions.push(desk);
      let page = desk.page;
      const { scope } = await apiGet<Me>(page, '/auth/me');
      const eid = scope.enterpriseId!;
      const shortfallUrl = `/enterprises/${eid}/training/shortfalls?all=no`;
      const initial = await apiGet<Shortfalls>(page, shortfallUrl);
      // A demo person short of his yearly hours (he missed the yearly re-training), with no re-training pending.
      const short = initial.items.find((i) => i.phase === 'yearly' && i.missing > 0 && i.missing <= 16 && i.openRetraining === 0);
      assert.ok(short, `the demo plant has someone short of hours: ${JSON.stringify(initial.items)}`);
      // A person hired two years ago joins the roster with no training recorded this year: one more person short.
      await addPerson(page, { name: person, idNumber, unit: '二车间', hireDate: `${initial.year - 2}-03-01` });
      const before1 = await apiGet<Shortfalls>(page, shortfallUrl);
      assert.equal(before1.shortfallPeople, initial.shortfallPeople + 1, 'the newcomer owes his yearly hours');
      assert.ok(before1.items.some((i) => i.name === person));

      await page.goto(`${BASE}/training`);
      const figures = page.getByTestId('training-shortfalls');
      await figures.waitFor({ timeout: 20_000 });
      await page.waitForLoadState('networkidle');
      await readable(page, 'the training page');
      assert.equal(await statistic(page, figures, '学时不足'), before1.shortfallPeople, 'the shortfall count shown');
      await figures.locator('tr').filter({ hasText: person }).waitFor({ timeout: 20_000 });
      await figures.locator('tr').filter({ hasText: short.name }).first().waitFor({ timeout: 20_000 });
      await shot(page, 'shortfall-before');

      // The yearly re-training, 20 hours, held today.
      const title = `年度安全再培训（补训 ${stamp}）`;
      await page.getByRole('tab', { name: '培训记录' }).click();
      await page.getByTestId('session-add').click();
      const create = page.locator('.ant-drawer-open .ant-drawer-content-wrapper').filter({ hasText: '登记培训' }).filter({ has: page.locator('form') });
      await create.waitFor({ state: 'visible', timeout: 20_000 });
      await chooseByLabel(page, create, '培训类型', /日常|年度再培训/);
      await formItem(page, create, '课程/内容').locator('input').fill(title);
      await formItem(page, create, '授课人').locator('input').fill('安全环保部 王工');
      await formItem(page, create, '学时').locator('input').fill('20');
      await create.getByRole('button', { name: /保\s*存/ }).click();
      const drawer = page.getByTestId('session-drawer');
      await drawer.waitFor({ state: 'visible', timeout: 20_000 });
      await readable(page, 'the session recorded');

      // The QR check-in: its link, opened by the worker's phone.
      await drawer.getByTestId('session-qr').click();
      const qr = drawer.getByTestId('session-qr-code');
      await qr.waitFor({ state: 'visible', timeout: 20_000 });
      assert.equal(await qr.locator('img').count(), 1, 'the QR code is shown');
      const link = (await qr.locator('.ant-typography-secondary, .ant-typography').last().innerText()).trim();
      const linkPath = new URL(link, BASE).pathname;
      assert.match(linkPath, /\/training\/checkin\/[^/]+$/, `the check-in link: ${link}`);
      await shot(page, 'session-qr');

      const phone = await signIn(browser, 'worker', PHONE);
      sessions.push(phone);
      await phone.page.goto(`${BASE}${linkPath}`);
      const checkin = phone.page.getByTestId('training-checkin');
      await checkin.waitFor({ timeout: 20_000 });
      await readable(phone.page, 'the check-in at 390 px');
      await checkin.getByRole('button', { name: /确认签到/ }).click();
      await phone.page.getByText(/签到成功/).waitFor({ timeout: 20_000 });
      assert.match(await phone.page.locator('body').innerText(), new RegExp(`签到成功：${title.replace(/[()（）]/g, '.')}（20 学时）`));
      await readable(phone.page, 'checked in at 390 px');
      await shot(phone.page, 'checkin-phone');

      // On the safety manager's shared device: the newcomer draws his signature and types his ID's last four.
      const shared = await signIn(browser, 'safety', PHONE);
      sessions.push(shared);
      page = shared.page;
      await page.goto(`${BASE}/training`);
      await page.getByTestId('training-page').waitFor({ timeout: 20_000 });
      await page.getByRole('tab', { name: '培训记录' }).click();
      await page.getByTestId('training-sessions').locator('tr').filter({ hasText: title }).click();
      const onPhone = page.getByTestId('session-drawer');
      await onPhone.waitFor({ state: 'visible', timeout: 20_000 });
      // The worker's QR check-in is on the list.
      await onPhone.locator('tr').filter({ hasText: '扫码' }).first().waitFor({ timeout: 20_000 });
      await onPhone.getByTestId('session-proxy').click();
      await signInDialog(page, 'proxy-failed', {
        person, last4, check: async (dialog) => {
          await readable(page, 'the shared-device sign-in at 390 px');
          await shot(page, 'proxy-phone');
          // A wrong last four is refused on the field, in Chinese.
          await assertWrongLast4Refused(page, dialog, wrong, messageKeys(MODULE_KEYS));
        },
      });
      await onPhone.locator('tr').filter({ hasText: person }).waitFor({ timeout: 20_000 });

      // The demo person who missed the re-training is added from the paper list on the desk.
      page = desk.page;
      await page.reload();
      await page.getByTestId('training-page').waitFor({ timeout: 20_000 });
      await page.getByRole('tab', { name: '培训记录' }).click();
      await page.getByTestId('training-sessions').locator('tr').filter({ hasText: title }).click();
      const onDesk = page.getByTestId('session-drawer');
      await onDesk.waitFor({ state: 'visible', timeout: 20_000 });
      const paper = onDesk.locator('.ant-card').filter({ hasText: '签到名单' }).first();
      await paper.locator('.ant-select').first().click();
      await page.keyboard.type(short.name);
      await page.locator('.ant-select-dropdown:visible .ant-select-item-option').filter({ hasText: short.name }).first().click();
      await paper.getByRole('button', { name: /保\s*存/ }).click();
      await onDesk.locator('tr').filter({ hasText: short.name }).waitFor({ timeout: 20_000 });
      assert.match(await onDesk.innerText(), /签到名单（3）/);
      await readable(page, 'the session with its attendance');
      await shot(page, 'session-attendance');

      // Stored: three attendances; both short people are whole, the list is one shorter than the demo's.
      type Detail = { attendance: { employeeId: string; name: string; method: string; signed: boolean }[] };
      const sessionsList = await apiGet<{ items: { id: string; title: string }[] }>(page, `/enterprises/${eid}/training/sessions?year=${initial.year}`);
      const stored = sessionsList.items.find((s) => s.title === title);
      assert.ok(stored, 'the session is stored');
      const detail = await apiGet<Detail>(page, `/enterprises/${eid}/training/sessions/${stored.id}`);
      const methods = Object.fromEntries(detail.attendance.map((a) => [a.name, a.method]));
      assert.equal(methods[person], 'proxy_pad');
      assert.equal(methods[short.name], 'manager');
      assert.ok(detail.attendance.some((a) => a.method === 'qr'), 'the worker\'s QR check-in');
      assert.ok(detail.attendance.find((a) => a.name === person)?.signed, 'the shared-device signature is kept');
      const after1 = await apiGet<Shortfalls>(page, shortfallUrl);
      assert.equal(after1.shortfallPeople, before1.shortfallPeople - 2);
      assert.equal(after1.shortfallPeople, initial.shortfallPeople - 1, 'the list is shorter than before the session');
      assert.ok(!after1.items.some((i) => i.name === person || i.employeeId === short.employeeId));
      // On screen: the figure falls and neither name is on the list any more.
      await page.keyboard.press('Escape');
      await page.getByRole('tab', { name: '学时与不足名单' }).click();
      for (let i = 0; i < 50 && await statistic(page, figures, '学时不足') !== after1.shortfallPeople; i++) await page.waitForTimeout(200);
      assert.equal(await statistic(page, figures, '学时不足'), after1.shortfallPeople, 'the shortfall count shown falls');
      assert.equal(await figures.locator('tr').filter({ hasText: person }).count(), 0);
      await shot(page, 'shortfall-after');
      for (const s of sessions) assert.deepEqual(s.errors.map((e) => e.message), []);
    } finally {
      for (const s of sessions) await s.context.close();
    }
  });

  test('R-PPE-1: a person signs for his PPE on the shared phone and the worker signs his own receipt; the ledger shows both signed', async () => {
    const sessions: SignedIn[] = [];
    const person = `新进员工${stamp}`;
    const { idNumber, last4 } = idNumberOf(seq + 1);
    try {
      const desk = await signIn(browser, 'safety', WIDE);
      sessions.push(desk);
      let page = desk.page;
      const { scope } = await apiGet<Me>(page, '/auth/me');
      const eid = scope.enterpriseId!;
      await addPerson(page, { name: person, idNumber, unit: '甲班' });
      // The safety manager issues him a helmet.
      await page.goto(`${BASE}/ppe`);
      await page.getByTestId('ppe-page').waitFor({ timeout: 20_000 });
      await page.waitForLoadState('networkidle');
      await readable(page, 'the PPE board');
      await page.getByTestId('ppe-issue').click();
      const issue = page.getByTestId('ppe-issue-drawer');
      await issue.waitFor({ state: 'visible', timeout: 20_000 });
      await page.getByTestId('ppe-issue-people').click();
      await page.keyboard.type(person);
      await page.locator('.ant-select-dropdown:visible .ant-select-item-option').filter({ hasText: person }).first().click();
      await page.keyboard.press('Escape');
      await choose(page, 'ppe-issue-item', '安全帽', { scope: issue });
      await page.getByTestId('ppe-issue-drawer-ok').click();
      await issue.waitFor({ state: 'hidden', timeout: 20_000 });
      const issuesOf = async (p: Page, name: string) => (await apiGet<{ items: Issue[] }>(p, `/enterprises/${eid}/ppe/issues?q=${encodeURIComponent(name)}&pageSize=100`)).items.filter((i) => i.employeeName === name);
      const mine = (await issuesOf(page, person)).find((i) => i.itemName === '安全帽');
      assert.equal(mine?.status, 'awaiting', 'the helmet awaits his receipt');

      // On the shared phone he draws his signature and types his ID's last four.
      const shared = await signIn(browser, 'safety', PHONE);
      sessions.push(shared);
      page = shared.page;
      await page.goto(`${BASE}/ppe`);
      const ledger = page.getByTestId('ppe-ledger');
      await ledger.waitFor({ timeout: 20_000 });
      await ledger.locator('.ant-input-search input').fill(person);
      await ledger.locator('.ant-input-search input').press('Enter');
      const row = ledger.locator('tr').filter({ hasText: person }).filter({ hasText: '安全帽' });
      await row.waitFor({ timeout: 20_000 });
      assert.match(await row.innerText(), /待签收/);
      await readable(page, 'the PPE ledger at 390 px');
      await row.getByTestId('ppe-sign-for').click();
      await signInDialog(page, 'ppe-sign-for-failed', {
        person, last4, check: async (dialog) => {
          assert.match(await dialog.innerText(), new RegExp(person));
          await readable(page, 'the PPE sign-for at 390 px');
          await shot(page, 'ppe-sign-for-phone');
        },
      });
      await ledger.locator('tr').filter({ hasText: person }).filter({ hasText: '已签收' }).waitFor({ timeout: 20_000 });

      // The demo worker signs his own receipt in 我的劳动防护用品 on his phone.
      const worker = await signIn(browser, 'worker', PHONE);
      sessions.push(worker);
      page = worker.page;
      await page.goto(`${BASE}/my-ppe`);
      await page.getByTestId('my-ppe-page').waitFor({ timeout: 20_000 });
      await page.waitForLoadState('networkidle');
      await readable(page, 'my PPE at 390 px');
      type MyPpe = { issues: Issue[] };
      const owed = (await apiGet<MyPpe>(page, '/me/ppe')).issues.filter((i) => i.status === 'awaiting');
      assert.equal(owed.length, 1, `the demo left the worker one receipt to sign: ${JSON.stringify(owed)}`);
      const card = page.getByTestId('my-ppe-issue').filter({ has: page.getByTestId('my-ppe-sign') }).first();
      assert.match(await card.innerText(), new RegExp(owed[0]!.itemName));
      await shot(page, 'my-ppe-phone');
      await card.getByTestId('my-ppe-sign').click();
      await signInDialog(page, 'my-ppe-sign-failed');
      for (let i = 0; i < 50 && await page.getByTestId('my-ppe-sign').count() > 0; i++) await page.waitForTimeout(200);
      assert.equal(await page.getByTestId('my-ppe-sign').count(), 0, 'nothing left to sign');
      const signedMine = (await apiGet<MyPpe>(page, '/me/ppe')).issues.find((i) => i.id === owed[0]!.id);
      assert.equal(signedMine?.status, 'signed');

      // The ledger (desk) shows both signed, and the server stored how.
      page = desk.page;
      const deskLedger = page.getByTestId('ppe-ledger');
      for (const [name, item] of [[person, '安全帽'], [owed[0]!.employeeName, owed[0]!.itemName]] as const) {
        // The ledger's search is kept in the address (what 搜索 puts there), so each name opens its own list.
        await page.goto(`${BASE}/ppe?q=${encodeURIComponent(name)}`);
        await deskLedger.waitFor({ timeout: 20_000 });
        await deskLedger.locator('tr').filter({ hasText: name }).filter({ hasText: item }).filter({ hasText: '已签收' }).first().waitFor({ timeout: 20_000 })
          .catch(async (e: unknown) => { await shot(page, 'ppe-ledger-failed'); throw e; });
      }
      await readable(page, 'the PPE ledger');
      await shot(page, 'ppe-ledger-signed');
      const proxied = (await issuesOf(page, person)).find((i) => i.id === mine!.id);
      assert.equal(proxied?.status, 'signed');
      const workerIssue = (await issuesOf(page, owed[0]!.employeeName)).find((i) => i.id === owed[0]!.id);
      assert.equal(workerIssue?.status, 'signed');
      assert.notEqual(proxied?.signMethod, workerIssue?.signMethod, 'one on the shared device, one his own');
      for (const s of sessions) assert.deepEqual(s.errors.map((e) => e.message), []);
    } finally {
      for (const s of sessions) await s.context.close();
    }
  });

  test('R-RESP-5, R-STD-1: the principal signs the quarter\'s training check and this year\'s self-assessment on his phone; the subdistrict sees it reported', async () => {
    const sessions: SignedIn[] = [];
    try {
      const principal = await signIn(browser, 'principal', PHONE);
      sessions.push(principal);
      let page = principal.page;
      const { scope } = await apiGet<Me>(page, '/auth/me');
      const eid = scope.enterpriseId!;
      type Occ = { id: string; status: string; periodKey: string; startsOn: string; dueOn: string };
      const dutyUrl = `/enterprises/${eid}/obligations?rule=resp.ten.training_check`;
      const duties0 = (await apiGet<{ items: Occ[] }>(page, dutyUrl)).items;

      await page.goto(`${BASE}/training/review`);
      const review = page.getByTestId('training-review-page');
      await review.waitFor({ timeout: 20_000 });
      const report = page.getByTestId('training-report');
      await report.waitFor({ timeout: 20_000 });
      await page.waitForLoadState('networkidle');
      await readable(page, 'the quarterly review at 390 px');
      assert.match(await report.innerText(), /\d/);
      await shot(page, 'review-phone');
      const comments = `本季度培训计划基本按期执行，年度再培训缺训人员须于月底前补训完毕。${Date.now().toString(36).slice(-4)}`;
      await page.getByTestId('review-comments').fill(comments);
      await page.getByTestId('review-sign').click();
      await signInDialog(page, 'review-sign-failed');
      await page.waitForURL(/\/training$/, { timeout: 20_000 });
      // Stored: this quarter's occurrence of the ten-ones duty is fulfilled by the signed review.
      const duties1 = (await apiGet<{ items: Occ[] }>(page, dutyUrl)).items;
      const newly = duties1.filter((d) => ['fulfilled', 'late_fulfilled'].includes(d.status) && !duties0.some((o) => o.id === d.id && o.status === d.status));
      assert.equal(newly.length, 1, `one quarter's check fulfilled: ${JSON.stringify({ duties0, duties1 })}`);
      await page.goto(`${BASE}/duties/${eid}/${newly[0]!.id}`);
      const duty = page.getByTestId('duty-detail-page');
      await duty.waitFor({ timeout: 20_000 });
      assert.match(await page.getByTestId('duty-name').innerText(), /每季度检查一次安全培训计划执行情况/);
      assert.match(await duty.getAttribute('data-status') ?? '', /fulfilled/);
      await readable(page, 'the fulfilled duty at 390 px');
      await shot(page, 'duty-fulfilled-phone');

      // This year's self-assessment: what the safety manager finds first.
      type Assessment = { year: number; status: 'none' | 'draft' | 'confirmed' | 'submitted'; revision: number; abilities: { canSign: boolean; canSubmit: boolean; canAdjust: boolean }; elements: { code: string; score: number | null; prefilledScore: number | null; maxPoints: number; adjusted: unknown }[] };
      const desk = await signIn(browser, 'safety', WIDE);
      sessions.push(desk);
      await desk.page.goto(`${BASE}/standardisation`);
      await desk.page.getByTestId('std-assessment').waitFor({ timeout: 20_000 });
      await desk.page.waitForLoadState('networkidle');
      await readable(desk.page, 'the self-assessment');
      const yearField = desk.page.getByTestId('std-year');
      const yearInput = (await yearField.evaluate((e) => e.tagName)) === 'INPUT' ? yearField : yearField.locator('input').first();
      const yearShown = Number(await yearInput.inputValue());
      const stdUrl = `/enterprises/${eid}/standardisation/${yearShown}`;
      let a = await apiGet<Assessment>(desk.page, stdUrl);
      assert.notEqual(a.status, 'submitted', 'this year\'s self-assessment is not yet submitted');
      // The safety manager sets one score the records cannot show, with the reason and the evidence.
      const element = a.elements.find((e) => e.score !== null && !e.adjusted && e.maxPoints >= 2);
      assert.ok(a.abilities.canAdjust && element, 'the safety manager may set a prefilled score');
      await desk.page.getByTestId(`std-adjust-${element.code}`).click();
      const adjust = desk.page.getByTestId('std-adjust-drawer');
      await adjust.waitFor({ state: 'visible', timeout: 20_000 });
      const score = Math.max(0, element.maxPoints - 1);
      const scoreInput = adjust.locator('.ant-input-number input').first();
      await scoreInput.fill(String(score));
      await adjust.locator('textarea').first().fill('现场核查：本要素相关记录齐全，扣减 1 分为培训档案个别签名缺失。');
      await adjust.locator('input[type=file]').setInputFiles({ name: '核查记录.png', mimeType: 'image/png', buffer: png(120, 160, (x, y) => [250, (x * 2) & 0xff, (y * 2) & 0xff]) });
      await adjust.getByText('核查记录.png').waitFor({ timeout: 20_000 });
      await desk.page.getByTestId('std-adjust-drawer-ok').click();
      await adjust.waitFor({ state: 'hidden', timeout: 20_000 });
      a = await apiGet<Assessment>(desk.page, stdUrl);
      const after1 = a.elements.find((e) => e.code === element.code);
      assert.equal(after1?.score, score, 'the adjusted score is stored');
      assert.ok(after1?.adjusted, 'with its reason and evidence');

      // The principal signs on his phone.
      await page.goto(`${BASE}/standardisation`);
      await page.getByTestId('std-assessment').waitFor({ timeout: 20_000 });
      await page.waitForLoadState('networkidle');
      // The notice that the plan requires the self-assessment wraps on a phone: nothing scrolls sideways.
      await readable(page, 'the self-assessment at 390 px');
      await shot(page, 'std-phone');
      await page.getByTestId('std-sign').click();
      await signInDialog(page, 'std-sign-failed');
      await page.getByTestId('std-status').filter({ hasText: '主要负责人已签字' }).waitFor({ timeout: 20_000 });
      a = await apiGet<Assessment>(page, stdUrl);
      assert.equal(a.status, 'confirmed');

      // The safety manager submits it.
      page = desk.page;
      await page.reload();
      await page.getByTestId('std-assessment').waitFor({ timeout: 20_000 });
      await page.getByTestId('std-submit').click();
      await confirmPopup(page);
      await page.getByTestId('std-status').filter({ hasText: '已报送' }).waitFor({ timeout: 20_000 });
      await readable(page, 'the submitted self-assessment');
      a = await apiGet<Assessment>(page, stdUrl);
      assert.equal(a.status, 'submitted');

      // The subdistrict officer sees it reported, in both views.
      const officer = await signIn(browser, 'guanshang', WIDE);
      sessions.push(officer);
      page = officer.page;
      await page.goto(`${BASE}/standardisation/overview`);
      await page.getByTestId('std-overview-page').waitFor({ timeout: 20_000 });
      await page.waitForLoadState('networkidle');
      await readable(page, 'the standardisation overview');
      const stdRow = page.getByTestId('std-overview').locator('tr').filter({ hasText: PLANT });
      await stdRow.waitFor({ timeout: 20_000 });
      assert.doesNotMatch(await stdRow.innerText(), /未报送|未上报/);
      await shot(page, 'std-overview');
      await page.goto(`${BASE}/competence-overview?q=${encodeURIComponent(PLANT)}`);
      await page.getByTestId('competence-overview-page').waitFor({ timeout: 20_000 });
      const compRow = page.getByTestId('competence-overview').locator('tr').filter({ hasText: PLANT });
      await compRow.waitFor({ timeout: 20_000 });
      await compRow.getByText('已上报').waitFor({ timeout: 20_000 });
      await readable(page, 'the competence view');
      type Competence = { items: { name: string; standardisation: { status: string } }[] };
      const view = await apiGet<Competence>(page, `/competence-overview?q=${encodeURIComponent(PLANT)}`);
      assert.equal(view.items.find((i) => i.name === PLANT)?.standardisation.status, 'submitted');
      for (const s of sessions) assert.deepEqual(s.errors.map((e) => e.message), []);
    } finally {
      for (const s of sessions) await s.context.close();
    }
  });

  test('R-TRN-2: no special-operation post without its certificate; the subdistrict officer finds the plant\'s certificates from the competence view', async () => {
    const sessions: SignedIn[] = [];
    try {
      const desk = await signIn(browser, 'safety', WIDE);
      sessions.push(desk);
      let page = desk.page;
      const { scope } = await apiGet<Me>(page, '/auth/me');
      const eid = scope.enterpriseId!;
      type Employees = { items: { id: string; name: string; orgUnitName: string; posts: { id: string; name: string }[] }[] };
      const roster = await apiGet<Employees>(page, `/enterprises/${eid}/employees?pageSize=200&status=active`);
      // A welder of the maintenance team, who holds no electrician's certificate.
      const welder = roster.items.find((e) => e.posts.some((p) => p.name === '焊工') && !e.posts.some((p) => p.name === '电工'));
      assert.ok(welder, 'the demo plant has a welder');
      await page.goto(`${BASE}/employees?q=${encodeURIComponent(welder.name)}`);
      await page.getByTestId('employees-page').waitFor({ timeout: 20_000 });
      await page.locator('tr').filter({ hasText: welder.name }).first().getByTestId('employee-edit').click();
      const form = page.getByTestId('employee-form');
      await form.waitFor({ state: 'visible', timeout: 20_000 });
      await choose(page, 'field-employee-posts', '电工', { scope: form });
      await page.keyboard.press('Escape');
      await page.getByTestId('employee-save').click();
      const refusal = page.locator('.ant-form-item-explain-error, .ant-message-notice, .ant-alert, .ant-notification-notice').filter({ hasText: /特种作业/ }).first();
      await refusal.waitFor({ state: 'visible', timeout: 20_000 });
      const text = await refusal.innerText();
      assert.match(text, /电工.*特种作业岗位.*不能安排到此岗位/s, `the refusal in Chinese: ${text}`);
      assert.match(text, new RegExp(welder.name));
      await readable(page, 'the refusal');
      await shot(page, 'post-refused');
      assert.ok(await form.isVisible(), 'the editor stays open');
      const stored = (await apiGet<Employees>(page, `/enterprises/${eid}/employees?q=${encodeURIComponent(welder.name)}&pageSize=50`)).items.find((e) => e.id === welder.id);
      assert.ok(!stored?.posts.some((p) => p.name === '电工'), 'he is not put on the post');

      // The subdistrict officer: the plant among the enterprises with people unqualified or certificates lapsed.
      const officer = await signIn(browser, 'guanshang', WIDE);
      sessions.push(officer);
      page = officer.page;
      await page.goto(`${BASE}/competence-overview`);
      const table = page.getByTestId('competence-overview');
      await table.waitFor({ timeout: 20_000 });
      await page.waitForLoadState('networkidle');
      await readable(page, 'the competence view');
      type View = { total: number; counts: Record<string, number>; items: { name: string; problems: string[]; certificates: { expired: number; unqualifiedOnPost: number } }[] };
      const all = await apiGet<View>(page, '/competence-overview?pageSize=200');
      const plant = all.items.find((i) => i.name === PLANT);
      assert.ok(plant?.problems.includes('certificates'), `the plant's lapsed certificate is a problem: ${JSON.stringify(plant)}`);
      const chip = page.getByTestId('competence-overview-problem-certificates');
      assert.match(await chip.innerText(), new RegExp(`无证上岗或证书过期\\s*${all.counts.certificates}`));
      await chip.click();
      await page.waitForURL(/problem=certificates/);
      const rows = table.locator('tbody tr.ant-table-row');
      const expected = Math.min(all.counts.certificates!, 20);
      for (let i = 0; i < 100 && await rows.count() !== expected; i++) await page.waitForTimeout(100);
      assert.equal(await rows.count(), expected);
      const row = rows.filter({ hasText: PLANT });
      await row.waitFor({ timeout: 20_000 });
      await shot(page, 'competence-certificates');
      await row.locator('a[href*="tab=certificates"]').first().click();
      await page.waitForURL(/\/enterprises\/[^/?]+\?tab=certificates/);
      await page.getByTestId('certificates-tabs').waitFor({ timeout: 20_000 });
      await page.waitForLoadState('networkidle');
      await readable(page, 'the plant\'s certificates in its file');
      await shot(page, 'file-certificates');
      for (const s of sessions) assert.deepEqual(s.errors.map((e) => e.message), []);
    } finally {
      for (const s of sessions) await s.context.close();
    }
  });
});
