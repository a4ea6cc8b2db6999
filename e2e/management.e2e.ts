/**
 * Issue 12, browser flows of the management system (管理体系), in Chinese:
 * - an employee reads the revised operators' procedure on his phone and acknowledges it;
 * - a worker without an account acknowledges a new post procedure on the safety manager's shared phone, proving who he
 *   is with the last four characters of his ID number (the safety manager puts him on the roster and writes the
 *   procedure, the principal approves it with his signature, the safety manager publishes it);
 * - the safety manager records a use of the safety production fee and sees the balance go down by exactly that sum;
 * - the insurer enters the plant's renewal 安责险 policy, the principal confirms it on his phone, and both see it confirmed.
 * Each flow checks what the person sees and what the server stored. Run by e2e/run.ts (`npm run test:e2e -- management`).
 */
import assert from 'node:assert/strict';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { idNumberCheckChar } from '../src/modules/org/id-number';
import { makeCreditCode } from '../src/seed/demo';
import { apiGet, assertReadable, assertWrongLast4Refused, BASE, messageKeys, choose, chooseByLabel, clickNav, confirmPopup, drawSignature, launchChromium, signIn, type SignedIn } from './browser';

assert.ok(BASE, 'E2E_BASE_URL is not set: run the browser tests with `npm run test:e2e`');

const SCREENSHOTS = process.env.E2E_SCREENSHOTS ?? path.resolve('e2e/screenshots');
const PHONE = { width: 390, height: 844 };
const WIDE = { width: 1366, height: 800 };
/** The demo plant: the first enterprise of the demo district (src/seed/demo.ts). */
const PLANT = '昆明官渡精细化工有限公司';
const PLANT_CREDIT_CODE = makeCreditCode(1);

/** Message keys of the modules these flows use, which must never reach the screen as text. */
const MODULE_KEYS = ['documents', 'laws', 'investment', 'insurance', 'sign', 'employee', 'common', 'validation', 'managementOverview'];

const readable = (page: Page, what: string) => assertReadable(page, what, MODULE_KEYS);

/** Yuan as shown ("1,009,900.00") or sent ("3456.78") → fen, exactly. */
function fen(text: string): bigint {
  const m = /^(-?)([\d,]+)\.(\d{2})$/.exec(text.trim());
  assert.ok(m, `not an amount: ${text}`);
  const v = BigInt(m[2]!.replace(/,/g, '')) * 100n + BigInt(m[3]!);
  return m[1] ? -v : v;
}

/** A day as YYYY-MM-DD plus days or years, on the calendar (no time of day). */
function addDays(day: string, days: number): string {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}
function addYears(day: string, years: number): string {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCFullYear(d.getUTCFullYear() + years);
  return d.toISOString().slice(0, 10);
}

const shot = (page: Page, name: string) => page.screenshot({ path: path.join(SCREENSHOTS, `management-${name}.png`) });

type AckList = { pending: { versionId: string; title: string; number: number }[]; done: { versionId: string; title: string; number: number; acknowledgedAt: string | null }[] };
type Me = { scope: { enterpriseId: string | null } };

describe('the management system in the browser (issue 12)', () => {
  let browser: Browser;
  const stamp = Date.now().toString(36).slice(-5);
  before(async () => { browser = await launchChromium(); });
  after(async () => { await browser?.close(); });

  test('an employee reads the revised procedure on his phone and acknowledges it', async () => {
    const { context, page, errors } = await signIn(browser, 'worker', PHONE);
    try {
      await page.goto(`${BASE}/documents/mine`);
      const mine = page.getByTestId('documents-mine');
      await mine.waitFor({ timeout: 20_000 });
      await page.waitForLoadState('networkidle');
      await readable(page, 'my documents at 390 px');
      // The demo published the operators' procedure's second version yesterday: it waits for him.
      const before1 = await apiGet<AckList>(page, '/me/document-acks');
      const owed = before1.pending.find((p) => p.title === '反应釜操作工岗位安全操作规程');
      assert.ok(owed, `the revised procedure is to read: ${JSON.stringify(before1.pending)}`);
      const item = page.getByTestId('documents-mine-pending').locator('.ant-list-item').filter({ hasText: '反应釜操作工岗位安全操作规程' });
      await item.waitFor({ timeout: 20_000 });
      assert.match(await item.innerText(), new RegExp(`第 ${owed.number} 版[\\s\\S]*待确认`));
      await item.click();
      const reader = page.getByTestId('documents-reader');
      await reader.waitFor({ state: 'visible', timeout: 20_000 });
      await reader.getByText('紧急停车', { exact: false }).first().waitFor({ timeout: 20_000 });
      assert.match(await reader.innerText(), /超温超压时立即停止加料/);
      await readable(page, 'the procedure opened on the phone');
      await shot(page, 'ack-phone');
      await reader.getByTestId('documents-acknowledge').click();
      await reader.waitFor({ state: 'hidden', timeout: 20_000 });
      // It leaves the list to read and shows among the acknowledged.
      await page.getByTestId('documents-mine-pending').locator('.ant-list-item').filter({ hasText: '反应釜操作工岗位安全操作规程' })
        .waitFor({ state: 'detached', timeout: 20_000 }).catch(() => undefined);
      const body = await mine.innerText();
      assert.match(body, /已确认[\s\S]*反应釜操作工岗位安全操作规程/);
      const after1 = await apiGet<AckList>(page, '/me/document-acks');
      assert.ok(!after1.pending.some((p) => p.versionId === owed.versionId), 'no longer to read');
      const done = after1.done.find((d) => d.versionId === owed.versionId);
      assert.ok(done?.acknowledgedAt, 'the acknowledgement is stored with its time');
      // Opening it again says when he acknowledged, with no button.
      await page.getByTestId('documents-mine').locator('.ant-list-item').filter({ hasText: '反应釜操作工岗位安全操作规程' }).filter({ hasText: `第 ${owed.number} 版` }).first().click();
      await reader.waitFor({ state: 'visible', timeout: 20_000 });
      await reader.getByText(/已于 .+ 确认/).waitFor({ timeout: 20_000 });
      assert.equal(await reader.getByTestId('documents-acknowledge').count(), 0);
      assert.deepEqual(errors.map((e) => e.message), []);
    } finally {
      await context.close();
    }
  });

  test('a worker without an account acknowledges a new post procedure on the safety manager\'s shared phone', async () => {
    const person = `登高工${stamp}`;
    const first17 = `11010119880512${String(100 + (parseInt(stamp, 36) % 900))}`;
    const idNumber = first17 + idNumberCheckChar(first17);
    const last4 = idNumber.slice(-4);
    const wrong = last4 === '0000' ? '1111' : '0000';
    const title = `登高架设作业安全操作规程（${stamp}）`;
    const sessions: SignedIn[] = [];
    try {
      // The safety manager puts the new scaffolder on the roster (no account) and writes the post's procedure.
      const desk = await signIn(browser, 'safety', WIDE);
      sessions.push(desk);
      let page = desk.page;
      await page.goto(`${BASE}/employees`);
      await page.getByTestId('employees-page').waitFor({ timeout: 20_000 });
      await page.getByTestId('employee-create').click();
      const form = page.getByTestId('employee-form');
      await form.waitFor({ state: 'visible', timeout: 20_000 });
      await form.getByTestId('field-employee-name').fill(person);
      await form.getByTestId('field-employee-idNumber').fill(idNumber);
      await choose(page, 'field-employee-orgUnit', '二车间', { tree: true, scope: form });
      // R-TRN-2 (issue 13 §2): he was trained before joining (with the evidence described), and the scaffolder's post is a
      // special operation: he takes it only once his 高处作业 certificate is recorded.
      await form.getByTestId('field-employee-trainedBeforeJoining').check();
      await form.getByTestId('field-employee-priorTrainingNote').fill('2024年在原单位完成三级安全教育72学时');
      await page.getByTestId('employee-save').click();
      await form.waitFor({ state: 'hidden', timeout: 20_000 });

      await page.goto(`${BASE}/certificates`);
      await page.getByTestId('certificates-page').waitFor({ timeout: 20_000 });
      await page.getByTestId('certificates-add').click();
      const cert = page.getByTestId('certificate-drawer');
      await cert.waitFor({ state: 'visible', timeout: 20_000 });
      // The holder is searched on the server: type his name, then pick him.
      await cert.getByTestId('certificate-field-employee').click();
      await page.keyboard.type(person);
      await choose(page, 'certificate-field-employee', person, { scope: cert });
      await choose(page, 'certificate-field-type', '高处作业', { scope: cert });
      await cert.getByTestId('certificate-field-number').fill(`T${stamp}`);
      await cert.getByTestId('certificate-field-issuedOn').click();
      await page.locator('.ant-picker-dropdown:visible .ant-picker-now-btn, .ant-picker-dropdown:visible .ant-picker-today-btn').first().click();
      await page.getByTestId('certificate-drawer-ok').click();
      await cert.waitFor({ state: 'hidden', timeout: 20_000 });

      await page.goto(`${BASE}/employees?q=${encodeURIComponent(person)}`);
      await page.getByTestId('employees-page').waitFor({ timeout: 20_000 });
      await page.locator('tr').filter({ hasText: person }).getByTestId('employee-edit').click();
      await form.waitFor({ state: 'visible', timeout: 20_000 });
      await choose(page, 'field-employee-posts', '登高架设作业人员', { scope: form });
      await page.keyboard.press('Escape');
      await page.getByTestId('employee-save').click();
      await form.waitFor({ state: 'hidden', timeout: 20_000 });

      await page.goto(`${BASE}/documents`);
      await page.getByTestId('documents-page').waitFor({ timeout: 20_000 });
      await page.waitForLoadState('networkidle');
      await readable(page, 'the document library');
      await page.getByTestId('documents-add').click();
      const create = page.getByTestId('documents-create');
      await create.waitFor({ state: 'visible', timeout: 20_000 });
      await chooseByLabel(page, create, '类别', '岗位安全操作规程');
      await create.locator('.ant-form-item').filter({ has: page.locator('label', { hasText: /^名称$/ }) }).locator('input').fill(title);
      await chooseByLabel(page, create, '涉及岗位（发布后这些岗位的人员须阅读确认）', '登高架设作业人员');
      await page.keyboard.press('Escape');
      await create.locator('.ant-form-item').filter({ has: page.locator('label', { hasText: /^正文$/ }) }).locator('textarea')
        .fill('一、作业前\n1. 持高处作业操作证上岗，系好安全带。\n二、作业中\n2. 脚手架搭设后经验收挂牌方可使用。\n3. 五级以上大风停止作业。');
      await create.locator('.ant-form-item').filter({ has: page.locator('label', { hasText: /^修订说明$/ }) }).locator('input').fill('首次发布');
      await page.getByTestId('documents-create-ok').click();
      await create.waitFor({ state: 'hidden', timeout: 20_000 });
      const drawer = page.getByTestId('documents-drawer');
      await drawer.waitFor({ state: 'visible', timeout: 20_000 });
      await drawer.getByTestId('documents-versions').getByText('草稿').waitFor({ timeout: 20_000 });

      // The principal approves the draft with his handwritten signature.
      const principal = await signIn(browser, 'principal', WIDE);
      sessions.push(principal);
      page = principal.page;
      await page.goto(`${BASE}/documents`);
      await page.getByTestId('documents-page').waitFor({ timeout: 20_000 });
      await page.getByTestId('documents-list').getByText(title).click();
      await page.getByTestId('documents-drawer').getByTestId('documents-versions').locator('.ant-list-item').first().click();
      let version = page.getByTestId('documents-version');
      await version.getByTestId('documents-approve').click();
      const sign = page.getByTestId('sign-dialog');
      await drawSignature(page, sign);
      await sign.getByTestId('sign-submit').click();
      await sign.getByTestId('sign-submit').waitFor({ state: 'hidden', timeout: 20_000 });
      await version.getByText('已批准待发布').waitFor({ timeout: 20_000 });
      await readable(page, 'the approved version');

      // The safety manager publishes it: everyone on the post is asked to read it.
      page = desk.page;
      await page.reload();
      await page.getByTestId('documents-page').waitFor({ timeout: 20_000 });
      await page.getByTestId('documents-list').getByText(title).click();
      await page.getByTestId('documents-drawer').getByTestId('documents-versions').locator('.ant-list-item').first().click();
      version = page.getByTestId('documents-version');
      await version.getByTestId('documents-publish').click();
      await confirmPopup(page);
      await version.getByText('已发布').waitFor({ timeout: 20_000 });
      const me = await apiGet<Me>(page, '/auth/me');
      const eid = me.scope.enterpriseId!;
      type Library = { items: { id: string; title: string; current: { id: string; acks: { asked: number; acknowledged: number } } | null }[] };
      const doc = (await apiGet<Library>(page, `/enterprises/${eid}/documents?q=${encodeURIComponent(stamp)}`)).items.find((d) => d.title === title);
      assert.ok(doc?.current, 'the procedure is in force');
      assert.equal(doc.current.acks.acknowledged, 0);
      assert.ok(doc.current.acks.asked >= 1, 'the scaffolders were asked');
      const proxyUrl = `/enterprises/${eid}/documents/${doc.id}/versions/${doc.current.id}/proxy-acks`;
      const waiting = await apiGet<{ employeeId: string; name: string }[]>(page, proxyUrl);
      assert.ok(waiting.some((p) => p.name === person), `${person} waits for the shared device: ${JSON.stringify(waiting)}`);

      // On the workshop's shared phone, the worker reads it, signs with his finger and types his ID's last four.
      const shared = await signIn(browser, 'safety', PHONE);
      sessions.push(shared);
      page = shared.page;
      await page.goto(`${BASE}/documents`);
      await page.getByTestId('documents-page').waitFor({ timeout: 20_000 });
      await page.waitForLoadState('networkidle');
      await readable(page, 'the library at 390 px');
      await page.getByTestId('documents-list').getByText(title).click();
      const onPhone = page.getByTestId('documents-drawer');
      await onPhone.getByTestId('documents-versions').locator('.ant-list-item').first().click();
      version = page.getByTestId('documents-version');
      await version.getByText('脚手架搭设后经验收挂牌方可使用').waitFor({ timeout: 20_000 });
      await version.getByTestId('documents-proxy').click();
      const dialog = page.getByTestId('sign-dialog');
      // (The modal's root element has no box of its own: wait for what it shows.)
      await dialog.getByTestId('sign-submit').waitFor({ state: 'visible', timeout: 20_000 });
      await choose(page, 'sign-person', person, { scope: dialog });
      await drawSignature(page, dialog);
      await readable(page, 'the shared-device dialog at 390 px');
      await shot(page, 'proxy-ack-phone');
      // A wrong last four is refused on the field, in Chinese, and nothing is stored.
      await assertWrongLast4Refused(page, dialog, wrong, messageKeys(MODULE_KEYS));
      assert.ok((await apiGet<{ name: string }[]>(page, proxyUrl)).some((p) => p.name === person), 'a wrong proof stores nothing');
      await dialog.getByTestId('sign-last4').fill(last4);
      await dialog.getByTestId('sign-submit').click();
      await dialog.getByTestId('sign-submit').waitFor({ state: 'hidden', timeout: 20_000 })
        .catch(async (e: unknown) => { await shot(page, 'proxy-ack-failed'); throw e; });
      // Stored: he is no longer waiting, and the procedure's rate counts him.
      const left = await apiGet<{ name: string }[]>(page, proxyUrl);
      assert.ok(!left.some((p) => p.name === person), 'acknowledged');
      const after1 = (await apiGet<Library>(page, `/enterprises/${eid}/documents?q=${encodeURIComponent(stamp)}`)).items.find((d) => d.title === title)!;
      assert.equal(after1.current!.acks.acknowledged, 1);
      // On screen: the version list shows 1 of the people asked.
      await version.locator('.ant-drawer-close').click().catch(() => page.keyboard.press('Escape'));
      await onPhone.getByTestId('documents-versions').getByText(new RegExp(`1/${after1.current!.acks.asked} 人`)).waitFor({ timeout: 20_000 });
      for (const s of sessions) assert.deepEqual(s.errors.map((e) => e.message), []);
    } finally {
      for (const s of sessions) await s.context.close();
    }
  });

  test('the safety manager records a use of the safety fee and sees the balance', async () => {
    const { context, page, errors } = await signIn(browser, 'safety', WIDE);
    try {
      await page.goto(`${BASE}/investment`);
      const figures = page.getByTestId('investment-figures');
      await figures.waitFor({ timeout: 20_000 });
      await page.waitForLoadState('networkidle');
      await readable(page, 'the safety investment');
      const figure = (title: string) => figures.locator('.ant-statistic').filter({ has: page.locator('.ant-statistic-title', { hasText: new RegExp(`^${title}$`) }) })
        .locator('.ant-statistic-content');
      const balance0 = fen(await figure('结余').innerText());
      const used0 = fen(await figure('已使用').innerText());
      const amount = '3456.78';
      const purpose = `二车间登高作业安全带及速差器采购 ${stamp}`;
      await page.getByTestId('use-add').click();
      const drawer = page.getByTestId('investment-use-drawer');
      await drawer.waitFor({ state: 'visible', timeout: 20_000 });
      await chooseByLabel(page, drawer, '使用类别', /劳动防护用品|防护用品/);
      await drawer.locator('.ant-form-item').filter({ has: page.locator('label', { hasText: /^金额（元）$/ }) }).locator('input').fill(amount);
      await drawer.locator('.ant-form-item').filter({ has: page.locator('label', { hasText: /^用途$/ }) }).locator('textarea').fill(purpose);
      await drawer.locator('.ant-form-item').filter({ has: page.locator('label', { hasText: /^凭证号$/ }) }).locator('input').fill(`记-E2E-${stamp}`);
      await page.getByTestId('investment-use-drawer-ok').click();
      await drawer.waitFor({ state: 'hidden', timeout: 20_000 });
      // The ledger lists it and the balance falls by exactly the amount.
      const row = page.getByTestId('investment-ledger').locator('tr').filter({ hasText: purpose });
      await row.waitFor({ timeout: 20_000 });
      assert.match(await row.innerText(), /3,456\.78/);
      for (let i = 0; i < 50 && fen(await figure('结余').innerText()) === balance0; i++) await page.waitForTimeout(200);
      assert.equal(fen(await figure('结余').innerText()), balance0 - fen(amount), 'the balance shown falls by the amount');
      assert.equal(fen(await figure('已使用').innerText()), used0 + fen(amount), 'the used sum shown rises by the amount');
      await readable(page, 'the investment after the use');
      await shot(page, 'fee-use');
      // Stored: the use with its exact amount, and the year's figures.
      const { scope } = await apiGet<Me>(page, '/auth/me');
      type Year = { year: number; figures: { balance: string; used: string } };
      const year = await apiGet<Year>(page, `/enterprises/${scope.enterpriseId}/investment`);
      assert.equal(fen(year.figures.balance), balance0 - fen(amount));
      const uses = await apiGet<{ items: { amount: string; purpose: string; eligible: boolean; voucherNo: string }[] }>(page,
        `/enterprises/${scope.enterpriseId}/investment/uses?year=${year.year}&pageSize=100`);
      const stored = uses.items.find((u) => u.purpose === purpose);
      assert.deepEqual(stored && { amount: stored.amount, eligible: stored.eligible, voucherNo: stored.voucherNo }, { amount: amount, eligible: true, voucherNo: `记-E2E-${stamp}` });
      assert.deepEqual(errors.map((e) => e.message), []);
    } finally {
      await context.close();
    }
  });

  test('the insurer enters the plant\'s renewal policy, the principal confirms it on his phone, and both see it confirmed', async () => {
    const number = `PICC-AZX-E2E-${stamp.toUpperCase()}`;
    const sessions: SignedIn[] = [];
    try {
      const insurer = await signIn(browser, 'insurer', WIDE);
      sessions.push(insurer);
      let page = insurer.page;
      await page.goto(`${BASE}/insurance/policies`);
      await page.getByTestId('insurer-policies-page').waitFor({ timeout: 20_000 });
      await page.waitForLoadState('networkidle');
      await readable(page, 'the insurer\'s policies');
      // The renewal starts the day after the plant's policy in force ends.
      type Summary = { id: string; enterpriseName: string; policyNumber: string; startsOn: string; endsOn: string; status: string; people: number };
      const listed = await apiGet<{ items: Summary[] }>(page, `/insurance/policies?q=${encodeURIComponent(PLANT)}&pageSize=50`);
      const current = listed.items.filter((p) => p.enterpriseName === PLANT).sort((a, b) => b.endsOn.localeCompare(a.endsOn))[0];
      assert.ok(current, 'the demo plant has a policy with this insurer');
      const startsOn = addDays(current.endsOn, 1);
      const endsOn = addDays(addYears(startsOn, 1), -1);

      await page.getByTestId('policy-new').click();
      const lookup = page.getByTestId('policy-lookup');
      await lookup.waitFor({ state: 'visible', timeout: 20_000 });
      await lookup.locator('input').fill(PLANT_CREDIT_CODE);
      await lookup.locator('input').press('Enter');
      const found = page.getByTestId('policy-found');
      await found.waitFor({ timeout: 20_000 });
      assert.match(await found.innerText(), new RegExp(PLANT));
      await page.getByTestId('policy-number').fill(number);
      const period = page.locator('.ant-drawer .ant-form-item').filter({ has: page.locator('label', { hasText: /^保险期间$/ }) }).locator('.ant-picker-range');
      const [from, to] = [period.locator('input').nth(0), period.locator('input').nth(1)];
      await from.click();
      await from.fill(startsOn);
      await from.press('Enter');
      await to.click();
      await to.fill(endsOn);
      await to.press('Enter');
      await page.waitForTimeout(300);
      assert.deepEqual([await from.inputValue(), await to.inputValue()], [startsOn, endsOn]);
      await page.getByTestId('policy-premium').fill('5220.00');
      await page.getByTestId('policy-save').click();
      // Saved, the drawer turns to the insured people: everyone on the roster, one cover of 400,000.
      const pickAll = page.getByTestId('policy-pick-all');
      await pickAll.waitFor({ state: 'visible', timeout: 20_000 });
      await page.getByTestId('policy-roster').locator('tbody tr.ant-table-row').first().waitFor({ timeout: 20_000 });
      await pickAll.click();
      assert.equal(await page.getByTestId('policy-cover').inputValue(), '400000.00');
      await page.getByTestId('policy-save').click();
      await page.getByText('符合要求', { exact: true }).first().waitFor({ timeout: 20_000 });
      await readable(page, 'the policy entered');
      await shot(page, 'policy-entered');
      await page.keyboard.press('Escape');
      const entered = (await apiGet<{ items: Summary[] }>(page, `/insurance/policies?q=${encodeURIComponent(number)}`)).items.find((p) => p.policyNumber === number);
      assert.ok(entered, 'the policy is stored');
      assert.deepEqual([entered.status, entered.startsOn, entered.endsOn], ['pending', startsOn, endsOn]);
      assert.ok(entered.people > 0);
      await page.reload();
      const insurerRow = () => page.getByTestId('insurer-policies').locator('tr').filter({ hasText: number });
      await insurerRow().waitFor({ timeout: 20_000 });
      assert.match(await insurerRow().innerText(), /待企业确认/);

      // The principal confirms it on his phone.
      const principal = await signIn(browser, 'principal', PHONE);
      sessions.push(principal);
      page = principal.page;
      await page.goto(`${BASE}/insurance`);
      await page.getByTestId('insurance-detail').waitFor({ timeout: 20_000 });
      await page.waitForLoadState('networkidle');
      await readable(page, 'the plant\'s insurance at 390 px');
      const rowOf = (p: Page) => p.getByTestId('insurance-policies').locator('tr').filter({ hasText: number });
      await rowOf(page).waitFor({ timeout: 20_000 });
      assert.match(await rowOf(page).innerText(), /待企业确认/);
      await rowOf(page).getByRole('button', { name: number }).click();
      const detail = page.getByTestId('policy-detail');
      await detail.waitFor({ timeout: 20_000 });
      assert.match(await detail.innerText(), /人保财险昆明市官渡支公司|400000/);
      await readable(page, 'the policy on the phone');
      await page.getByTestId('policy-confirm').click();
      await confirmPopup(page);
      await page.getByTestId('policy-confirm').waitFor({ state: 'detached', timeout: 20_000 });
      await detail.getByText('已确认').first().waitFor({ timeout: 20_000 });
      assert.match(await detail.innerText(), /精细化工 主要负责人/);
      await shot(page, 'policy-confirmed-phone');
      await page.keyboard.press('Escape');
      await rowOf(page).filter({ hasText: '已确认' }).waitFor({ timeout: 20_000 });
      const { scope } = await apiGet<Me>(page, '/auth/me');
      const overview = await apiGet<{ policies: Summary[] }>(page, `/enterprises/${scope.enterpriseId}/insurance`);
      assert.equal(overview.policies.find((p) => p.policyNumber === number)?.status, 'confirmed');

      // The insurer sees it confirmed, and can no longer change it.
      page = insurer.page;
      await page.reload();
      await insurerRow().filter({ hasText: '已确认' }).waitFor({ timeout: 20_000 });
      await insurerRow().click();
      await page.getByText(/^已确认：\d+ 人$/).waitFor({ timeout: 20_000 });
      assert.equal(await page.getByTestId('policy-save').count(), 0, 'a confirmed policy is not edited');
      const stored = (await apiGet<{ items: Summary[] }>(page, `/insurance/policies?q=${encodeURIComponent(number)}`)).items.find((p) => p.policyNumber === number);
      assert.equal(stored?.status, 'confirmed');
      await readable(page, 'the confirmed policy for the insurer');
      for (const s of sessions) assert.deepEqual(s.errors.map((e) => e.message), []);
    } finally {
      for (const s of sessions) await s.context.close();
    }
  });
  test('the department officer finds the plant with special equipment overdue in the management-system view and opens its equipment', async () => {
    const { context, page, errors } = await signIn(browser, 'yjj', WIDE);
    try {
      await page.goto(`${BASE}/`);
      await clickNav(page, 'management', 'managementOverview');
      const table = page.getByTestId('management-overview');
      await table.waitFor({ timeout: 20_000 });
      await page.waitForLoadState('networkidle');
      await readable(page, 'the management-system view');
      type View = { total: number; counts: Record<string, number>; items: { name: string; equipment: { overdue: number }; problems: string[] }[] };
      const all = await apiGet<View>(page, '/management-overview?pageSize=200');
      const plant = all.items.find((i) => i.name === PLANT);
      assert.ok(plant && plant.equipment.overdue > 0, `the demo plant has special equipment overdue: ${JSON.stringify(plant)}`);
      assert.match(await page.getByTestId('management-overview-page').innerText(), new RegExp(`${all.total} 家企业，${all.counts.any} 家存在问题`));
      // Only the enterprises with special equipment overdue: the chip carries their count, the list shrinks to them.
      const chip = page.getByTestId('management-overview-problem-equipment');
      assert.match(await chip.innerText(), new RegExp(`特种设备超期未检\\s*${all.counts.equipment}`));
      await chip.click();
      await page.waitForURL(/problem=equipment/);
      const rows = table.locator('tbody tr.ant-table-row');
      const expected = Math.min(all.counts.equipment, 20);
      for (let i = 0; i < 100 && await rows.count() !== expected; i++) await page.waitForTimeout(100);
      assert.equal(await rows.count(), expected);
      const row = rows.filter({ hasText: PLANT });
      await row.waitFor({ timeout: 20_000 });
      await shot(page, 'overview-equipment');
      // The overdue figure opens the enterprise file at its equipment.
      await row.locator('td').last().locator('a').click();
      await page.waitForURL(/\/enterprises\/[^/?]+\?tab=equipment/);
      await page.getByText('特种设备', { exact: false }).first().waitFor({ timeout: 20_000 });
      await readable(page, 'the plant\'s equipment in its file');
      assert.deepEqual(errors, []);
    } finally {
      await context.close();
    }
  });

  test('the subdistrict officer reads the view on a phone: his own enterprises, no sideways page', async () => {
    const { context, page, errors } = await signIn(browser, 'guanshang', PHONE);
    try {
      await page.goto(`${BASE}/management-overview`);
      await page.getByTestId('management-overview').waitFor({ timeout: 20_000 });
      await page.waitForLoadState('networkidle');
      await readable(page, 'the view at 390 px');
      const view = await apiGet<{ total: number; items: { subdistrictName: string }[] }>(page, '/management-overview?pageSize=200');
      assert.ok(view.total > 0 && view.items.every((i) => i.subdistrictName === '关上街道'), JSON.stringify(view.items.map((i) => i.subdistrictName)));
      assert.equal(await page.getByTestId('management-overview-subdistrict').count(), 0, 'no subdistrict filter for one subdistrict');
      await shot(page, 'overview-phone');
      assert.deepEqual(errors, []);
    } finally {
      await context.close();
    }
  });
  test('a worker reads his post\'s risk-notice card on his phone and confirms he knows its risks (R-RISK-7)', async () => {
    const { context, page, errors } = await signIn(browser, 'worker', PHONE);
    try {
      await page.goto(`${BASE}/risk/my-cards`);
      await page.getByTestId('risk-my-cards').waitFor({ timeout: 20_000 });
      await page.waitForLoadState('networkidle');
      await readable(page, 'my risk-notice cards at 390 px');
      type Cards = { items: { postId: string; acknowledgedAt: string | null }[] };
      const before1 = await apiGet<Cards>(page, '/me/risk-cards');
      const owed = before1.items.filter((c) => !c.acknowledgedAt);
      assert.ok(owed.length > 0, `the demo worker owes his post's card: ${JSON.stringify(before1)}`);
      // The first card still to confirm, held by its place (once confirmed it has no button any more).
      const cards = page.getByTestId('risk-my-card');
      await cards.first().waitFor({ timeout: 20_000 });
      let index = -1;
      for (let i = 0; i < await cards.count() && index < 0; i++) if (await cards.nth(i).getByTestId('risk-card-acknowledge').count()) index = i;
      assert.ok(index >= 0, 'a card with its 我已知晓 button');
      const card = cards.nth(index);
      await card.getByTestId('risk-card-acknowledge').click();
      await card.getByTestId('risk-my-card-acked').waitFor({ timeout: 20_000 });
      assert.match(await card.getByTestId('risk-my-card-acked').innerText(), /\d/);
      const after1 = await apiGet<Cards>(page, '/me/risk-cards');
      assert.equal(after1.items.filter((c) => !c.acknowledgedAt).length, owed.length - 1, 'one card fewer to read');
      await shot(page, 'risk-card-phone');
      assert.deepEqual(errors, []);
    } finally {
      await context.close();
    }
  });
});
