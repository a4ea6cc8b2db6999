import type { Actor, Ctx } from '../../../platform/auth/actor';
import { can, requireActor, unitSubtree, wholeEnterprise, type Scope } from '../../../platform/auth/actor';
import { isEnterpriseManager, requireEnterpriseInScope } from '../../../platform/auth/policy';
import { writeAudit } from '../../../platform/audit/audit';
import type { Db, Executor, Tx } from '../../../platform/db/database';
import type { CheckCycle } from '../../../platform/db/schema';
import { systemScope, type AnyScope } from '../../../platform/db/scope';
import { AppError, forbidden, invalid, notFound } from '../../../platform/errors';
import { checkPhoto, preparePhotos, savePhotos } from '../../../platform/files/photos';
import { localDay } from '../../../platform/time';
import { qrCode } from '../../../platform/links';
import { checkItemsFor } from '../../risk';
import { refreshControlFailing } from './check.feedback';
import { checkPeriodLabel } from './check.labels';
import {
  activeAccountExists, checklistExists, checklistHasItems, checklistItems, checklistRiskPoints, countTasksForWorkbench, deleteCheckPlanRow, deleteChecklistRow,
  deleteEnterpriseItemRow, deleteOpenTasks, enterpriseItem, enterpriseItems, enterpriseItemsByIds, enterpriseName, findPostCard, findUnitName, insertCheckPlan,
  insertChecklistRow, insertEnterpriseItem, insertPeriodTasks, insertTaskResults, leaderboardRows, libraryCategories, libraryItems, libraryItemsByIds,
  listChecklists as listChecklistRows, listPlans as listPlanRows, listTasks, loadTask, lockCheckPlan, markMissedTasks, planHasHistory, postExists, postsOfUser,
  postsUnder, postWithUnit, remindDueTasks, replaceChecklistItems, reportRiskPoints, riskPointsOfChecklists, taskChecklistItems, taskResults, updateCheckPlanRow,
  updateChecklistRow, updateCheckTask, updateEnterpriseItemRow, updateOpenTasks,
  type ChecklistItemRow, type ChecklistItemValues, type ChecklistRow, type PlanRow, type TaskRow,
} from './check.repository';
import { CHECK_CYCLES, cycleOfKey, periodAt, periodOfKey, SHIFT_HOURS, startOfLocal, type Period } from './check.rules';
import { CHECK_RULES } from './check.rule-sets';
import { currentRules, currentRulesByDistrict } from '../../../platform/rules';
import { failedItemTitle } from './check.rules';
import type {
  ChecklistCreate, ChecklistDetail, ChecklistItemInput, ChecklistUpdate, EnterpriseItemInput, LeaderboardEntry, LeaderboardPeriod, PlanCreate, PlanUpdate,
  RunInput, TaskDetail, TaskQuery,
} from './check.schema';
import { reportHazard } from '../loop/hazard.service';
import { BEHAVIOUR_CATEGORIES, type CheckCategory } from './check-library';
import { fulfilByRecord } from '../../obligations';

type Level = 'enterprise' | 'workshop' | 'post';

/**
 * Managers of an enterprise's checks: its principal and safety managers (the hazard manager rule), and the district
 * administrator. Unit leaders and employees run checks; they do not change lists or plans.
 */
export function mayManageChecks(actor: Actor, enterpriseId: string): boolean {
  if (!can(actor, 'hazard.manage')) return false;
  if (actor.scope.kind === 'district') return true;
  return isEnterpriseManager(actor, enterpriseId);
}

async function guardManage(db: Executor, actor: Actor, enterpriseId: string): Promise<void> {
  await requireEnterpriseInScope(db, actor, enterpriseId);
  if (!mayManageChecks(actor, enterpriseId)) throw forbidden();
}

const n = (v: unknown) => Number(v ?? 0);

// ---- the built-in library (R-HAZ-1, R-HAZ-2) ----

export async function checkLibrary(db: Db, q: { category?: string; q?: string; major?: boolean }) {
  const [items, categories] = await Promise.all([libraryItems(db, q), libraryCategories(db)]);
  return {
    items: items.map((i) => ({ id: i.id, code: i.code, category: i.category, content: i.content, method: i.method, basis: i.basis, majorCriterion: i.major_criterion })),
    categories: categories.map((c) => ({ name: c.category, count: n(c.n), major: n(c.major) })),
  };
}

// ---- the enterprise's own items ----

function presentOwnItem(i: NonNullable<Awaited<ReturnType<typeof enterpriseItem>>>) {
  return { id: i.id, category: i.category, content: i.content, method: i.method, basis: i.basis, majorCriterion: i.major_criterion, createdAt: i.created_at };
}

export async function listEnterpriseItems(db: Db, ctx: Ctx, enterpriseId: string) {
  const actor = requireActor(ctx);
  await requireEnterpriseInScope(db, actor, enterpriseId);
  return { items: (await enterpriseItems(db, actor.scope, enterpriseId)).map(presentOwnItem), canManage: mayManageChecks(actor, enterpriseId) };
}

export async function createEnterpriseItem(db: Db, ctx: Ctx, enterpriseId: string, input: EnterpriseItemInput) {
  const actor = requireActor(ctx);
  return db.transaction().execute(async (tx) => {
    await guardManage(tx, actor, enterpriseId);
    const row = await insertEnterpriseItem(tx, actor.scope, enterpriseId, {
      category: input.category, content: input.content, method: input.method, basis: input.basis, major_criterion: input.majorCriterion, created_at: ctx.now,
    });
    await writeAudit(tx, ctx, { action: 'check.item.create', entityType: 'enterprise_check_item', entityId: row.id, enterpriseId, after: row });
    return presentOwnItem(row);
  });
}

export async function updateEnterpriseItem(db: Db, ctx: Ctx, enterpriseId: string, id: string, input: Partial<EnterpriseItemInput>) {
  const actor = requireActor(ctx);
  return db.transaction().execute(async (tx) => {
    await guardManage(tx, actor, enterpriseId);
    const before = await enterpriseItem(tx, actor.scope, enterpriseId, id);
    if (!before) throw notFound();
    const row = await updateEnterpriseItemRow(tx, actor.scope, enterpriseId, id, {
      ...(input.category !== undefined ? { category: input.category } : {}), ...(input.content !== undefined ? { content: input.content } : {}),
      ...(input.method !== undefined ? { method: input.method } : {}), ...(input.basis !== undefined ? { basis: input.basis } : {}),
      ...(input.majorCriterion !== undefined ? { major_criterion: input.majorCriterion } : {}),
    });
    await writeAudit(tx, ctx, { action: 'check.item.update', entityType: 'enterprise_check_item', entityId: id, enterpriseId, before, after: row });
    return presentOwnItem(row);
  });
}

/** Checklists keep their copies of a deleted item: a list in use does not change under its plans. */
export async function deleteEnterpriseItem(db: Db, ctx: Ctx, enterpriseId: string, id: string): Promise<void> {
  const actor = requireActor(ctx);
  await db.transaction().execute(async (tx) => {
    await guardManage(tx, actor, enterpriseId);
    const before = await enterpriseItem(tx, actor.scope, enterpriseId, id);
    if (!before) throw notFound();
    await deleteEnterpriseItemRow(tx, actor.scope, enterpriseId, id);
    await writeAudit(tx, ctx, { action: 'check.item.delete', entityType: 'enterprise_check_item', entityId: id, enterpriseId, before });
  });
}

// ---- checklists at three levels (R-HAZ-1) ----

type Target = { level: Level; orgUnitId: string | null; postId: string | null; unitName: string | null; postName: string | null };

function defaultResponsible(t: Target): string {
  switch (t.level) {
    case 'post': return t.postName ?? '';
    case 'workshop': return t.unitName ? `${t.unitName}负责人` : '';
    case 'enterprise': return '安全管理部门';
  }
}

/**
 * Copies each picked item from its source (library, the enterprise's own items, risk check items) into a snapshot.
 * `whole` is the whole enterprise (`wholeEnterprise`): a checklist is built from all its sources, whoever builds it.
 */
async function resolveItems(tx: Executor, whole: Scope, enterpriseId: string, target: Target, inputs: ChecklistItemInput[]): Promise<ChecklistItemValues[]> {
  const seen = new Set<string>();
  inputs.forEach((it, i) => {
    const key = `${it.source}:${it.sourceId}`;
    if (seen.has(key)) throw invalid(`body.items.${i}`, 'check.item.duplicate');
    seen.add(key);
  });
  const idsOf = (s: ChecklistItemInput['source']) => inputs.filter((i) => i.source === s).map((i) => i.sourceId);
  const [standard, own, risk] = await Promise.all([
    idsOf('standard').length ? libraryItemsByIds(tx, idsOf('standard')) : [],
    idsOf('enterprise').length ? enterpriseItemsByIds(tx, whole, enterpriseId, idsOf('enterprise')) : [],
    // The agreed service between the risk and hazard modules: check items derived from control measures.
    idsOf('risk').length ? checkItemsFor(tx, whole, enterpriseId) : [],
  ]);
  const responsible = defaultResponsible(target);
  // R-HAZ-1 [cfg]: an item without its own cycle takes the level's default from the district's rule-set `check-cycles`.
  const defaultCycle = (await currentRules(tx, { enterpriseId }, CHECK_RULES)).value.defaultCycle[target.level];
  return inputs.map((it, i) => {
    const overrides = { cycle: it.cycle ?? null, responsible: it.responsible ?? responsible };
    switch (it.source) {
      case 'standard': {
        const s = standard.find((x) => x.id === it.sourceId);
        if (!s) throw invalid(`body.items.${i}.sourceId`, 'check.item.source');
        return { source: 'standard', source_id: s.id, risk_point_id: null, category: s.category, content: s.content, method: it.method ?? s.method, basis: s.basis,
          major_criterion: s.major_criterion, ...overrides, cycle: overrides.cycle ?? defaultCycle };
      }
      case 'enterprise': {
        const s = own.find((x) => x.id === it.sourceId);
        if (!s) throw invalid(`body.items.${i}.sourceId`, 'check.item.source');
        return { source: 'enterprise', source_id: s.id, risk_point_id: null, category: s.category, content: s.content, method: it.method ?? s.method, basis: s.basis,
          major_criterion: s.major_criterion, ...overrides, cycle: overrides.cycle ?? defaultCycle };
      }
      case 'risk': {
        const s = risk.find((x) => x.id === it.sourceId);
        if (!s) throw invalid(`body.items.${i}.sourceId`, 'check.item.source');
        return riskItemValues(s, { ...overrides, method: it.method });
      }
    }
  });
}

type RiskItem = Awaited<ReturnType<typeof checkItemsFor>>[number];
function riskItemValues(s: RiskItem, o: { cycle?: CheckCycle | null; responsible: string; method?: string }): ChecklistItemValues {
  return {
    source: 'risk', source_id: s.id, risk_point_id: s.riskPointId, category: `${s.riskCode} ${s.riskName}`, content: s.content, method: o.method ?? s.method,
    basis: `管控措施：${s.measure}`, cycle: o.cycle ?? s.cycle, responsible: o.responsible, major_criterion: false,
  };
}

function presentChecklist(r: ChecklistRow) {
  return {
    id: r.id, level: r.level, name: r.name, orgUnitId: r.org_unit_id, orgUnitName: r.org_unit_name ?? null, unitPath: r.unit_path ?? null, postId: r.post_id, postName: r.post_name ?? null,
    itemCount: n(r.item_count), majorCount: n(r.major_count), planCount: n(r.plan_count), updatedAt: r.updated_at,
  };
}

function presentItem(i: ChecklistItemRow) {
  return {
    id: i.id, source: i.source, sourceId: i.source_id, riskPointId: i.risk_point_id, riskPointName: i.risk_point_name ?? null, category: i.category,
    content: i.content, method: i.method, basis: i.basis, cycle: i.cycle, responsible: i.responsible, majorCriterion: i.major_criterion, sort: i.sort,
  };
}

export async function listChecklists(db: Db, ctx: Ctx, enterpriseId: string, q: { level?: Level; orgUnitId?: string; postId?: string }) {
  const actor = requireActor(ctx);
  await requireEnterpriseInScope(db, actor, enterpriseId);
  return { items: (await listChecklistRows(db, actor.scope, enterpriseId, q)).map(presentChecklist), canManage: mayManageChecks(actor, enterpriseId) };
}

async function loadChecklist(db: Executor, scope: Scope, enterpriseId: string, id: string) {
  return (await listChecklistRows(db, scope, enterpriseId, {}, id))[0];
}

export async function getChecklist(db: Db, ctx: Ctx, enterpriseId: string, id: string): Promise<ChecklistDetail> {
  const actor = requireActor(ctx);
  await requireEnterpriseInScope(db, actor, enterpriseId);
  const row = await loadChecklist(db, actor.scope, enterpriseId, id);
  if (!row) throw notFound();
  const items = await checklistItems(db, actor.scope, enterpriseId, id);
  return { ...presentChecklist(row), items: items.map(presentItem), canManage: mayManageChecks(actor, enterpriseId) };
}

/**
 * Where a checklist applies: a post card needs a post, a workshop table a unit, the enterprise list neither. `whole` is
 * the whole enterprise (`wholeEnterprise`), whose posts and units a manager's checklist may name.
 */
async function resolveTarget(tx: Executor, whole: Scope, enterpriseId: string, level: Level, orgUnitId?: string | null, postId?: string | null): Promise<Target> {
  switch (level) {
    case 'post': {
      if (!postId) throw invalid('body.postId', 'check.checklist.target');
      const post = await postWithUnit(tx, whole, enterpriseId, postId);
      if (!post) throw invalid('body.postId', 'error.NOT_FOUND');
      return { level, orgUnitId: post.org_unit_id, postId: post.id, unitName: post.org_unit_name, postName: post.name };
    }
    case 'workshop': {
      if (!orgUnitId) throw invalid('body.orgUnitId', 'check.checklist.target');
      const unit = await findUnitName(tx, whole, enterpriseId, orgUnitId);
      if (!unit) throw invalid('body.orgUnitId', 'error.NOT_FOUND');
      return { level, orgUnitId: unit.id, postId: null, unitName: unit.name, postName: null };
    }
    case 'enterprise':
      return { level, orgUnitId: null, postId: null, unitName: null, postName: null };
  }
}

/**
 * Inserts a checklist with its items copied from their sources; no access check and no audit (the caller does both).
 * The demo seed uses it too.
 */
export async function insertChecklist(tx: Tx, enterpriseId: string, input: ChecklistCreate, now: Date): Promise<{ id: string; target: Target; items: number }> {
  // The caller decided access (a manager, or the demo seed): the checklist is built in the whole enterprise.
  const whole = wholeEnterprise(enterpriseId);
  const target = await resolveTarget(tx, whole, enterpriseId, input.level, input.orgUnitId, input.postId);
  // R-HAZ-1: one post, one card.
  if (target.postId && await findPostCard(tx, whole, enterpriseId, target.postId)) throw new AppError('CONFLICT', { messageKey: 'check.checklist.postCardExists' });
  const values = await resolveItems(tx, whole, enterpriseId, target, input.items);
  const row = await insertChecklistRow(tx, whole, enterpriseId, {
    level: input.level, name: input.name, org_unit_id: target.orgUnitId, post_id: target.postId, created_at: now, updated_at: now,
  });
  await replaceChecklistItems(tx, whole, enterpriseId, row.id, values);
  return { id: row.id, target, items: values.length };
}

export async function createChecklist(db: Db, ctx: Ctx, enterpriseId: string, input: ChecklistCreate): Promise<ChecklistDetail> {
  const actor = requireActor(ctx);
  const id = await db.transaction().execute(async (tx) => {
    await guardManage(tx, actor, enterpriseId);
    const { id, target, items } = await insertChecklist(tx, enterpriseId, input, ctx.now);
    await writeAudit(tx, ctx, { action: 'check.checklist.create', entityType: 'checklist', entityId: id, enterpriseId, after: { level: input.level, name: input.name, orgUnitId: target.orgUnitId, postId: target.postId, items } });
    return id;
  });
  return getChecklist(db, ctx, enterpriseId, id);
}

export async function updateChecklist(db: Db, ctx: Ctx, enterpriseId: string, id: string, input: ChecklistUpdate): Promise<ChecklistDetail> {
  const actor = requireActor(ctx);
  await db.transaction().execute(async (tx) => {
    await guardManage(tx, actor, enterpriseId);
    const row = await loadChecklist(tx, actor.scope, enterpriseId, id);
    if (!row) throw notFound();
    if (input.items) {
      const whole = wholeEnterprise(enterpriseId);
      const target: Target = { level: row.level, orgUnitId: row.org_unit_id, postId: row.post_id, unitName: row.org_unit_name ?? null, postName: row.post_name ?? null };
      const before = await riskPointsOfChecklists(tx, whole, enterpriseId, [id]);
      await replaceChecklistItems(tx, whole, enterpriseId, id, await resolveItems(tx, whole, enterpriseId, target, input.items));
      // A risk point that left the card no longer counts a missed task of it against its control, and one that joined does.
      await refreshControlFailing(tx, whole, enterpriseId, [...before, ...await riskPointsOfChecklists(tx, whole, enterpriseId, [id])]);
    }
    await updateChecklistRow(tx, actor.scope, enterpriseId, id, { ...(input.name ? { name: input.name } : {}), updated_at: ctx.now });
    await writeAudit(tx, ctx, { action: 'check.checklist.update', entityType: 'checklist', entityId: id, enterpriseId, before: { name: row.name, items: n(row.item_count) }, after: { name: input.name ?? row.name, items: input.items?.length ?? n(row.item_count) } });
  });
  return getChecklist(db, ctx, enterpriseId, id);
}

export async function deleteChecklist(db: Db, ctx: Ctx, enterpriseId: string, id: string): Promise<void> {
  const actor = requireActor(ctx);
  await db.transaction().execute(async (tx) => {
    await guardManage(tx, actor, enterpriseId);
    const row = await loadChecklist(tx, actor.scope, enterpriseId, id);
    if (!row) throw notFound();
    if (n(row.plan_count) > 0) throw new AppError('CONFLICT', { messageKey: 'check.checklist.inUse', params: { count: n(row.plan_count) } });
    await deleteChecklistRow(tx, actor.scope, enterpriseId, id);
    await writeAudit(tx, ctx, { action: 'check.checklist.delete', entityType: 'checklist', entityId: id, enterpriseId, before: { level: row.level, name: row.name, items: n(row.item_count) } });
  });
}

/**
 * "Generate from risk": builds the post's card, or refreshes its risk items, from the check items the risk ledger derives
 * from the control measures of the post's risk points. Items picked from the library or the enterprise's own stay.
 */
export async function generatePostCard(db: Db, ctx: Ctx, enterpriseId: string, postId: string): Promise<ChecklistDetail> {
  const actor = requireActor(ctx);
  const id = await db.transaction().execute(async (tx) => {
    await guardManage(tx, actor, enterpriseId);
    const whole = wholeEnterprise(enterpriseId);
    const target = await resolveTarget(tx, whole, enterpriseId, 'post', null, postId);
    const derived = await checkItemsFor(tx, whole, enterpriseId, { postId });
    let card = await findPostCard(tx, whole, enterpriseId, postId);
    const created = !card;
    if (!card) {
      card = await insertChecklistRow(tx, actor.scope, enterpriseId, {
        level: 'post', name: `${target.unitName ?? ''}${target.postName ?? ''}岗位安全检查卡`, org_unit_id: target.orgUnitId, post_id: postId, created_at: ctx.now, updated_at: ctx.now,
      });
    }
    const current = await checklistItems(tx, actor.scope, enterpriseId, card.id);
    const kept: ChecklistItemValues[] = current.filter((i) => i.source !== 'risk').map((i) => ({
      source: i.source, source_id: i.source_id ?? '', risk_point_id: i.risk_point_id, category: i.category, content: i.content, method: i.method, basis: i.basis,
      cycle: i.cycle, responsible: i.responsible, major_criterion: i.major_criterion,
    }));
    // Risk items first, in ledger order, keeping any frequency or responsible role a manager set on the card.
    const fromRisk = derived.map((d) => {
      const was = current.find((i) => i.source === 'risk' && i.source_id === d.id);
      return riskItemValues(d, { cycle: was?.cycle ?? d.cycle, responsible: was?.responsible ?? defaultResponsible(target), method: was?.method });
    });
    await replaceChecklistItems(tx, whole, enterpriseId, card.id, [...fromRisk, ...kept]);
    await updateChecklistRow(tx, actor.scope, enterpriseId, card.id, { updated_at: ctx.now });
    await refreshControlFailing(tx, whole, enterpriseId, [...current.map((i) => i.risk_point_id), ...fromRisk.map((i) => i.risk_point_id)]);
    await writeAudit(tx, ctx, { action: 'check.checklist.generate', entityType: 'checklist', entityId: card.id, enterpriseId, after: { postId, created, riskItems: fromRisk.length, otherItems: kept.length } });
    return card.id;
  });
  return getChecklist(db, ctx, enterpriseId, id);
}

/** The report page a post card's QR code opens (the web's "three taps" page). */
export function reportPageUrl(enterpriseId: string, postId: string): string {
  return `/report?enterpriseId=${enterpriseId}&postId=${postId}`;
}

/** R-HAZ-1: what the web prints for a checklist; a post card carries the QR code of the post's report page. */
export async function printChecklist(db: Db, ctx: Ctx, enterpriseId: string, id: string, publicBaseUrl: string) {
  const actor = requireActor(ctx);
  await requireEnterpriseInScope(db, actor, enterpriseId);
  const row = await loadChecklist(db, actor.scope, enterpriseId, id);
  if (!row) throw notFound();
  const [items, entName] = await Promise.all([
    checklistItems(db, actor.scope, enterpriseId, id),
    enterpriseName(db, actor.scope, enterpriseId),
  ]);
  const pointIds = [...new Set(items.map((i) => i.risk_point_id).filter((x): x is string => !!x))];
  const points = await checklistRiskPoints(db, actor.scope, enterpriseId, pointIds);
  const groups: { category: string; rows: { no: number; content: string; method: string; basis: string; cycle: string | null; responsible: string; majorCriterion: boolean }[] }[] = [];
  for (const [i, it] of items.entries()) {
    let g = groups.find((x) => x.category === it.category);
    if (!g) groups.push(g = { category: it.category, rows: [] });
    g.rows.push({ no: i + 1, content: it.content, method: it.method, basis: it.basis, cycle: it.cycle, responsible: it.responsible, majorCriterion: it.major_criterion });
  }
  let qr: { url: string; fullUrl: string; svg: string } | null = null;
  if (row.level === 'post' && row.post_id) {
    qr = await qrCode(publicBaseUrl, reportPageUrl(enterpriseId, row.post_id));
  }
  return {
    enterpriseName: entName, title: row.name, level: row.level, orgUnitName: row.org_unit_name ?? null, unitPath: row.unit_path ?? null, postName: row.post_name ?? null,
    riskPoints: points.map((p) => ({ code: p.code, name: p.name, grade: p.grade })), groups, qr, printedAt: ctx.now,
  };
}

// ---- plans ----

function presentPlan(p: PlanRow) {
  return {
    id: p.id, name: p.name, type: p.type, cycle: p.cycle, checklistId: p.checklist_id, checklistName: p.checklist_name,
    assigneePostId: p.assignee_post_id, assigneePostName: p.post_name ?? null, assigneeUserId: p.assignee_user_id, assigneeUserName: p.user_name ?? null,
    startsOn: p.starts_on, endsOn: p.ends_on, active: p.active, createdAt: p.created_at,
    taskCounts: { open: n(p.open_count), done: n(p.done_count), missed: n(p.missed_count) },
  };
}

export async function listCheckPlans(db: Db, ctx: Ctx, enterpriseId: string) {
  const actor = requireActor(ctx);
  await requireEnterpriseInScope(db, actor, enterpriseId);
  return { items: (await listPlanRows(db, actor, enterpriseId)).map(presentPlan), canManage: mayManageChecks(actor, enterpriseId) };
}

type PlanValues = { name: string; type: PlanCreate['type']; cycle: CheckCycle; checklistId: string; assigneePostId: string | null; assigneeUserId: string | null; startsOn: string; endsOn: string | null; active: boolean };

/** A manager's plan names the checklist, post and account of the enterprise he manages (`scope`: his). */
async function validatePlan(tx: Executor, scope: Scope, enterpriseId: string, p: PlanValues): Promise<void> {
  if ((p.assigneePostId ? 1 : 0) + (p.assigneeUserId ? 1 : 0) !== 1) throw invalid('body.assigneePostId', 'check.plan.assignee');
  if (p.endsOn && p.endsOn < p.startsOn) throw invalid('body.endsOn', 'check.plan.dates');
  if (!await checklistExists(tx, scope, enterpriseId, p.checklistId)) throw invalid('body.checklistId', 'error.NOT_FOUND');
  if (!await checklistHasItems(tx, scope, enterpriseId, p.checklistId)) throw invalid('body.checklistId', 'check.plan.emptyChecklist');
  if (p.assigneePostId && !await postExists(tx, scope, enterpriseId, p.assigneePostId)) throw invalid('body.assigneePostId', 'error.NOT_FOUND');
  if (p.assigneeUserId && !await activeAccountExists(tx, scope, enterpriseId, p.assigneeUserId)) throw invalid('body.assigneeUserId', 'error.NOT_FOUND');
}

export async function createCheckPlan(db: Db, ctx: Ctx, enterpriseId: string, input: PlanCreate) {
  const actor = requireActor(ctx);
  const id = await db.transaction().execute(async (tx) => {
    await guardManage(tx, actor, enterpriseId);
    const values: PlanValues = { ...input, assigneePostId: input.assigneePostId ?? null, assigneeUserId: input.assigneeUserId ?? null, endsOn: input.endsOn ?? null };
    await validatePlan(tx, actor.scope, enterpriseId, values);
    const row = await insertCheckPlan(tx, actor.scope, enterpriseId, {
      name: values.name, type: values.type, cycle: values.cycle, checklist_id: values.checklistId,
      assignee_post_id: values.assigneePostId, assignee_user_id: values.assigneeUserId, starts_on: values.startsOn, ends_on: values.endsOn, active: values.active, created_at: ctx.now,
    });
    // The current period's task at once, rather than at the job's next pass.
    await materialiseTasks(tx, ctx.now, { enterpriseId, planId: row.id, cycle: values.cycle });
    await writeAudit(tx, ctx, { action: 'check.plan.create', entityType: 'check_plan', entityId: row.id, enterpriseId, after: values });
    return row.id;
  });
  return presentPlan((await listPlanRows(db, actor, enterpriseId, id))[0]!);
}

export async function updateCheckPlan(db: Db, ctx: Ctx, enterpriseId: string, id: string, input: PlanUpdate) {
  const actor = requireActor(ctx);
  await db.transaction().execute(async (tx) => {
    await guardManage(tx, actor, enterpriseId);
    const before = await lockCheckPlan(tx, actor, enterpriseId, id);
    if (!before) throw notFound();
    // Naming one assignee replaces the other.
    const post = input.assigneeUserId ? null : input.assigneePostId !== undefined ? input.assigneePostId : before.assignee_post_id;
    const user = input.assigneePostId ? null : input.assigneeUserId !== undefined ? input.assigneeUserId : before.assignee_user_id;
    const values: PlanValues = {
      name: input.name ?? before.name, type: input.type ?? before.type, cycle: input.cycle ?? before.cycle, checklistId: input.checklistId ?? before.checklist_id,
      assigneePostId: post ?? null, assigneeUserId: user ?? null, startsOn: input.startsOn ?? before.starts_on,
      endsOn: input.endsOn !== undefined ? input.endsOn : before.ends_on, active: input.active ?? before.active,
    };
    await validatePlan(tx, actor.scope, enterpriseId, values);
    await updateCheckPlanRow(tx, actor.scope, enterpriseId, id, {
      name: values.name, type: values.type, cycle: values.cycle, checklist_id: values.checklistId, assignee_post_id: values.assigneePostId,
      assignee_user_id: values.assigneeUserId, starts_on: values.startsOn, ends_on: values.endsOn, active: values.active,
    });
    // The open task follows the plan: a stopped plan withdraws it, a changed assignee or list carries over.
    if (!values.active) {
      await deleteOpenTasks(tx, actor.scope, enterpriseId, id);
    } else {
      await updateOpenTasks(tx, actor.scope, enterpriseId, id, { assignee_post_id: values.assigneePostId, assignee_user_id: values.assigneeUserId, checklist_id: values.checklistId });
      await materialiseTasks(tx, ctx.now, { enterpriseId, planId: id, cycle: values.cycle });
    }
    if (before.active !== values.active || before.checklist_id !== values.checklistId) {
      const whole = wholeEnterprise(enterpriseId);
      await refreshControlFailing(tx, whole, enterpriseId, await riskPointsOfChecklists(tx, whole, enterpriseId, [before.checklist_id, values.checklistId]));
    }
    await writeAudit(tx, ctx, { action: 'check.plan.update', entityType: 'check_plan', entityId: id, enterpriseId, before, after: values });
  });
  return presentPlan((await listPlanRows(db, actor, enterpriseId, id))[0]!);
}

/** A plan with a record (done or missed tasks) is kept for history: stop it instead. */
export async function deleteCheckPlan(db: Db, ctx: Ctx, enterpriseId: string, id: string): Promise<void> {
  const actor = requireActor(ctx);
  await db.transaction().execute(async (tx) => {
    await guardManage(tx, actor, enterpriseId);
    const before = await lockCheckPlan(tx, actor, enterpriseId, id);
    if (!before) throw notFound();
    if (await planHasHistory(tx, actor.scope, enterpriseId, id)) throw new AppError('CONFLICT', { messageKey: 'check.plan.hasHistory' });
    await deleteCheckPlanRow(tx, actor.scope, enterpriseId, id);
    await writeAudit(tx, ctx, { action: 'check.plan.delete', entityType: 'check_plan', entityId: id, enterpriseId, before });
  });
}

// ---- tasks ----

type Runner = { actor: Actor; manager: boolean; postIds: string[] };

async function runnerOf(db: Executor, actor: Actor, enterpriseId: string): Promise<Runner> {
  const own = await postsOfUser(db, actor.scope, enterpriseId, actor.userId);
  // A team or workshop leader runs the post check cards of the posts in his unit, e.g. at the start of a shift.
  const unitPath = unitSubtree(actor.scope);
  const led = unitPath ? await postsUnder(db, actor.scope, enterpriseId, unitPath) : [];
  return { actor, manager: mayManageChecks(actor, enterpriseId), postIds: [...new Set([...own, ...led])] };
}

/** Only the assignee (the user, a holder of the post, or the leader of the post's unit) or a manager runs a task. */
function mayRun(r: Runner, t: Pick<TaskRow, 'assignee_user_id' | 'assignee_post_id'>): boolean {
  return r.manager || t.assignee_user_id === r.actor.userId || (!!t.assignee_post_id && r.postIds.includes(t.assignee_post_id));
}

/** A shift task starts eight hours before it is due (its district's shift hours when it was created); other periods by key. */
function startOfTask(cycle: CheckCycle, key: string, dueAt: Date): Date | null {
  if (cycle === 'shift') return periodOfKey(cycle, key) ? new Date(dueAt.getTime() - SHIFT_HOURS * 3_600_000) : null;
  return periodOfKey(cycle, key)?.startsAt ?? null;
}

function presentTask(t: TaskRow, r: Runner) {
  const cycle = cycleOfKey(t.period_key) ?? t.plan_cycle;
  return {
    id: t.id, planId: t.plan_id, planName: t.plan_name, planType: t.plan_type, cycle, checklistId: t.checklist_id, checklistName: t.checklist_name, level: t.level,
    periodKey: t.period_key, startsAt: startOfTask(cycle, t.period_key, t.due_at), dueAt: t.due_at, status: t.status,
    assigneePostId: t.assignee_post_id, assigneePostName: t.post_name ?? null, assigneeUserId: t.assignee_user_id, assigneeUserName: t.user_name ?? null,
    doneByName: t.done_by_name ?? null, doneAt: t.done_at, passCount: t.pass_count, failCount: t.fail_count, naCount: t.na_count,
    canRun: t.status === 'open' && can(r.actor, 'hazard.act') && mayRun(r, t),
  };
}

export async function listCheckTasks(db: Db, ctx: Ctx, enterpriseId: string, q: TaskQuery) {
  const actor = requireActor(ctx);
  await requireEnterpriseInScope(db, actor, enterpriseId);
  const runner = await runnerOf(db, actor, enterpriseId);
  const { rows, total, counts } = await listTasks(db, actor, enterpriseId, q, q.mine ? { userId: actor.userId, postIds: runner.postIds } : null);
  return { items: rows.map((t) => presentTask(t, runner)), total, page: q.page, pageSize: q.pageSize, counts };
}

/** The workbench's check figures for the actor (check.repository.ts `countTasksForWorkbench`). */
export async function checkWorkbenchCounts(db: Db, ctx: Ctx, enterpriseId: string, today: string, since: string) {
  const actor = requireActor(ctx);
  const runner = await runnerOf(db, actor, enterpriseId);
  return countTasksForWorkbench(db, actor, enterpriseId, { userId: actor.userId, postIds: runner.postIds }, today, since);
}

type ResultLine = { checklist_item_id: string; result: 'pass' | 'fail' | 'na'; note: string; photo_ids: string[]; hazard_id: string | null; hazard_code: string | null; content: string };

function presentTaskDetail(task: TaskRow, runner: Runner, items: ChecklistItemRow[], results: ResultLine[]): TaskDetail {
  const order = new Map(items.map((i, k) => [i.id, k]));
  const at = (itemId: string) => order.get(itemId) ?? items.length;
  // A finished task shows what was checked then, even if the list changed since; an open one shows the list now.
  const lines = task.status === 'open'
    ? items.map((item) => ({ itemId: item.id, item, result: undefined }))
    : results.map((r) => ({ itemId: r.checklist_item_id, item: items.find((i) => i.id === r.checklist_item_id), result: r })).sort((a, b) => at(a.itemId) - at(b.itemId));
  return {
    ...presentTask(task, runner),
    items: lines.map(({ itemId, item, result: r }) => ({
      id: itemId, category: item?.category ?? '', content: r?.content || item?.content || '', method: item?.method ?? '', basis: item?.basis ?? '',
      majorCriterion: item?.major_criterion ?? false, riskPointId: item?.risk_point_id ?? null, riskPointName: item?.risk_point_name ?? null,
      result: r?.result ?? null, note: r?.note ?? '', photoIds: r?.photo_ids ?? [], hazardId: r?.hazard_id ?? null, hazardCode: r?.hazard_code ?? null,
    })),
  };
}

export async function getCheckTask(db: Db, ctx: Ctx, enterpriseId: string, id: string): Promise<TaskDetail> {
  const actor = requireActor(ctx);
  const task = await loadTask(db, actor, enterpriseId, id);
  if (!task) throw notFound();
  const [runner, items, results] = await Promise.all([runnerOf(db, actor, enterpriseId), taskChecklistItems(db, actor, enterpriseId, task), taskResults(db, actor, enterpriseId, id)]);
  return presentTaskDetail(task, runner, items, results.map((r) => ({ ...r, hazard_code: r.hazard_code ?? null })));
}

/** Photos of one run, by the multipart field name each was sent under. */
export type RunPhotos = Map<string, Buffer>;

/**
 * Runs a check task from a phone in one request: records every item's result, stores the photos, opens a hazard
 * pre-filled from each failed item (R-HAZ-7: self-check, self-report), closes the task and refreshes the risk
 * feedback — all in one transaction.
 */
export async function runCheckTask(db: Db, ctx: Ctx, enterpriseId: string, id: string, input: RunInput, photos: RunPhotos) {
  const actor = requireActor(ctx);
  // Type and size are checked, and the photos decoded and encoded again (D16), before any row is locked.
  for (const buf of photos.values()) checkPhoto(buf);
  const prepared = new Map(await Promise.all([...photos].map(async ([field, buf]) => [field, (await preparePhotos([buf], ctx.now, `body.${field}`))[0]!] as const)));
  return db.transaction().execute(async (tx) => {
    // Locked: two phones running the same task at once get one run and one STATE refusal.
    const task = await loadTask(tx, actor, enterpriseId, id, { lock: true });
    if (!task) throw notFound();
    // The posts the caller holds matter only when neither manager nor assigned user decides it.
    const manager = mayManageChecks(actor, enterpriseId);
    const direct = manager || task.assignee_user_id === actor.userId;
    const runner: Runner = direct ? { actor, manager, postIds: [] } : await runnerOf(tx, actor, enterpriseId);
    if (!mayRun(runner, task)) throw forbidden();
    if (task.status !== 'open') throw new AppError('STATE', { messageKey: 'check.task.notOpen', reason: 'TASK_NOT_OPEN' });

    const items = await taskChecklistItems(tx, actor, enterpriseId, task);
    const byId = new Map(items.map((i) => [i.id, i]));
    const answered = new Set<string>();
    input.results.forEach((r, i) => {
      if (!byId.has(r.checklistItemId)) throw invalid(`body.results.${i}.checklistItemId`, 'check.run.unknownItem');
      if (answered.has(r.checklistItemId)) throw invalid(`body.results.${i}.checklistItemId`, 'check.item.duplicate');
      answered.add(r.checklistItemId);
    });
    const missing = items.filter((i) => !answered.has(i.id)).length;
    if (missing) throw invalid('body.results', 'check.run.incomplete', { count: missing });
    const referenced = new Set(input.results.flatMap((r) => r.photoFields));
    for (const field of referenced) if (!photos.has(field)) throw invalid('body.results', 'check.run.photoField', { field });
    for (const field of photos.keys()) if (!referenced.has(field)) throw invalid(`body.${field}`, 'check.run.unusedPhoto', { field });

    const fields = [...photos.keys()];
    const stored = await savePhotos(tx, ctx, enterpriseId, fields.map((f) => prepared.get(f)!), { type: 'check_task', id, role: 'result' });
    const photoOf = new Map(fields.map((f, i) => [f, stored[i]!.id]));
    const rows: ResultLine[] = [];
    const hazards: { id: string; code: string; checklistItemId: string }[] = [];
    const count = { pass: 0, fail: 0, na: 0 };
    for (const r of input.results) {
      const item = byId.get(r.checklistItemId)!;
      const photoIds = [...new Set(r.photoFields.map((f) => photoOf.get(f)!))];
      count[r.result]++;
      let hazard: { id: string; code: string } | null = null;
      if (r.result === 'fail') {
        const description = [`${task.checklist_name}（${checkPeriodLabel(task.period_key, 'zh-CN', { year: true })}）检查不合格`, item.method && `检查方法：${item.method}`, item.basis && `依据：${item.basis}`, r.note && `说明：${r.note}`]
          .filter(Boolean).join('。');
        // R-HAZ-2: an item that is a major-hazard criterion opens a major hazard under that criterion.
        const h = await reportHazard(db, ctx, enterpriseId, {
          title: failedItemTitle(item.content, r.note), description: description.slice(0, 2000), source: 'self_check',
          level: item.major_criterion ? 'major' : 'general', majorCriterion: item.major_criterion ? item.content.slice(0, 200) : undefined,
          // The hazard's unit: the risk point's, else the card's post or workshop unit, else the enterprise (reportHazard's default).
          riskPointId: item.risk_point_id ?? undefined, orgUnitId: item.risk_point_id ? undefined : task.checklist_unit_id ?? undefined,
          location: item.risk_point_location ?? '', photoIds,
          // R-PPE-1: protective equipment not worn (a PPE library item) is a person's unsafe behaviour.
          hazardClass: BEHAVIOUR_CATEGORIES.includes(item.category as CheckCategory) ? 'behaviour' : undefined,
        }, { checkTaskId: id, checklistItemId: item.id }, tx);
        hazard = { id: h.id, code: h.code };
        hazards.push({ ...hazard, checklistItemId: item.id });
      }
      rows.push({ checklist_item_id: item.id, result: r.result, note: r.note, photo_ids: photoIds, hazard_id: hazard?.id ?? null, hazard_code: hazard?.code ?? null, content: item.content });
    }
    await insertTaskResults(tx, actor.scope, enterpriseId, id, rows.map(({ hazard_code: _code, ...row }) => row));
    await updateCheckTask(tx, actor.scope, enterpriseId, id, { status: 'done', done_by: actor.userId, done_at: ctx.now, pass_count: count.pass, fail_count: count.fail, na_count: count.na });
    await refreshControlFailing(tx, wholeEnterprise(enterpriseId), enterpriseId, items.map((i) => i.risk_point_id));
    // R-RESP-5 "带队全面检查": a run of the enterprise-level list that the principal led and submitted (signed) himself
    // fulfils his monthly inspection, in this transaction (the obligations engine).
    if (task.level === 'enterprise' && actor.role === 'enterprise_principal') {
      await fulfilByRecord(tx, ctx, { enterpriseId, record: 'check.enterprise_led', recordType: 'check_task', recordId: id, at: ctx.now, byPrincipal: true });
    }
    await writeAudit(tx, ctx, {
      action: 'check.task.run', entityType: 'check_task', entityId: id, enterpriseId, before: { status: 'open' },
      after: { status: 'done', ...count, photos: stored.length, hazards: hazards.map((h) => h.code) },
    });
    // The answer is built from what the transaction wrote, without reading it back.
    const done: TaskRow = { ...task, status: 'done', done_by: actor.userId, done_at: ctx.now, done_by_name: actor.displayName, pass_count: count.pass, fail_count: count.fail, na_count: count.na };
    return { ...presentTaskDetail(done, runner, items, rows), createdHazards: hazards };
  });
}

// ---- the job: task instances, missed tasks, reminders ----

/**
 * Creates the task of the current period for every active plan (or one plan), idempotently: the unique key
 * (enterprise_id, plan_id, period_key) makes a second pass, or a second runner, a no-op. One statement per cycle,
 * whatever the number of plans.
 */
export async function materialiseTasks(db: Executor, now: Date, only?: { enterpriseId: string; planId: string; cycle: CheckCycle }): Promise<number> {
  // The job works for no user; a plan's own task is made for the manager who saved it, once access was decided.
  const scope: AnyScope = only ? wholeEnterprise(only.enterpriseId) : systemScope;
  const today = localDay(now);
  let created = 0;
  // Shifts start at each district's hour (rule-set `check-cycles` [cfg]): one pass per start hour in use; the other
  // periods are the same everywhere.
  const byStartHour = new Map<number, string[]>();
  if (!only || only.cycle === 'shift') {
    const rules = await currentRulesByDistrict(db, CHECK_RULES);
    for (const [districtId, r] of rules) byStartHour.set(r.value.shiftDayStartHour, [...(byStartHour.get(r.value.shiftDayStartHour) ?? []), districtId]);
  }
  type Pass = { cycle: CheckCycle; period: Period; districts: string[] | null };
  const passes = (only ? [only.cycle] : CHECK_CYCLES).flatMap((cycle): Pass[] => cycle === 'shift'
    ? [...byStartHour].map(([hour, districts]) => ({ cycle, period: periodAt(cycle, now, undefined, hour), districts }))
    : [{ cycle, period: periodAt(cycle, now), districts: null }]);
  for (const { cycle, period, districts } of passes) {
    created += await insertPeriodTasks(db, scope, { cycle, period, today, now, districts, only });
  }
  return created;
}

/** Open tasks past their due time become missed; the risk points on those cards are flagged (issue 4 §5). */
export async function sweepMissedTasks(db: Db, now: Date): Promise<number> {
  return db.transaction().execute(async (tx) => {
    const missed = await markMissedTasks(tx, systemScope, now);
    const byEnterprise = new Map<string, string[]>();
    for (const m of missed) byEnterprise.set(m.enterprise_id, [...(byEnterprise.get(m.enterprise_id) ?? []), m.checklist_id]);
    for (const [enterpriseId, lists] of byEnterprise) {
      await refreshControlFailing(tx, systemScope, enterpriseId, await riskPointsOfChecklists(tx, systemScope, enterpriseId, lists));
    }
    return missed.length;
  });
}

/**
 * Reminds the assignee of each open task once, when its due time is near (the lead time by cycle is the district's
 * rule-set `check-cycles` [cfg]): the assigned user, or every active holder of the assigned post who has an account.
 * Marking and the outbox rows are one statement per district.
 */
export async function sendTaskReminders(db: Db, now: Date): Promise<number> {
  let total = 0;
  for (const [districtId, rules] of await currentRulesByDistrict(db, CHECK_RULES)) {
    total += await remindDueTasks(db, systemScope, districtId, now, rules.value.remindBeforeHours);
  }
  return total;
}

/** One pass of the check job: close what is past due first, then open the current periods, then remind. */
export async function runCheckCycle(db: Db, now: Date): Promise<{ missed: number; created: number; reminded: number }> {
  const missed = await sweepMissedTasks(db, now);
  const created = await materialiseTasks(db, now);
  const reminded = await sendTaskReminders(db, now);
  return { missed, created, reminded };
}

// ---- everyone a safety officer (R-HAZ-6) ----

/** How many people the leaderboard shows; its export carries everyone ranked. */
export const LEADERBOARD_SIZE = 50;

/** Everyone with points from confirmed reports in the period, best first; equal points share a rank. */
export async function rankLeaderboard(db: Db, ctx: Ctx, enterpriseId: string, period: LeaderboardPeriod) {
  const actor = requireActor(ctx);
  await requireEnterpriseInScope(db, actor, enterpriseId);
  const since = period === 'all' ? null : startOfLocal(period, ctx.now);
  const rows = await leaderboardRows(db, actor.scope, enterpriseId, since);
  let rank = 0;
  let last: number | null = null;
  const ranked: LeaderboardEntry[] = rows.map((r, i) => {
    const points = n(r.points);
    if (points !== last) { rank = i + 1; last = points; }
    return { rank, userId: r.user_id, name: r.display_name, orgUnitName: r.org_unit_name ?? null, points, hazards: n(r.hazards) };
  });
  return { actor, since, ranked };
}

/** The leaderboard's top LEADERBOARD_SIZE and the caller's own place. */
export async function hazardLeaderboard(db: Db, ctx: Ctx, enterpriseId: string, period: LeaderboardPeriod) {
  const { actor, since, ranked } = await rankLeaderboard(db, ctx, enterpriseId, period);
  const me = ranked.find((r) => r.userId === actor.userId);
  return {
    period, since, items: ranked.slice(0, LEADERBOARD_SIZE),
    me: me ? { rank: me.rank, points: me.points, hazards: me.hazards } : { rank: null, points: 0, hazards: 0 },
  };
}

/** "Three taps": what the post's QR report page needs to prefill — the post, its unit, and the risk points there. */
export async function postReportContext(db: Db, ctx: Ctx, enterpriseId: string, postId: string) {
  const actor = requireActor(ctx);
  await requireEnterpriseInScope(db, actor, enterpriseId);
  const post = await postWithUnit(db, actor.scope, enterpriseId, postId);
  if (!post) throw notFound();
  const [entName, points] = await Promise.all([
    enterpriseName(db, actor.scope, enterpriseId),
    reportRiskPoints(db, actor.scope, enterpriseId, postId, post.org_unit_id),
  ]);
  return {
    enterprise: { id: enterpriseId, name: entName },
    post: { id: post.id, name: post.name },
    orgUnit: { id: post.org_unit_id, name: post.org_unit_name },
    riskPoints: points.map((p) => ({ id: p.id, code: p.code, name: p.name, location: p.location, grade: p.grade, atPost: Boolean(p.at_post) })),
  };
}
