import { can, requireActor, type Actor, type Ctx } from '../../../platform/auth/actor';
import { isEnterpriseManager, requireEnterpriseInScope } from '../../../platform/auth/policy';
import { writeAudit } from '../../../platform/audit/audit';
import type { Db, Executor, Tx } from '../../../platform/db/database';
import { systemScope } from '../../../platform/db/scope';
import { AppError, forbidden, invalid, notFound } from '../../../platform/errors';
import type { Locale } from '../../../platform/i18n/messages';
import { localDay } from '../../../platform/time';
import {
  attachPost, deleteDraft, deleteDutyListRow, detachPost, employeeOfUser, enterpriseName, findDutyList, insertDutyList, insertVersion, listDutyLists, listOfPost,
  publishDraft, publishedLists, replaceAssignments, targetsOf, updateDraft, updateDutyListRow, versionsOf, visibleEmployeeIds, visiblePostIds, visibleUnitIds,
  type TargetRow, type Targets, type VersionRow,
} from './duty-list.repository';
import type { AssignmentsInput, DutyItem, ListCreate, ListQuery } from './duty-list.schema';
import { DUTY_TEMPLATES, dutyTemplate, sourceLabel, templateListItems, type DutyTemplate, type TemplateKey } from './duty-templates';

/*
 * R-RESP-1: the enterprise's duty lists. A list is made by copying a built-in template (or from scratch) into version 1,
 * a draft; publishing a draft makes it the current version (the one before is superseded) and from then on it is never
 * changed (the trigger of migration 0084). Editing a list whose version is current makes a new draft. A list is attached
 * to posts (people inherit them), to a unit (a department's list) or to a person where a duty is personal.
 */

/** The principal and the safety managers keep their enterprise's lists; the district admin any enterprise's. */
export function mayManageDuties(actor: Actor, enterpriseId: string): boolean {
  if (!can(actor, 'duty.manage')) return false;
  if (actor.scope.kind === 'district') return true;
  return isEnterpriseManager(actor, enterpriseId);
}

export async function guardManageDuties(db: Executor, actor: Actor, enterpriseId: string): Promise<void> {
  await requireEnterpriseInScope(db, actor, enterpriseId);
  if (!mayManageDuties(actor, enterpriseId)) throw forbidden();
}

/** Items as stored (jsonb), read back as items: nothing else is ever written to the column. */
export function itemsOf(raw: unknown): DutyItem[] {
  return Array.isArray(raw) ? (raw as DutyItem[]) : [];
}
const pointsOf = (items: readonly DutyItem[]) => items.reduce((s, i) => s + i.points, 0);

// ---- templates ----

function templateSummary(t: DutyTemplate, locale: Locale) {
  const sources = [...new Set(t.items.map((i) => sourceLabel(i.source, locale)))];
  return { key: t.key, level: t.level, group: t.group, name: t.names[locale], itemCount: t.items.length, points: t.items.reduce((s, i) => s + i.points, 0), sources };
}

export function listTemplates(ctx: Ctx) {
  return DUTY_TEMPLATES.map((t) => templateSummary(t, ctx.locale));
}

export function getTemplate(ctx: Ctx, key: TemplateKey) {
  const t = dutyTemplate(key);
  if (!t) throw notFound();
  return { ...templateSummary(t, ctx.locale), items: t.items.map((i) => ({ content: i.content, scope: i.scope, criterion: i.criterion, points: i.points, source: sourceLabel(i.source, ctx.locale) })) };
}

// ---- presenters ----

function versionSummary(v: VersionRow) {
  const items = itemsOf(v.items);
  return {
    version: v.version, status: v.status, itemCount: items.length, points: pointsOf(items), note: v.note, effectiveOn: v.effective_on,
    madeAt: v.made_at, madeByName: v.made_by_name, publishedAt: v.published_at, publishedByName: v.published_by_name,
  };
}
const versionWithItems = (v: VersionRow) => ({ ...versionSummary(v), items: itemsOf(v.items) });
const presentTarget = (t: TargetRow) => ({ type: t.type, id: t.id, name: t.name, unitPath: t.unit_path });

export async function listLists(db: Db, ctx: Ctx, enterpriseId: string, q: ListQuery) {
  const actor = requireActor(ctx);
  await requireEnterpriseInScope(db, actor, enterpriseId);
  const page = await listDutyLists(db, actor.scope, enterpriseId, q);
  const targets = await targetsOf(db, actor.scope, enterpriseId, page.items.map((r) => r.id));
  return {
    ...page,
    items: page.items.map((r) => ({
      id: r.id, name: r.name, level: r.level, templateKey: r.template_key, currentVersion: r.current_version ?? null, effectiveOn: r.effective_on ?? null,
      hasDraft: Boolean(r.has_draft), itemCount: Number(r.item_count ?? 0), targets: targets.filter((t) => t.list_id === r.id).map(presentTarget), updatedAt: r.updated_at,
    })),
    canManage: mayManageDuties(actor, enterpriseId),
  };
}

export async function getList(db: Db, ctx: Ctx, enterpriseId: string, id: string) {
  const actor = requireActor(ctx);
  await requireEnterpriseInScope(db, actor, enterpriseId);
  const list = await findDutyList(db, actor.scope, enterpriseId, id);
  if (!list) throw notFound();
  const manage = mayManageDuties(actor, enterpriseId);
  const versions = await versionsOf(db, actor.scope, enterpriseId, [id]);
  const current = versions.find((v) => v.status === 'current') ?? null;
  const draft = versions.find((v) => v.status === 'draft') ?? null;
  const published = versions.some((v) => v.status !== 'draft');
  const targets = await targetsOf(db, actor.scope, enterpriseId, [id]);
  return {
    id: list.id, name: list.name, level: list.level, templateKey: list.template_key, currentVersion: current?.version ?? null, effectiveOn: current?.effective_on ?? null,
    hasDraft: draft !== null, itemCount: current ? itemsOf(current.items).length : 0, targets: targets.map(presentTarget), updatedAt: list.updated_at,
    current: current ? versionWithItems(current) : null,
    // Those who do not keep the lists read what is in force, not the work in progress.
    draft: manage && draft ? versionWithItems(draft) : null,
    versions: versions.filter((v) => manage || v.status !== 'draft').map(versionSummary),
    abilities: { canEdit: manage, canPublish: manage && draft !== null, canDelete: manage && !published, canAssign: manage },
  };
}

export async function getListVersion(db: Db, ctx: Ctx, enterpriseId: string, id: string, version: number) {
  const actor = requireActor(ctx);
  await requireEnterpriseInScope(db, actor, enterpriseId);
  if (!(await findDutyList(db, actor.scope, enterpriseId, id))) throw notFound();
  const v = (await versionsOf(db, actor.scope, enterpriseId, [id])).find((x) => x.version === version);
  if (!v || (v.status === 'draft' && !mayManageDuties(actor, enterpriseId))) throw notFound();
  return versionWithItems(v);
}

// ---- making and editing lists ----

/** The items a new list starts with: those given, else the template's. */
function startingItems(input: ListCreate): { items: DutyItem[]; template: DutyTemplate | null } {
  const template = input.templateKey ? dutyTemplate(input.templateKey) ?? null : null;
  if (template) {
    // A department's template makes a department's list; a post's makes a post's or a person's.
    if ((template.level === 'department') !== (input.level === 'department')) throw invalid('body.level', 'duty.list.levelMismatch');
  }
  const items = input.items ?? (template ? templateListItems(template) : null);
  if (!items) throw invalid('body.items', 'duty.list.itemsRequired');
  return { items, template };
}

/**
 * A new list with version 1 as a draft, in the whole enterprise: the caller decided access (a manager, or the demo
 * seed through `seedDutyList`).
 */
async function insertList(tx: Tx, enterpriseId: string, input: ListCreate, by: string | null, now: Date): Promise<{ id: string; items: number }> {
  const { items, template } = startingItems(input);
  const row = await insertDutyList(tx, systemScope, enterpriseId, { name: input.name, level: input.level, template_key: template?.key ?? null, created_by: by, at: now });
  await insertVersion(tx, systemScope, enterpriseId, { listId: row.id, version: 1, items, note: '', by, at: now });
  return { id: row.id, items: items.length };
}

export async function createList(db: Db, ctx: Ctx, enterpriseId: string, input: ListCreate) {
  const actor = requireActor(ctx);
  const id = await db.transaction().execute(async (tx) => {
    await guardManageDuties(tx, actor, enterpriseId);
    const made = await insertList(tx, enterpriseId, input, actor.userId, ctx.now);
    await writeAudit(tx, ctx, { action: 'duty.list.create', entityType: 'duty_list', entityId: made.id, enterpriseId, after: { name: input.name, level: input.level, templateKey: input.templateKey ?? null, items: made.items } });
    return made.id;
  });
  return getList(db, ctx, enterpriseId, id);
}

async function lockedList(tx: Tx, actor: Actor, enterpriseId: string, id: string) {
  await guardManageDuties(tx, actor, enterpriseId);
  const list = await findDutyList(tx, actor.scope, enterpriseId, id, { lock: true });
  if (!list) throw notFound();
  return list;
}

export async function renameList(db: Db, ctx: Ctx, enterpriseId: string, id: string, input: { name: string }) {
  const actor = requireActor(ctx);
  await db.transaction().execute(async (tx) => {
    const list = await lockedList(tx, actor, enterpriseId, id);
    await updateDutyListRow(tx, actor.scope, enterpriseId, id, { name: input.name, updated_at: ctx.now });
    await writeAudit(tx, ctx, { action: 'duty.list.update', entityType: 'duty_list', entityId: id, enterpriseId, before: { name: list.name }, after: { name: input.name } });
  });
  return getList(db, ctx, enterpriseId, id);
}

/** Saves the draft's items; a list whose last version is published gets a new draft (the next version number). */
export async function saveDraft(db: Db, ctx: Ctx, enterpriseId: string, id: string, input: { items: DutyItem[]; note: string }) {
  const actor = requireActor(ctx);
  await db.transaction().execute(async (tx) => {
    await lockedList(tx, actor, enterpriseId, id);
    const versions = await versionsOf(tx, actor.scope, enterpriseId, [id]);
    const draft = versions.find((v) => v.status === 'draft');
    let version: number;
    if (draft) {
      version = draft.version;
      await updateDraft(tx, actor.scope, enterpriseId, id, version, input.items, input.note, actor.userId, ctx.now);
    } else {
      version = Math.max(0, ...versions.map((v) => v.version)) + 1;
      await insertVersion(tx, actor.scope, enterpriseId, { listId: id, version, items: input.items, note: input.note, by: actor.userId, at: ctx.now });
    }
    await updateDutyListRow(tx, actor.scope, enterpriseId, id, { updated_at: ctx.now });
    await writeAudit(tx, ctx, {
      action: 'duty.list.draft', entityType: 'duty_list', entityId: id, enterpriseId,
      before: draft ? { version, items: itemsOf(draft.items).length } : null, after: { version, items: input.items.length, points: pointsOf(input.items), note: input.note },
    });
  });
  return getList(db, ctx, enterpriseId, id);
}

export async function discardDraft(db: Db, ctx: Ctx, enterpriseId: string, id: string) {
  const actor = requireActor(ctx);
  await db.transaction().execute(async (tx) => {
    await lockedList(tx, actor, enterpriseId, id);
    const versions = await versionsOf(tx, actor.scope, enterpriseId, [id]);
    const draft = versions.find((v) => v.status === 'draft');
    if (!draft) throw new AppError('STATE', { reason: 'NO_DRAFT', messageKey: 'duty.list.noDraft' });
    // The first version is the list itself: a list never published goes with its draft (DELETE the list instead).
    if (!versions.some((v) => v.status !== 'draft')) throw new AppError('STATE', { reason: 'ONLY_VERSION', messageKey: 'duty.list.onlyVersion' });
    await deleteDraft(tx, actor.scope, enterpriseId, id);
    await writeAudit(tx, ctx, { action: 'duty.list.discard', entityType: 'duty_list', entityId: id, enterpriseId, before: { version: draft.version, items: itemsOf(draft.items).length } });
  });
  return getList(db, ctx, enterpriseId, id);
}

/** Makes the draft current from `effectiveOn` (today by default); the version in force before is superseded. */
async function publishList(tx: Tx, enterpriseId: string, id: string, effectiveOn: string | undefined, by: string | null, now: Date) {
  const versions = await versionsOf(tx, systemScope, enterpriseId, [id]);
  const draft = versions.find((v) => v.status === 'draft');
  if (!draft) throw new AppError('STATE', { reason: 'NO_DRAFT', messageKey: 'duty.list.noDraft' });
  const current = versions.find((v) => v.status === 'current');
  const on = effectiveOn ?? localDay(now);
  if (current?.effective_on && on < current.effective_on) throw invalid('body.effectiveOn', 'duty.list.effectiveBefore', { date: current.effective_on });
  await publishDraft(tx, systemScope, enterpriseId, id, draft.version, on, by, now);
  return { version: draft.version, superseded: current?.version ?? null, effectiveOn: on, items: itemsOf(draft.items).length };
}

export async function publishListVersion(db: Db, ctx: Ctx, enterpriseId: string, id: string, input: { effectiveOn?: string }) {
  const actor = requireActor(ctx);
  await db.transaction().execute(async (tx) => {
    await lockedList(tx, actor, enterpriseId, id);
    const published = await publishList(tx, enterpriseId, id, input.effectiveOn, actor.userId, ctx.now);
    await updateDutyListRow(tx, actor.scope, enterpriseId, id, { updated_at: ctx.now });
    await writeAudit(tx, ctx, { action: 'duty.list.publish', entityType: 'duty_list', entityId: id, enterpriseId, after: published });
  });
  return getList(db, ctx, enterpriseId, id);
}

export async function deleteList(db: Db, ctx: Ctx, enterpriseId: string, id: string) {
  const actor = requireActor(ctx);
  await db.transaction().execute(async (tx) => {
    const list = await lockedList(tx, actor, enterpriseId, id);
    const versions = await versionsOf(tx, actor.scope, enterpriseId, [id]);
    // A published version is a record people were held to: it stays (detach the list instead).
    if (versions.some((v) => v.status !== 'draft')) throw new AppError('STATE', { reason: 'PUBLISHED', messageKey: 'duty.list.published' });
    await deleteDutyListRow(tx, actor.scope, enterpriseId, id);
    await writeAudit(tx, ctx, { action: 'duty.list.delete', entityType: 'duty_list', entityId: id, enterpriseId, before: { name: list.name, level: list.level } });
  });
}

// ---- assignments ----

/** Which kind of target each level of list takes. */
const TARGET_FIELD = { post: 'postIds', person: 'employeeIds', department: 'orgUnitIds' } as const;

async function checkTargets(tx: Tx, actor: Actor, enterpriseId: string, level: 'post' | 'department' | 'person', input: AssignmentsInput): Promise<Targets> {
  const own = TARGET_FIELD[level];
  for (const field of ['postIds', 'employeeIds', 'orgUnitIds'] as const) {
    if (field !== own && input[field].length) throw invalid(`body.${field}`, 'duty.list.targetLevel');
  }
  const ids = [...new Set(input[own])];
  const found = own === 'postIds' ? await visiblePostIds(tx, actor.scope, enterpriseId, ids)
    : own === 'employeeIds' ? await visibleEmployeeIds(tx, actor.scope, enterpriseId, ids)
      : await visibleUnitIds(tx, actor.scope, enterpriseId, ids);
  const missing = input[own].findIndex((x) => !found.has(x));
  if (missing >= 0) throw invalid(`body.${own}.${missing}`, 'error.NOT_FOUND');
  return { postIds: own === 'postIds' ? ids : [], employeeIds: own === 'employeeIds' ? ids : [], orgUnitIds: own === 'orgUnitIds' ? ids : [] };
}

/** Attaches the list to exactly these posts, people or units; one that had another list moves to this one. */
export async function setAssignments(db: Db, ctx: Ctx, enterpriseId: string, id: string, input: AssignmentsInput) {
  const actor = requireActor(ctx);
  await db.transaction().execute(async (tx) => {
    const list = await lockedList(tx, actor, enterpriseId, id);
    const targets = await checkTargets(tx, actor, enterpriseId, list.level, input);
    const before = await targetsOf(tx, actor.scope, enterpriseId, [id]);
    const movedFrom = await replaceAssignments(tx, actor.scope, enterpriseId, id, targets, actor.userId, ctx.now);
    await writeAudit(tx, ctx, {
      action: 'duty.list.assign', entityType: 'duty_list', entityId: id, enterpriseId,
      before: { targets: before.map((t) => t.id) }, after: { ...targets, movedFrom: movedFrom.filter((x) => x !== id) },
    });
  });
  return getList(db, ctx, enterpriseId, id);
}

/** One post's list (the assignment page): attach a post list to it, or none. */
export async function setPostList(db: Db, ctx: Ctx, enterpriseId: string, postId: string, listId: string | null) {
  const actor = requireActor(ctx);
  return db.transaction().execute(async (tx) => {
    await guardManageDuties(tx, actor, enterpriseId);
    if (!(await visiblePostIds(tx, actor.scope, enterpriseId, [postId])).has(postId)) throw notFound();
    if (listId) {
      const list = await findDutyList(tx, actor.scope, enterpriseId, listId, { lock: true });
      if (!list) throw invalid('body.listId', 'error.NOT_FOUND');
      if (list.level !== 'post') throw invalid('body.listId', 'duty.list.targetLevel');
    }
    const before = await listOfPost(tx, actor.scope, enterpriseId, postId);
    if (before !== listId) {
      if (before) await detachPost(tx, actor.scope, enterpriseId, postId);
      if (listId) await attachPost(tx, actor.scope, enterpriseId, listId, postId, actor.userId, ctx.now);
      await writeAudit(tx, ctx, { action: 'duty.list.assign', entityType: 'post', entityId: postId, enterpriseId, before: { listId: before }, after: { listId } });
    }
    return { postId, listId };
  });
}

// ---- the publication (公示) ----

/**
 * Every current list of the enterprise the caller sees, grouped by what it is attached to: what every employee reads
 * and prints. `mine` keeps the caller's own duties.
 */
export async function getPublication(db: Db, ctx: Ctx, enterpriseId: string, q: { mine?: boolean; orgUnitId?: string }) {
  const actor = requireActor(ctx);
  await requireEnterpriseInScope(db, actor, enterpriseId);
  const mineOf = q.mine ? await employeeOfUser(db, actor.userId) : undefined;
  const rows = await publishedLists(db, actor.scope, enterpriseId, { mineOf, orgUnitId: q.orgUnitId });
  const list = (r: (typeof rows)[number]) => ({ listId: r.list_id, name: r.list_name, version: r.version, effectiveOn: r.effective_on, items: itemsOf(r.items) });
  return {
    enterpriseName: await enterpriseName(db, actor.scope, enterpriseId),
    asOf: localDay(ctx.now),
    posts: rows.filter((r) => r.type === 'post').map((r) => ({ postId: r.target_id, postName: r.target_name, unitPath: r.unit_path, list: list(r) })),
    departments: rows.filter((r) => r.type === 'orgUnit').map((r) => ({ orgUnitId: r.target_id, unitPath: r.unit_path, list: list(r) })),
    people: rows.filter((r) => r.type === 'employee').map((r) => ({ employeeId: r.target_id, name: r.target_name, unitPath: r.unit_path, list: list(r) })),
  };
}

// ---- the demo ----

/**
 * The demo seed's lists (src/seed): a template copied, published and attached, through the same steps a manager takes,
 * in the seed's transaction and on its clock.
 */
export async function seedDutyList(tx: Tx, enterpriseId: string, input: { name: string; templateKey: TemplateKey; level?: 'post' | 'department' | 'person' } & Partial<Targets>, now: Date): Promise<string> {
  const template = dutyTemplate(input.templateKey)!;
  const level = input.level ?? template.level;
  const { id } = await insertList(tx, enterpriseId, { name: input.name, level, templateKey: input.templateKey }, null, now);
  await publishList(tx, enterpriseId, id, localDay(now), null, now);
  await replaceAssignments(tx, systemScope, enterpriseId, id, { postIds: input.postIds ?? [], employeeIds: input.employeeIds ?? [], orgUnitIds: input.orgUnitIds ?? [] }, null, now);
  return id;
}
