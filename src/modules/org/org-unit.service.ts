import type { Actor, Ctx } from '../../platform/auth/actor';
import { can, requireActor } from '../../platform/auth/actor';
import { isEnterpriseManager, requireEnterpriseInScope } from '../../platform/auth/policy';
import { writeAudit } from '../../platform/audit/audit';
import type { Db, Tx } from '../../platform/db/database';
import type { OrgUnitKind } from '../../platform/db/schema';
import { AppError, forbidden, invalid, notFound } from '../../platform/errors';
import {
  countPostHolders, deleteOrgUnitRow, deletePostRow, findPost, findUnit, insertOrgUnit, insertPost, listPostRows, listUnitRows,
  maxChildSort, moveSubtree, postHasActiveHolder, unitInUse, unitPathOf, updateOrgUnitRow, updatePostRow,
} from './org-unit.repository';
import { canNest, isDescendantPath } from './org-unit.rules';
import type { PostCreate, PostUpdate } from './org-unit.schema';

/** Enterprise managers change their own tree; the district admin any tree. Unit leaders manage nothing here. */
function mayManage(actor: Actor, enterpriseId: string): boolean {
  if (!can(actor, 'orgunit.manage')) return false;
  if (actor.scope.kind === 'district') return true;
  return isEnterpriseManager(actor, enterpriseId);
}

export async function listOrgUnits(db: Db, ctx: Ctx, enterpriseId: string) {
  const actor = requireActor(ctx);
  await requireEnterpriseInScope(db, actor, enterpriseId);
  const rows = await listUnitRows(db, actor.scope, enterpriseId);
  const manage = mayManage(actor, enterpriseId);
  return rows.map((r) => ({ id: r.id, parentId: r.parent_id, kind: r.kind, name: r.name, sort: r.sort, postCount: Number(r.post_count ?? 0), employeeCount: Number(r.employee_count ?? 0), canManage: manage }));
}

async function guardManage(tx: Tx, actor: Actor, enterpriseId: string) {
  await requireEnterpriseInScope(tx, actor, enterpriseId);
  if (!mayManage(actor, enterpriseId)) throw forbidden();
}

export async function createOrgUnit(db: Db, ctx: Ctx, enterpriseId: string, input: { parentId: string; kind: OrgUnitKind; name: string }) {
  const actor = requireActor(ctx);
  return db.transaction().execute(async (tx) => {
    await guardManage(tx, actor, enterpriseId);
    const parent = await findUnit(tx, actor.scope, enterpriseId, input.parentId);
    if (!parent || !canNest(parent.kind, input.kind)) throw invalid('body.parentId', 'validation.orgUnit.parent');
    const id = crypto.randomUUID();
    const sort = ((await maxChildSort(tx, actor.scope, enterpriseId, parent.id)) ?? -1) + 1;
    const row = await insertOrgUnit(tx, actor.scope, enterpriseId, {
      id, parent_id: parent.id, kind: input.kind, name: input.name, path: `${parent.path}${id}/`, sort,
    });
    await writeAudit(tx, ctx, { action: 'orgunit.create', entityType: 'org_unit', entityId: id, enterpriseId, after: row });
    return { id: row.id, parentId: row.parent_id, kind: row.kind, name: row.name, sort: row.sort, postCount: 0, employeeCount: 0, canManage: true };
  });
}

export async function updateOrgUnit(db: Db, ctx: Ctx, enterpriseId: string, id: string, input: { name?: string; parentId?: string; sort?: number }) {
  const actor = requireActor(ctx);
  return db.transaction().execute(async (tx) => {
    await guardManage(tx, actor, enterpriseId);
    const before = await findUnit(tx, actor.scope, enterpriseId, id);
    if (!before) throw notFound();
    let path = before.path;
    if (input.parentId !== undefined && input.parentId !== before.parent_id) {
      if (before.kind === 'company') throw invalid('body.parentId', 'validation.orgUnit.root');
      const parent = await findUnit(tx, actor.scope, enterpriseId, input.parentId);
      if (!parent || !canNest(parent.kind, before.kind) || isDescendantPath(parent.path, before.path)) throw invalid('body.parentId', 'validation.orgUnit.parent');
      path = `${parent.path}${id}/`;
      await moveSubtree(tx, actor.scope, enterpriseId, before.path, path);
    }
    const after = await updateOrgUnitRow(tx, actor.scope, enterpriseId, id, {
      ...(input.name !== undefined ? { name: input.name } : {}),
      ...(input.parentId !== undefined ? { parent_id: input.parentId } : {}),
      ...(input.sort !== undefined ? { sort: input.sort } : {}),
    });
    await writeAudit(tx, ctx, { action: 'orgunit.update', entityType: 'org_unit', entityId: id, enterpriseId, before, after });
    return { id: after.id, parentId: after.parent_id, kind: after.kind, name: after.name, sort: after.sort };
  });
}

export async function deleteOrgUnit(db: Db, ctx: Ctx, enterpriseId: string, id: string) {
  const actor = requireActor(ctx);
  await db.transaction().execute(async (tx) => {
    await guardManage(tx, actor, enterpriseId);
    const unit = await findUnit(tx, actor.scope, enterpriseId, id);
    if (!unit) throw notFound();
    if (unit.kind === 'company') throw new AppError('STATE', { messageKey: 'validation.orgUnit.root' });
    if (await unitInUse(tx, actor.scope, enterpriseId, id)) throw new AppError('STATE', { messageKey: 'validation.orgUnit.hasChildren' });
    await deleteOrgUnitRow(tx, actor.scope, enterpriseId, id);
    await writeAudit(tx, ctx, { action: 'orgunit.delete', entityType: 'org_unit', entityId: id, enterpriseId, before: unit });
  });
}

// ---- posts (岗位) ----

/** `unitPath` names the post's unit below the company ("一车间 / 甲班"): two units may each have an "操作工". */
function presentPost(p: { id: string; org_unit_id: string; name: string; key_post: boolean; special_operation: boolean; certificate_type: string | null }, unitPath: string, employeeCount: number) {
  return { id: p.id, orgUnitId: p.org_unit_id, unitPath, name: p.name, keyPost: p.key_post, specialOperation: p.special_operation, certificateType: p.certificate_type, employeeCount };
}

export async function listPosts(db: Db, ctx: Ctx, enterpriseId: string, orgUnitId?: string) {
  const actor = requireActor(ctx);
  await requireEnterpriseInScope(db, actor, enterpriseId);
  const rows = await listPostRows(db, actor.scope, enterpriseId, orgUnitId);
  return rows.map((r) => presentPost(r, r.unit_path, Number(r.employee_count ?? 0)));
}

function checkCertificate(special: boolean, certificate: string | null) {
  // R-TRN-2: a special-operation post names the certificate its holders need.
  if (special && !certificate) throw invalid('body.certificateType', 'validation.post.certificate');
}

export async function createPost(db: Db, ctx: Ctx, enterpriseId: string, input: PostCreate) {
  const actor = requireActor(ctx);
  return db.transaction().execute(async (tx) => {
    await guardManage(tx, actor, enterpriseId);
    if (!(await findUnit(tx, actor.scope, enterpriseId, input.orgUnitId))) throw invalid('body.orgUnitId', 'error.NOT_FOUND');
    checkCertificate(input.specialOperation, input.certificateType);
    const row = await insertPost(tx, actor.scope, enterpriseId, {
      org_unit_id: input.orgUnitId, name: input.name, key_post: input.keyPost,
      special_operation: input.specialOperation, certificate_type: input.specialOperation ? input.certificateType : null,
    });
    await writeAudit(tx, ctx, { action: 'post.create', entityType: 'post', entityId: row.id, enterpriseId, after: row });
    return presentPost(row, await unitPathOf(tx, actor.scope, enterpriseId, row.org_unit_id), 0);
  });
}

export async function updatePost(db: Db, ctx: Ctx, enterpriseId: string, id: string, input: PostUpdate) {
  const actor = requireActor(ctx);
  return db.transaction().execute(async (tx) => {
    await guardManage(tx, actor, enterpriseId);
    const before = await findPost(tx, actor.scope, enterpriseId, id);
    if (!before) throw notFound();
    if (input.orgUnitId && !(await findUnit(tx, actor.scope, enterpriseId, input.orgUnitId))) throw invalid('body.orgUnitId', 'error.NOT_FOUND');
    const special = input.specialOperation ?? before.special_operation;
    const certificate = input.certificateType !== undefined ? input.certificateType : before.certificate_type;
    checkCertificate(special, certificate);
    const after = await updatePostRow(tx, actor.scope, enterpriseId, id, {
      ...(input.orgUnitId ? { org_unit_id: input.orgUnitId } : {}),
      ...(input.name !== undefined ? { name: input.name } : {}),
      ...(input.keyPost !== undefined ? { key_post: input.keyPost } : {}),
      special_operation: special,
      certificate_type: special ? certificate : null,
    });
    await writeAudit(tx, ctx, { action: 'post.update', entityType: 'post', entityId: id, enterpriseId, before, after });
    const count = await countPostHolders(tx, actor.scope, enterpriseId, id);
    return presentPost(after, await unitPathOf(tx, actor.scope, enterpriseId, after.org_unit_id), count);
  });
}

export async function deletePost(db: Db, ctx: Ctx, enterpriseId: string, id: string) {
  const actor = requireActor(ctx);
  await db.transaction().execute(async (tx) => {
    await guardManage(tx, actor, enterpriseId);
    const before = await findPost(tx, actor.scope, enterpriseId, id);
    if (!before) throw notFound();
    if (await postHasActiveHolder(tx, actor.scope, enterpriseId, id)) throw new AppError('STATE', { messageKey: 'validation.post.inUse' });
    await deletePostRow(tx, actor.scope, enterpriseId, id);
    await writeAudit(tx, ctx, { action: 'post.delete', entityType: 'post', entityId: id, enterpriseId, before });
  });
}
