import { can, requireActor, type Actor, type Ctx } from '../../../platform/auth/actor';
import { requireEnterpriseInScope } from '../../../platform/auth/policy';
import { writeAudit } from '../../../platform/audit/audit';
import type { Db, Executor } from '../../../platform/db/database';
import type { AnyScope } from '../../../platform/db/scope';
import { AppError, forbidden, invalid, notFound } from '../../../platform/errors';
import { deleteFile, loadFile, prepareFiles, storeFiles, type NewFile } from '../../../platform/files/attachments';
import { translateRowErrors } from '../../../platform/files/sheet';
import { readXlsxUpload, safeFileName, type Upload, type XlsxFile } from '../../../platform/files/xlsx';
import { t } from '../../../platform/i18n/messages';
import { enqueueOutbox } from '../../../platform/outbox';
import { currentRules } from '../../../platform/rules';
import { signDocument, verifySigner, type OwnSignature } from '../../../platform/signatures';
import { localDay, localInstant, localYear } from '../../../platform/time';
import { fulfilByRecord } from '../../obligations';
import { buildLedgerTemplate, readLedger, validateUses } from './investment.excel';
import { isPrincipalOf, mayManage, VOUCHER_OWNER } from './investment.policy';
import {
  budgetLines, deleteAuditRow, deleteBudgetDraft, deleteCheckRow, deleteUseRow, enterpriseFacts, findAudit, findBudget, findCheck, findUse, findYear,
  insertAudit, insertBudget, insertCheck, insertUses, listAudits, listChecks, markBudgetApproved, markCheckSigned, replaceBudgetLines, shortfallCount,
  supervisePage, updateAuditRow, updateBudgetDraft, updateUseRow, upsertYear, useListPage, usedByCategory, useOfVoucher, vouchersOf, yearClosed, yearsUpTo,
  type AuditRow, type BudgetRow, type CheckRow, type UseColumns, type UseRow,
} from './investment.repository';
import { OUTSIDE_CATEGORY, SAFETY_FEE_RULES } from './investment.rule-sets';
import { carryIn, computeAccrual, fenOfNumeric, formatFen, sumFen, yearFigures, type YearFigures } from './investment.rules';
import type {
  AccrualBody, AuditCreate, AuditPatch, BudgetPut, BudgetView, CheckCreate, ImportReport, SuperviseQuery, UseCreate, UseListQuery, UsePatch, YearPatch,
} from './investment.schema';

/*
 * R-INV-1, issue 12 §3: safety investment and the safety production fee. The yearly budget by category of use (the
 * principal's signature approves it), the required accrual computed by the rule-set `safety-fee` (财资〔2022〕136号),
 * the accrual booked, the usage ledger with vouchers, the year's balance carried on, the flags (accrual shortfall,
 * spending outside the categories, overspending), the fee's audits, and the principal's yearly signed check of the
 * ledger, which fulfils the ten-ones item "1 check of safety investment a year" (R-RESP-5) and closes the year's ledger.
 * Money is exact: decimal strings at the edge, numeric(18,2) in SQL, integer fen in between (investment.rules.ts).
 */

const refused = (code: 'STATE' | 'FORBIDDEN', reason: string, messageKey: string, params?: Record<string, string | number>) =>
  new AppError(code, { reason, messageKey, ...(params ? { params } : {}) });
const stale = () => new AppError('CONFLICT', { reason: 'STALE' });
const yearClosedError = () => refused('STATE', 'YEAR_CHECKED', 'investment.refused.yearChecked');

type Rules = Awaited<ReturnType<typeof rulesOf>>;

async function rulesOf(db: Executor, enterpriseId: string, industry: string) {
  const rules = await currentRules(db, { enterpriseId }, SAFETY_FEE_RULES);
  const industrySchedules = rules.value.industries.find((i) => i.industry === industry)?.schedules ?? [];
  return {
    version: rules.version, categories: rules.value.categories, eligible: rules.value.categories.map((c) => c.code),
    schedules: rules.value.schedules.filter((s) => industrySchedules.includes(s.key)), applies: industrySchedules.length > 0,
  };
}

async function open(db: Executor, actor: Actor, enterpriseId: string) {
  await requireEnterpriseInScope(db, actor, enterpriseId);
  const e = await enterpriseFacts(db, actor.scope, enterpriseId);
  if (!e) throw notFound();
  return { e, rules: await rulesOf(db, enterpriseId, e.industry_code) };
}

function guardManage(actor: Actor, enterpriseId: string) {
  if (!mayManage(actor, enterpriseId)) throw refused('FORBIDDEN', 'NOT_MANAGER', 'investment.refused.notManager');
}

function categoryName(rules: Rules, code: string, locale: Ctx['locale']): string {
  if (code === OUTSIDE_CATEGORY) return locale === 'zh-CN' ? '其他（不属于规定使用范围）' : 'Other (outside the categories of use)';
  return rules.categories.find((c) => c.code === code)?.name ?? code;
}

/** The year's account (R-INV-1): carry-in by the chain of years, required and booked accrual, uses, balance, flags. */
async function figuresOf(db: Executor, scope: AnyScope, enterpriseId: string, year: number, eligible: readonly string[]): Promise<YearFigures> {
  const { years, uses } = await yearsUpTo(db, scope, enterpriseId, year, eligible);
  const used = new Map(uses.map((u) => [u.year, { used: fenOfNumeric(u.used), ineligible: fenOfNumeric(u.ineligible) }]));
  const all = new Set([...years.map((y) => y.year), ...uses.map((u) => u.year)]);
  const chain = [...all].map((y) => {
    const row = years.find((r) => r.year === y);
    return { year: y, opening: row?.opening_balance == null ? null : fenOfNumeric(row.opening_balance), accrued: fenOfNumeric(row?.accrued ?? '0'), used: used.get(y)?.used ?? 0n };
  });
  const row = years.find((r) => r.year === year);
  return yearFigures({
    carryIn: carryIn(year, chain), required: row?.required_accrual == null ? null : fenOfNumeric(row.required_accrual),
    accrued: fenOfNumeric(row?.accrued ?? '0'), used: used.get(year)?.used ?? 0n, usedIneligible: used.get(year)?.ineligible ?? 0n,
  });
}

// ---- the year ----

export async function getInvestmentYear(db: Db, ctx: Ctx, enterpriseId: string, q: { year?: number | undefined }) {
  const actor = requireActor(ctx);
  const { e, rules } = await open(db, actor, enterpriseId);
  const year = q.year ?? localYear(ctx.now);
  const [figures, row, budget, checks, closed] = await Promise.all([
    figuresOf(db, actor.scope, enterpriseId, year, rules.eligible), findYear(db, actor.scope, enterpriseId, year), findBudget(db, actor.scope, enterpriseId, year),
    listChecks(db, actor.scope, enterpriseId, year), yearClosed(db, enterpriseId, year),
  ]);
  const signed = checks.find((c) => c.signed_at);
  return {
    enterpriseId, enterpriseName: e.name, year, applies: rules.applies, figures,
    openingBalance: row?.opening_balance ?? null,
    accrual: row?.computed_at && row.rule_set_version !== null ? {
      inputs: (row.accrual_inputs ?? []) as { schedule: string; base: string }[], lines: (row.accrual_lines ?? []) as never[],
      ruleSetVersion: row.rule_set_version, computedAt: row.computed_at,
    } : null,
    version: row?.version ?? null,
    budget: budget ? { id: budget.id, status: budget.status, total: budget.total, approvedAt: budget.approved_at } : null,
    check: signed?.signed_at ? { id: signed.id, signedAt: signed.signed_at, signedByName: signed.signed_by_name } : null,
    categories: rules.categories,
    schedules: rules.schedules.map((s) => ({
      key: s.key, name: s.name, basis: s.basis, rate: s.rate ?? null, bands: s.bands ?? null, unitAmount: s.unitAmount ?? null, unit: s.unit ?? null, source: s.source, verified: s.verified,
    })),
    abilities: { canManage: mayManage(actor, enterpriseId) && !closed, canApprove: isPrincipalOf(actor, enterpriseId), yearClosed: closed },
  };
}

/** The accrual booked for the year and (for the first year the platform holds) the opening balance. */
export async function updateYear(db: Db, ctx: Ctx, enterpriseId: string, year: number, patch: YearPatch) {
  const actor = requireActor(ctx);
  await db.transaction().execute(async (tx) => {
    await open(tx, actor, enterpriseId);
    guardManage(actor, enterpriseId);
    const before = await findYear(tx, actor.scope, enterpriseId, year, { lock: true });
    if (await yearClosed(tx, enterpriseId, year)) throw yearClosedError();
    if (patch.version !== undefined && before && before.version !== patch.version) throw stale();
    const set = {
      ...(patch.accrued !== undefined ? { accrued: formatFen(fenOfNumeric(patch.accrued)) } : {}),
      ...(patch.openingBalance !== undefined ? { opening_balance: patch.openingBalance === null ? null : formatFen(fenOfNumeric(patch.openingBalance)) } : {}),
    };
    await upsertYear(tx, actor.scope, enterpriseId, year, set, ctx.now);
    await writeAudit(tx, ctx, {
      action: 'investment.year.update', entityType: 'safety_fee_year', entityId: `${enterpriseId}:${year}`, enterpriseId,
      before: before ? { accrued: before.accrued, openingBalance: before.opening_balance } : null, after: { year, ...patch },
    });
  });
  return getInvestmentYear(db, ctx, enterpriseId, { year });
}

/**
 * R-INV-1 [cfg]: the required accrual from the inputs (prior-year revenue, project costs by type, output), each line a
 * schedule of the enterprise's industry in the rule-set. An unverified schedule refuses (409 `RATE_UNVERIFIED`, naming
 * it) until the district admin confirms it; `save` keeps the result, with the rule-set version, as the year's.
 */
export async function computeYearAccrual(db: Db, ctx: Ctx, enterpriseId: string, year: number, body: AccrualBody) {
  const actor = requireActor(ctx);
  return db.transaction().execute(async (tx) => {
    const { rules } = await open(tx, actor, enterpriseId);
    guardManage(actor, enterpriseId);
    if (!rules.applies) throw refused('STATE', 'NOT_APPLICABLE', 'investment.refused.notApplicable');
    const result = computeAccrual(rules.schedules, body.inputs);
    if (!result.ok) {
      if (result.reason === 'UNKNOWN_SCHEDULE') throw invalid(`body.inputs.${result.index}.schedule`, 'investment.refused.unknownSchedule');
      throw refused('STATE', 'RATE_UNVERIFIED', 'investment.refused.unverified', { name: result.name ?? result.schedule });
    }
    if (body.save) {
      await findYear(tx, actor.scope, enterpriseId, year, { lock: true });
      if (await yearClosed(tx, enterpriseId, year)) throw yearClosedError();
      await upsertYear(tx, actor.scope, enterpriseId, year, {
        required_accrual: result.total, accrual_inputs: JSON.stringify(body.inputs), accrual_lines: JSON.stringify(result.lines),
        rule_set_version: rules.version, computed_by: actor.userId, computed_at: ctx.now,
      }, ctx.now);
      await writeAudit(tx, ctx, {
        action: 'investment.accrual.compute', entityType: 'safety_fee_year', entityId: `${enterpriseId}:${year}`, enterpriseId,
        after: { year, inputs: body.inputs, total: result.total, ruleSetVersion: rules.version },
      });
    }
    return { year, total: result.total, lines: result.lines, ruleSetVersion: rules.version, saved: body.save };
  });
}

// ---- budget ----

async function budgetView(db: Executor, actor: Actor, ctx: Ctx, rules: Rules, b: BudgetRow): Promise<BudgetView> {
  const [lines, used] = await Promise.all([budgetLines(db, b.enterprise_id, b.id), usedByCategory(db, actor.scope, b.enterprise_id, b.year)]);
  const categories = [...new Set([...lines.map((l) => l.category), ...used.map((u) => u.category)])];
  const draft = b.status === 'draft';
  return {
    id: b.id, year: b.year, status: b.status, note: b.note, total: b.total,
    lines: lines.map((l) => ({
      lineNo: l.line_no, category: l.category, categoryName: categoryName(rules, l.category, ctx.locale), eligible: rules.eligible.includes(l.category), amount: l.amount, purpose: l.purpose,
    })),
    byCategory: categories.map((c) => ({
      category: c, categoryName: categoryName(rules, c, ctx.locale),
      budgeted: formatFen(sumFen(lines.filter((l) => l.category === c).map((l) => l.amount))), used: formatFen(fenOfNumeric(used.find((u) => u.category === c)?.used ?? '0')),
    })),
    approvedAt: b.approved_at, approvedByName: b.approved_by_name, contentSha256: b.content_sha256, version: b.version,
    abilities: { canEdit: draft && mayManage(actor, b.enterprise_id), canApprove: draft && lines.length > 0 && isPrincipalOf(actor, b.enterprise_id) },
  };
}

export async function getBudget(db: Db, ctx: Ctx, enterpriseId: string, year: number): Promise<BudgetView> {
  const actor = requireActor(ctx);
  const { rules } = await open(db, actor, enterpriseId);
  const b = await findBudget(db, actor.scope, enterpriseId, year);
  if (!b) throw notFound();
  return budgetView(db, actor, ctx, rules, b);
}

/**
 * Creates the year's budget or replaces a draft's note and lines (the version last read is required to replace).
 * Every line is one of the rule-set's categories of use; an approved budget is refused 409 `APPROVED`.
 */
export async function saveBudget(db: Db, ctx: Ctx, enterpriseId: string, year: number, input: BudgetPut): Promise<BudgetView> {
  const actor = requireActor(ctx);
  await db.transaction().execute(async (tx) => {
    const { rules } = await open(tx, actor, enterpriseId);
    guardManage(actor, enterpriseId);
    const bad = input.lines.findIndex((l) => !rules.eligible.includes(l.category));
    if (bad >= 0) throw invalid(`body.lines.${bad}.category`, 'investment.category');
    const lines = input.lines.map((l) => ({ category: l.category, amount: formatFen(fenOfNumeric(l.amount)), purpose: l.purpose }));
    const total = formatFen(sumFen(lines.map((l) => l.amount)));
    const existing = await findBudget(tx, actor.scope, enterpriseId, year, { lock: true });
    let id: string;
    if (!existing) {
      const created = await insertBudget(tx, actor.scope, enterpriseId, { year, note: input.note, total, by: actor.userId, now: ctx.now });
      if (!created) throw stale();
      id = created;
    } else {
      if (existing.status !== 'draft') throw refused('STATE', 'APPROVED', 'investment.refused.approved');
      if (input.version !== existing.version) throw stale();
      if (!(await updateBudgetDraft(tx, enterpriseId, existing.id, existing.version, { note: input.note, total }, ctx.now))) throw stale();
      id = existing.id;
    }
    await replaceBudgetLines(tx, enterpriseId, id, lines);
    await writeAudit(tx, ctx, {
      action: 'investment.budget.save', entityType: 'safety_budget', entityId: id, enterpriseId,
      before: existing ? { total: existing.total, note: existing.note } : null, after: { year, total, note: input.note, lines },
    });
  });
  return getBudget(db, ctx, enterpriseId, year);
}

export async function deleteBudget(db: Db, ctx: Ctx, enterpriseId: string, year: number): Promise<void> {
  const actor = requireActor(ctx);
  await db.transaction().execute(async (tx) => {
    await open(tx, actor, enterpriseId);
    guardManage(actor, enterpriseId);
    const b = await findBudget(tx, actor.scope, enterpriseId, year, { lock: true });
    if (!b) throw notFound();
    if (b.status !== 'draft') throw refused('STATE', 'APPROVED', 'investment.refused.approved');
    await deleteBudgetDraft(tx, enterpriseId, b.id);
    await writeAudit(tx, ctx, { action: 'investment.budget.delete', entityType: 'safety_budget', entityId: b.id, enterpriseId, before: { year, total: b.total } });
  });
}

/**
 * R-INV-1: the principal approves the year's budget with his own signature (pad or password) over its lines as shown;
 * anyone else is refused 403 `PRINCIPAL_ONLY`. The approved budget never changes; its author is told.
 */
export async function approveBudget(db: Db, ctx: Ctx, enterpriseId: string, year: number, body: OwnSignature): Promise<BudgetView> {
  const actor = requireActor(ctx);
  await open(db, actor, enterpriseId);
  if (!isPrincipalOf(actor, enterpriseId)) throw refused('FORBIDDEN', 'PRINCIPAL_ONLY', 'investment.refused.principalOnly');
  const seen = await findBudget(db, actor.scope, enterpriseId, year);
  if (!seen) throw notFound();
  if (seen.status !== 'draft') throw refused('STATE', 'APPROVED', 'investment.refused.approved');
  const signer = { userId: actor.userId };
  const proof = await verifySigner(db, ctx, { enterpriseId, signer, method: body.method, password: body.password });
  await db.transaction().execute(async (tx) => {
    const b = await findBudget(tx, actor.scope, enterpriseId, year, { lock: true });
    if (!b) throw notFound();
    if (b.status !== 'draft') throw refused('STATE', 'APPROVED', 'investment.refused.approved');
    const lines = await budgetLines(tx, enterpriseId, b.id);
    if (!lines.length) throw refused('STATE', 'EMPTY_BUDGET', 'investment.refused.emptyBudget');
    const content = { enterpriseId, budget: b.id, year: b.year, note: b.note, total: b.total, lines: lines.map((l) => ({ category: l.category, amount: l.amount, purpose: l.purpose })) };
    const sig = await signDocument(tx, ctx, {
      enterpriseId, documentType: 'safety_budget', documentId: b.id, documentVersion: 1, content, signer, method: body.method,
      imageAttachmentId: body.imageAttachmentId, password: body.password, device: body.device, proof,
    });
    await markBudgetApproved(tx, enterpriseId, b.id, { content_sha256: sig.contentSha256, signature_id: sig.id, approved_by: actor.userId }, ctx.now);
    await writeAudit(tx, ctx, {
      action: 'investment.budget.approve', entityType: 'safety_budget', entityId: b.id, enterpriseId,
      before: { status: 'draft' }, after: { status: 'approved', year: b.year, total: b.total, signatureId: sig.id, contentSha256: sig.contentSha256 },
    });
    if (b.created_by && b.created_by !== actor.userId) {
      await enqueueOutbox(tx, {
        topic: 'notify',
        payload: { userId: b.created_by, kind: 'investment.budgetApproved', titleKey: 'notify.investment.budgetApproved.title', bodyKey: 'notify.investment.budgetApproved.body', params: { year: b.year, total: b.total }, link: '/investment' },
      });
    }
  });
  return getBudget(db, ctx, enterpriseId, year);
}

// ---- the usage ledger ----

function useView(rules: Rules, ctx: Ctx, actor: Actor, u: UseRow, vouchers: Awaited<ReturnType<typeof vouchersOf>>, closed: boolean) {
  return {
    id: u.id, year: u.year, usedOn: u.used_on, category: u.category, categoryName: categoryName(rules, u.category, ctx.locale), eligible: rules.eligible.includes(u.category),
    amount: u.amount, purpose: u.purpose, voucherNo: u.voucher_no,
    vouchers: vouchers.filter((v) => v.owner_id === u.id).map((v) => ({ id: v.id, name: v.name, mime: v.mime, size: v.size })),
    createdByName: u.created_by_name, version: u.version,
    abilities: { canEdit: !closed && mayManage(actor, u.enterprise_id) },
  };
}

export async function listUses(db: Db, ctx: Ctx, enterpriseId: string, q: UseListQuery) {
  const actor = requireActor(ctx);
  const { rules } = await open(db, actor, enterpriseId);
  const year = q.year ?? localYear(ctx.now);
  const [{ page, sum, ineligible }, closed] = await Promise.all([useListPage(db, actor.scope, enterpriseId, year, q, rules.eligible), yearClosed(db, enterpriseId, year)]);
  const vouchers = await vouchersOf(db, enterpriseId, page.items.map((u) => u.id));
  return {
    ...page, year, sum: formatFen(fenOfNumeric(sum)), ineligibleSum: formatFen(fenOfNumeric(ineligible)),
    items: page.items.map((u) => useView(rules, ctx, actor, u, vouchers, closed)),
    abilities: { canCreate: !closed && mayManage(actor, enterpriseId) },
  };
}

async function getUse(db: Db, ctx: Ctx, enterpriseId: string, id: string) {
  const actor = requireActor(ctx);
  const { rules } = await open(db, actor, enterpriseId);
  const u = await findUse(db, actor.scope, enterpriseId, id);
  if (!u) throw notFound();
  return useView(rules, ctx, actor, u, await vouchersOf(db, enterpriseId, [id]), await yearClosed(db, enterpriseId, u.year));
}

/** A category of the rule-set, or `outside` (recorded and flagged); anything else is a 400 at the field. */
function checkUse(rules: Rules, ctx: Ctx, input: { usedOn: string; category: string }) {
  if (!rules.eligible.includes(input.category) && input.category !== OUTSIDE_CATEGORY) throw invalid('body.category', 'investment.category');
  if (input.usedOn > localDay(ctx.now)) throw invalid('body.usedOn', 'investment.futureDate');
}

const columnsOf = (x: { usedOn: string; category: string; amount: string; purpose: string; voucherNo: string }): UseColumns => ({
  year: Number(x.usedOn.slice(0, 4)), used_on: x.usedOn, category: x.category, amount: formatFen(fenOfNumeric(x.amount)), purpose: x.purpose, voucher_no: x.voucherNo,
});

export async function createUse(db: Db, ctx: Ctx, enterpriseId: string, input: UseCreate) {
  const actor = requireActor(ctx);
  const id = await db.transaction().execute(async (tx) => {
    const { rules } = await open(tx, actor, enterpriseId);
    guardManage(actor, enterpriseId);
    checkUse(rules, ctx, input);
    const cols = columnsOf(input);
    if (await yearClosed(tx, enterpriseId, cols.year)) throw yearClosedError();
    const [created] = await insertUses(tx, actor.scope, enterpriseId, [cols], actor.userId, ctx.now);
    await writeAudit(tx, ctx, { action: 'investment.use.create', entityType: 'safety_fee_use', entityId: created!, enterpriseId, after: cols });
    return created!;
  });
  return getUse(db, ctx, enterpriseId, id);
}

export async function updateUse(db: Db, ctx: Ctx, enterpriseId: string, id: string, patch: UsePatch) {
  const actor = requireActor(ctx);
  await db.transaction().execute(async (tx) => {
    const { rules } = await open(tx, actor, enterpriseId);
    const u = await findUse(tx, actor.scope, enterpriseId, id, { lock: true });
    if (!u) throw notFound();
    guardManage(actor, enterpriseId);
    const next = {
      usedOn: patch.usedOn ?? u.used_on, category: patch.category ?? u.category, amount: patch.amount ?? u.amount, purpose: patch.purpose ?? u.purpose,
      voucherNo: patch.voucherNo ?? u.voucher_no,
    };
    checkUse(rules, ctx, next);
    const cols = columnsOf(next);
    if (await yearClosed(tx, enterpriseId, u.year) || await yearClosed(tx, enterpriseId, cols.year)) throw yearClosedError();
    if (u.version !== patch.version || !(await updateUseRow(tx, enterpriseId, id, u.version, cols, ctx.now))) throw stale();
    await writeAudit(tx, ctx, {
      action: 'investment.use.update', entityType: 'safety_fee_use', entityId: id, enterpriseId,
      before: { used_on: u.used_on, category: u.category, amount: u.amount, purpose: u.purpose, voucher_no: u.voucher_no }, after: cols,
    });
  });
  return getUse(db, ctx, enterpriseId, id);
}

export async function deleteUse(db: Db, ctx: Ctx, enterpriseId: string, id: string): Promise<void> {
  const actor = requireActor(ctx);
  await db.transaction().execute(async (tx) => {
    await open(tx, actor, enterpriseId);
    const u = await findUse(tx, actor.scope, enterpriseId, id, { lock: true });
    if (!u) throw notFound();
    guardManage(actor, enterpriseId);
    if (await yearClosed(tx, enterpriseId, u.year)) throw yearClosedError();
    for (const v of await vouchersOf(tx, enterpriseId, [id])) await deleteFile(tx, ctx, enterpriseId, v.id);
    await deleteUseRow(tx, enterpriseId, id);
    await writeAudit(tx, ctx, { action: 'investment.use.delete', entityType: 'safety_fee_use', entityId: id, enterpriseId, before: { used_on: u.used_on, category: u.category, amount: u.amount } });
  });
}

/** A photo by its bytes (PNG, JPEG, WebP), else a document (PDF, Word): the attachments store judges either. */
function voucherKind(buf: Buffer): 'photo' | 'document' {
  const png = buf.subarray(0, 4).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47]));
  const jpeg = buf[0] === 0xff && buf[1] === 0xd8 && buf[2] === 0xff;
  const webp = buf.subarray(0, 4).toString('latin1') === 'RIFF' && buf.subarray(8, 12).toString('latin1') === 'WEBP';
  return png || jpeg || webp ? 'photo' : 'document';
}

/** Voucher files (凭证) of a use, judged before the transaction and stored under the use's lock. */
export async function uploadVouchers(db: Db, ctx: Ctx, enterpriseId: string, id: string, files: NewFile[]): Promise<string[]> {
  const actor = requireActor(ctx);
  await open(db, actor, enterpriseId);
  const seen = await findUse(db, actor.scope, enterpriseId, id);
  if (!seen) throw notFound();
  guardManage(actor, enterpriseId);
  if (!files.length) throw invalid('body.file', 'attachment.missing');
  const groups = { photo: files.filter((f) => voucherKind(f.buffer) === 'photo'), document: files.filter((f) => voucherKind(f.buffer) === 'document') };
  const photos = groups.photo.length ? await prepareFiles('photo', groups.photo, ctx.now) : [];
  const documents = groups.document.length ? await prepareFiles('document', groups.document, ctx.now) : [];
  return db.transaction().execute(async (tx) => {
    const u = await findUse(tx, actor.scope, enterpriseId, id, { lock: true });
    if (!u) throw notFound();
    if (await yearClosed(tx, enterpriseId, u.year)) throw yearClosedError();
    const owner = { type: VOUCHER_OWNER, id, role: 'voucher' };
    const stored = [
      ...(photos.length ? await storeFiles(tx, ctx, enterpriseId, 'photo', photos, owner) : []),
      ...(documents.length ? await storeFiles(tx, ctx, enterpriseId, 'document', documents, owner) : []),
    ];
    await writeAudit(tx, ctx, { action: 'investment.use.voucher', entityType: 'safety_fee_use', entityId: id, enterpriseId, after: { files: stored.map((f) => f.id) } });
    return stored.map((f) => f.id);
  });
}

export async function readVoucher(db: Db, ctx: Ctx, enterpriseId: string, fileId: string) {
  const actor = requireActor(ctx);
  await open(db, actor, enterpriseId);
  const useId = await useOfVoucher(db, enterpriseId, fileId);
  const u = useId && await findUse(db, actor.scope, enterpriseId, useId);
  const file = u && await loadFile(db, actor, enterpriseId, fileId);
  if (!file) throw notFound();
  return file;
}

export async function ledgerTemplate(db: Db, ctx: Ctx, enterpriseId: string): Promise<XlsxFile> {
  const actor = requireActor(ctx);
  // The template holds nothing of the enterprise but its name and the rule-set's categories: whoever may import reads it.
  const { e, rules } = await open(db, actor, enterpriseId);
  return {
    filename: `${safeFileName(e.name)}-安全生产费用使用台账导入模板.xlsx`, fallbackName: 'safety-fee-ledger-template.xlsx',
    buffer: await buildLedgerTemplate({ enterpriseName: e.name, categories: rules.categories }),
  };
}

/**
 * The ledger from .xlsx, on the platform's sheet engine with one error per bad cell: `strict` imports nothing while a
 * row is wrong; `valid` imports the good rows. A row in a year the principal has checked is an error of its own.
 */
export async function importUses(db: Db, ctx: Ctx, enterpriseId: string, mode: 'strict' | 'valid', upload: Upload | null): Promise<ImportReport> {
  const actor = requireActor(ctx);
  const { rules } = await open(db, actor, enterpriseId);
  guardManage(actor, enterpriseId);
  const { filename, sheet: rows } = await readXlsxUpload(upload, readLedger);
  const checked = validateUses(rows, { categories: rules.categories, outside: OUTSIDE_CATEGORY, today: localDay(ctx.now) });
  const years = [...new Set(checked.valid.map((r) => Number(r.usedOn.slice(0, 4))))];
  const closed = new Set<number>();
  for (const y of years) if (await yearClosed(db, enterpriseId, y)) closed.add(y);
  const closedRows = checked.valid.filter((r) => closed.has(Number(r.usedOn.slice(0, 4))));
  const valid = checked.valid.filter((r) => !closed.has(Number(r.usedOn.slice(0, 4))));
  const errors = [...checked.errors, ...closedRows.map((r) => ({ row: r.row, column: '日期', message: 'investment.import.yearChecked', params: { year: r.usedOn.slice(0, 4) } }))]
    .sort((a, b) => a.row - b.row);
  const errorRows = checked.errorRows + closedRows.length;
  const report = (imported: number, message: string): ImportReport => ({
    total: rows.length, validCount: valid.length, errorCount: errorRows, imported, errors: translateRowErrors(ctx.locale, errors), warnings: [], message,
  });
  if (mode === 'strict' && errorRows > 0) return report(0, t(ctx.locale, 'import.hasErrors', { count: errorRows }));
  if (!valid.length) return report(0, t(ctx.locale, 'import.nothingValid'));
  await db.transaction().execute(async (tx) => {
    for (const y of years) if (!closed.has(y) && await yearClosed(tx, enterpriseId, y)) throw yearClosedError();
    await insertUses(tx, actor.scope, enterpriseId, valid.map(columnsOf), actor.userId, ctx.now);
    await writeAudit(tx, ctx, { action: 'investment.use.import', entityType: 'enterprise', entityId: enterpriseId, enterpriseId, after: { count: valid.length, mode, file: filename, skippedRows: errorRows } });
  });
  return report(valid.length, errorRows > 0
    ? t(ctx.locale, 'investment.import.partial', { count: valid.length, errors: errorRows })
    : t(ctx.locale, 'investment.import.done', { count: valid.length }));
}

// ---- audits ----

const auditView = (a: AuditRow) => ({
  id: a.id, year: a.year, kind: a.kind, auditedOn: a.audited_on, auditor: a.auditor, findings: a.findings, rectification: a.rectification, rectified: a.rectified, version: a.version,
});

export async function listFeeAudits(db: Db, ctx: Ctx, enterpriseId: string, q: { year?: number | undefined }) {
  const actor = requireActor(ctx);
  await open(db, actor, enterpriseId);
  return { items: (await listAudits(db, actor.scope, enterpriseId, q.year)).map(auditView), abilities: { canManage: mayManage(actor, enterpriseId) } };
}

export async function createFeeAudit(db: Db, ctx: Ctx, enterpriseId: string, input: AuditCreate) {
  const actor = requireActor(ctx);
  const id = await db.transaction().execute(async (tx) => {
    await open(tx, actor, enterpriseId);
    guardManage(actor, enterpriseId);
    if (input.auditedOn > localDay(ctx.now)) throw invalid('body.auditedOn', 'investment.futureDate');
    const row = {
      year: input.year ?? Number(input.auditedOn.slice(0, 4)), kind: input.kind, audited_on: input.auditedOn, auditor: input.auditor,
      findings: input.findings, rectification: input.rectification, rectified: input.rectified,
    };
    const created = await insertAudit(tx, actor.scope, enterpriseId, row, actor.userId, ctx.now);
    await writeAudit(tx, ctx, { action: 'investment.audit.save', entityType: 'safety_fee_audit', entityId: created, enterpriseId, after: row });
    return created;
  });
  const a = await findAudit(db, actor.scope, enterpriseId, id);
  return auditView(a!);
}

export async function updateFeeAudit(db: Db, ctx: Ctx, enterpriseId: string, id: string, patch: AuditPatch) {
  const actor = requireActor(ctx);
  await db.transaction().execute(async (tx) => {
    await open(tx, actor, enterpriseId);
    const a = await findAudit(tx, actor.scope, enterpriseId, id, { lock: true });
    if (!a) throw notFound();
    guardManage(actor, enterpriseId);
    const next = {
      year: a.year, kind: patch.kind ?? a.kind, audited_on: patch.auditedOn ?? a.audited_on, auditor: patch.auditor ?? a.auditor,
      findings: patch.findings ?? a.findings, rectification: patch.rectification ?? a.rectification, rectified: patch.rectified ?? a.rectified,
    };
    if (next.audited_on > localDay(ctx.now)) throw invalid('body.auditedOn', 'investment.futureDate');
    if (a.version !== patch.version || !(await updateAuditRow(tx, enterpriseId, id, a.version, next, ctx.now))) throw stale();
    await writeAudit(tx, ctx, { action: 'investment.audit.save', entityType: 'safety_fee_audit', entityId: id, enterpriseId, before: auditView(a), after: next });
  });
  return auditView((await findAudit(db, actor.scope, enterpriseId, id))!);
}

export async function deleteFeeAudit(db: Db, ctx: Ctx, enterpriseId: string, id: string): Promise<void> {
  const actor = requireActor(ctx);
  await db.transaction().execute(async (tx) => {
    await open(tx, actor, enterpriseId);
    const a = await findAudit(tx, actor.scope, enterpriseId, id, { lock: true });
    if (!a) throw notFound();
    guardManage(actor, enterpriseId);
    await deleteAuditRow(tx, enterpriseId, id);
    await writeAudit(tx, ctx, { action: 'investment.audit.delete', entityType: 'safety_fee_audit', entityId: id, enterpriseId, before: auditView(a) });
  });
}

// ---- the principal's yearly check (R-RESP-5) ----

function checkView(actor: Actor, c: CheckRow) {
  const signed = c.signed_at !== null;
  return {
    id: c.id, year: c.year, checkedOn: c.checked_on, comments: c.comments, figures: c.figures as YearFigures, createdByName: c.created_by_name,
    signed, signedAt: c.signed_at, signedByName: c.signed_by_name, contentSha256: c.content_sha256,
    abilities: { canSign: !signed && isPrincipalOf(actor, c.enterprise_id), canDelete: !signed && mayManage(actor, c.enterprise_id) },
  };
}

export async function listInvestmentChecks(db: Db, ctx: Ctx, enterpriseId: string, q: { year?: number | undefined }) {
  const actor = requireActor(ctx);
  await open(db, actor, enterpriseId);
  return { items: (await listChecks(db, actor.scope, enterpriseId, q.year)).map((c) => checkView(actor, c)), canCreate: mayManage(actor, enterpriseId) };
}

/** The check as recorded (by the principal or a safety manager): the day, the comments, the ledger's figures then. */
export async function createInvestmentCheck(db: Db, ctx: Ctx, enterpriseId: string, input: CheckCreate) {
  const actor = requireActor(ctx);
  const id = await db.transaction().execute(async (tx) => {
    const { rules } = await open(tx, actor, enterpriseId);
    guardManage(actor, enterpriseId);
    if (input.checkedOn > localDay(ctx.now)) throw invalid('body.checkedOn', 'investment.futureDate');
    if (await yearClosed(tx, enterpriseId, input.year)) throw yearClosedError();
    const figures = await figuresOf(tx, actor.scope, enterpriseId, input.year, rules.eligible);
    const created = await insertCheck(tx, actor.scope, enterpriseId, { year: input.year, checked_on: input.checkedOn, comments: input.comments, figures: JSON.stringify(figures) }, actor.userId, ctx.now);
    await writeAudit(tx, ctx, { action: 'investment.check.create', entityType: 'safety_investment_check', entityId: created, enterpriseId, after: { ...input, figures } });
    return created;
  });
  return checkView(actor, (await findCheck(db, actor.scope, enterpriseId, id))!);
}

export async function deleteInvestmentCheck(db: Db, ctx: Ctx, enterpriseId: string, id: string): Promise<void> {
  const actor = requireActor(ctx);
  await db.transaction().execute(async (tx) => {
    await open(tx, actor, enterpriseId);
    const c = await findCheck(tx, actor.scope, enterpriseId, id, { lock: true });
    if (!c) throw notFound();
    guardManage(actor, enterpriseId);
    if (c.signed_at) throw refused('STATE', 'SIGNED', 'investment.refused.checkSigned');
    await deleteCheckRow(tx, enterpriseId, id);
    await writeAudit(tx, ctx, { action: 'investment.check.delete', entityType: 'safety_investment_check', entityId: id, enterpriseId, before: { year: c.year, checkedOn: c.checked_on } });
  });
}

/**
 * R-RESP-5, R-INV-1: the principal signs the yearly investment check in person over the ledger's figures as they stand
 * now (recomputed under the row lock and kept with the signature), which fulfils the ten-ones item "1 check of safety
 * investment a year" (`investment.checked`) in the same transaction and closes the year's ledger. Who may sign first
 * (403 `PRINCIPAL_ONLY`), then the record (404, 409 `SIGNED`), then the password or drawing.
 */
export async function signInvestmentCheck(db: Db, ctx: Ctx, enterpriseId: string, id: string, body: OwnSignature) {
  const actor = requireActor(ctx);
  const { rules } = await open(db, actor, enterpriseId);
  if (!isPrincipalOf(actor, enterpriseId)) throw refused('FORBIDDEN', 'PRINCIPAL_ONLY', 'investment.refused.principalOnly');
  const seen = await findCheck(db, actor.scope, enterpriseId, id);
  if (!seen) throw notFound();
  if (seen.signed_at) throw refused('STATE', 'SIGNED', 'investment.refused.checkSigned');
  const signer = { userId: actor.userId };
  const proof = await verifySigner(db, ctx, { enterpriseId, signer, method: body.method, password: body.password });
  await db.transaction().execute(async (tx) => {
    const c = await findCheck(tx, actor.scope, enterpriseId, id, { lock: true });
    if (!c) throw notFound();
    if (c.signed_at) throw refused('STATE', 'SIGNED', 'investment.refused.checkSigned');
    if (await yearClosed(tx, enterpriseId, c.year)) throw yearClosedError();
    const figures = await figuresOf(tx, actor.scope, enterpriseId, c.year, rules.eligible);
    const content = { enterpriseId, check: c.id, year: c.year, checkedOn: c.checked_on, comments: c.comments, figures };
    const sig = await signDocument(tx, ctx, {
      enterpriseId, documentType: 'safety_investment_check', documentId: c.id, documentVersion: 1, content, signer, method: body.method,
      imageAttachmentId: body.imageAttachmentId, password: body.password, device: body.device, proof,
    });
    await markCheckSigned(tx, enterpriseId, c.id, { content_sha256: sig.contentSha256, signature_id: sig.id, signed_by: actor.userId, figures: JSON.stringify(figures) }, ctx.now);
    await writeAudit(tx, ctx, {
      action: 'investment.check.sign', entityType: 'safety_investment_check', entityId: c.id, enterpriseId,
      after: { year: c.year, figures, signatureId: sig.id, contentSha256: sig.contentSha256 },
    });
    // A check of a past year, signed late, fulfils that year's duty (late), not this year's.
    const at = c.year < localYear(ctx.now) ? localInstant(c.year, 11, 31, 12) : ctx.now;
    await fulfilByRecord(tx, ctx, { enterpriseId, record: 'investment.checked', recordType: 'safety_investment_check', recordId: c.id, at, byPrincipal: true });
  });
  return checkView(actor, (await findCheck(db, actor.scope, enterpriseId, id))!);
}

// ---- regulators ----

/**
 * R-INV-1, issue 12 §7: the enterprises in scope whose industry accrues the fee (subdistrict by location, department by
 * industry), with the year's accrual against use, sortable, filterable by shortfall, in one query and a count.
 */
export async function feeOverview(db: Db, ctx: Ctx, q: SuperviseQuery) {
  const actor = requireActor(ctx);
  if (!can(actor, 'investment.supervise')) throw forbidden();
  const rules = await currentRules(db, ctx, SAFETY_FEE_RULES);
  const year = q.year ?? localYear(ctx.now);
  const industries = rules.value.industries.filter((i) => i.schedules.length > 0).map((i) => i.industry);
  const eligible = rules.value.categories.map((c) => c.code);
  const { rows, total, counts } = await supervisePage(db, actor.scope, q, { year, industries, eligible });
  const money = (v: string | null) => formatFen(fenOfNumeric(v ?? '0'));
  return {
    year, counts, total, page: q.page, pageSize: q.pageSize,
    items: rows.map((r) => ({
      enterpriseId: r.enterprise_id, name: r.name, creditCode: r.credit_code, subdistrictName: r.subdistrict_name, industryName: r.industry_name,
      required: r.required === null ? null : money(r.required), accrued: money(r.accrued), used: money(r.used), usedIneligible: money(r.ineligible),
      carryIn: money(r.carry_in), balance: money(r.balance), shortfall: money(r.shortfall), budgetApproved: !!r.budget_approved, checkSigned: !!r.check_signed,
      flags: { shortfall: fenOfNumeric(r.shortfall) > 0n, ineligible: fenOfNumeric(r.ineligible) > 0n, overspent: fenOfNumeric(r.balance) < 0n },
    })),
  };
}

/** For the workbench: the enterprise's budget for this year is not approved (managers), and regulators' shortfall count. */
export async function workbenchFigures(db: Db, ctx: Ctx) {
  const actor = requireActor(ctx);
  const year = localYear(ctx.now);
  if (actor.scope.kind === 'enterprise') {
    const e = await enterpriseFacts(db, actor.scope, actor.scope.enterpriseId);
    if (!e) return { applies: false, budgetApproved: true, shortfall: 0 };
    const rules = await rulesOf(db, e.id, e.industry_code);
    const b = await findBudget(db, actor.scope, e.id, year);
    return { applies: rules.applies, budgetApproved: b?.status === 'approved', shortfall: 0 };
  }
  const rules = await currentRules(db, ctx, SAFETY_FEE_RULES);
  const industries = rules.value.industries.filter((i) => i.schedules.length > 0).map((i) => i.industry);
  return { applies: true, budgetApproved: true, shortfall: await shortfallCount(db, actor.scope, year, industries) };
}
