import { sql } from 'kysely';
import type { Actor, Ctx } from '../../platform/auth/actor';
import { can, requireActor, unitSubtree } from '../../platform/auth/actor';
import { isEnterpriseManager, requireEnterpriseInScope } from '../../platform/auth/policy';
import { writeAudit } from '../../platform/audit/audit';
import type { Db, Executor, Tx } from '../../platform/db/database';
import type { OrgUnitKind } from '../../platform/db/schema';
import { unitInScope } from '../../platform/db/scope';
import { AppError, forbidden, invalid, notFound } from '../../platform/errors';
import { unitPathLabel, unitPathOf } from './org-unit.repository';
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
  const rows = await db.selectFrom('org_units as u')
    .select(['u.id', 'u.parent_id', 'u.kind', 'u.name', 'u.sort', 'u.path',
      (eb) => eb.selectFrom('posts as p').select((e) => e.fn.countAll<number>().as('n')).whereRef('p.enterprise_id', '=', 'u.enterprise_id').whereRef('p.org_unit_id', '=', 'u.id').as('post_count'),
      (eb) => eb.selectFrom('employees as m').select((e) => e.fn.countAll<number>().as('n')).whereRef('m.enterprise_id', '=', 'u.enterprise_id').whereRef('m.org_unit_id', '=', 'u.id').where('m.status', '=', 'active').as('employee_count'),
    ])
    .where('u.enterprise_id', '=', enterpriseId)
    .orderBy('u.sort').orderBy('u.name').execute();
  const manage = mayManage(actor, enterpriseId);
  // A unit leader sees the chain above their unit (for orientation) and their subtree in full.
  const unitPath = unitSubtree(actor.scope);
  return rows
    .filter((r) => !unitPath || r.path.startsWith(unitPath) || unitPath.startsWith(r.path))
    .map((r) => ({ id: r.id, parentId: r.parent_id, kind: r.kind, name: r.name, sort: r.sort, postCount: Number(r.post_count ?? 0), employeeCount: Number(r.employee_count ?? 0), canManage: manage }));
}

async function loadUnit(tx: Executor, enterpriseId: string, id: string) {
  return tx.selectFrom('org_units').selectAll().where('enterprise_id', '=', enterpriseId).where('id', '=', id).executeTakeFirst();
}

async function guardManage(tx: Tx, actor: Actor, enterpriseId: string) {
  await requireEnterpriseInScope(tx, actor, enterpriseId);
  if (!mayManage(actor, enterpriseId)) throw forbidden();
}

export async function createOrgUnit(db: Db, ctx: Ctx, enterpriseId: string, input: { parentId: string; kind: OrgUnitKind; name: string }) {
  const actor = requireActor(ctx);
  return db.transaction().execute(async (tx) => {
    await guardManage(tx, actor, enterpriseId);
    const parent = await loadUnit(tx, enterpriseId, input.parentId);
    if (!parent || !canNest(parent.kind, input.kind)) throw invalid('body.parentId', 'validation.orgUnit.parent');
    const id = crypto.randomUUID();
    const maxSort = await tx.selectFrom('org_units').select((eb) => eb.fn.max('sort').as('m')).where('enterprise_id', '=', enterpriseId).where('parent_id', '=', parent.id).executeTakeFirst();
    const row = await tx.insertInto('org_units').values({
      enterprise_id: enterpriseId, id, parent_id: parent.id, kind: input.kind, name: input.name, path: `${parent.path}${id}/`, sort: Number(maxSort?.m ?? -1) + 1,
    }).returningAll().executeTakeFirstOrThrow();
    await writeAudit(tx, ctx, { action: 'orgunit.create', entityType: 'org_unit', entityId: id, enterpriseId, after: row });
    return { id: row.id, parentId: row.parent_id, kind: row.kind, name: row.name, sort: row.sort, postCount: 0, employeeCount: 0, canManage: true };
  });
}

export async function updateOrgUnit(db: Db, ctx: Ctx, enterpriseId: string, id: string, input: { name?: string; parentId?: string; sort?: number }) {
  const actor = requireActor(ctx);
  return db.transaction().execute(async (tx) => {
    await guardManage(tx, actor, enterpriseId);
    const before = await loadUnit(tx, enterpriseId, id);
    if (!before) throw notFound();
    let path = before.path;
    if (input.parentId !== undefined && input.parentId !== before.parent_id) {
      if (before.kind === 'company') throw invalid('body.parentId', 'validation.orgUnit.root');
      const parent = await loadUnit(tx, enterpriseId, input.parentId);
      if (!parent || !canNest(parent.kind, before.kind) || isDescendantPath(parent.path, before.path)) throw invalid('body.parentId', 'validation.orgUnit.parent');
      path = `${parent.path}${id}/`;
      // Re-root the whole subtree in one statement.
      await sql`update org_units set path = ${path} || substr(path, ${before.path.length + 1})
        where enterprise_id = ${enterpriseId} and path like ${before.path + '%'}`.execute(tx);
    }
    const after = await tx.updateTable('org_units').set({
      ...(input.name !== undefined ? { name: input.name } : {}),
      ...(input.parentId !== undefined ? { parent_id: input.parentId } : {}),
      ...(input.sort !== undefined ? { sort: input.sort } : {}),
    }).where('enterprise_id', '=', enterpriseId).where('id', '=', id).returningAll().executeTakeFirstOrThrow();
    await writeAudit(tx, ctx, { action: 'orgunit.update', entityType: 'org_unit', entityId: id, enterpriseId, before, after });
    return { id: after.id, parentId: after.parent_id, kind: after.kind, name: after.name, sort: after.sort };
  });
}

export async function deleteOrgUnit(db: Db, ctx: Ctx, enterpriseId: string, id: string) {
  const actor = requireActor(ctx);
  await db.transaction().execute(async (tx) => {
    await guardManage(tx, actor, enterpriseId);
    const unit = await loadUnit(tx, enterpriseId, id);
    if (!unit) throw notFound();
    if (unit.kind === 'company') throw new AppError('STATE', { messageKey: 'validation.orgUnit.root' });
    const child = await tx.selectFrom('org_units').select('id').where('enterprise_id', '=', enterpriseId).where('parent_id', '=', id).limit(1).executeTakeFirst();
    const post = await tx.selectFrom('posts').select('id').where('enterprise_id', '=', enterpriseId).where('org_unit_id', '=', id).limit(1).executeTakeFirst();
    const emp = await tx.selectFrom('employees').select('id').where('enterprise_id', '=', enterpriseId).where('org_unit_id', '=', id).limit(1).executeTakeFirst();
    const user = await tx.selectFrom('users').select('id').where('enterprise_id', '=', enterpriseId).where('org_unit_id', '=', id).limit(1).executeTakeFirst();
    if (child || post || emp || user) throw new AppError('STATE', { messageKey: 'validation.orgUnit.hasChildren' });
    await tx.deleteFrom('org_units').where('enterprise_id', '=', enterpriseId).where('id', '=', id).execute();
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
  let q = db.selectFrom('posts as p')
    .innerJoin('org_units as u', (j) => j.onRef('u.enterprise_id', '=', 'p.enterprise_id').onRef('u.id', '=', 'p.org_unit_id'))
    .select(['p.id', 'p.org_unit_id', 'p.name', 'p.key_post', 'p.special_operation', 'p.certificate_type', unitPathLabel('u').as('unit_path'),
      (eb) => eb.selectFrom('employee_posts as ep').innerJoin('employees as m', (j) => j.onRef('m.enterprise_id', '=', 'ep.enterprise_id').onRef('m.id', '=', 'ep.employee_id'))
        .select((e) => e.fn.countAll<number>().as('n')).whereRef('ep.enterprise_id', '=', 'p.enterprise_id').whereRef('ep.post_id', '=', 'p.id').where('m.status', '=', 'active').as('employee_count')])
    .where('p.enterprise_id', '=', enterpriseId)
    .where(unitInScope(actor.scope, 'u.path'));
  if (orgUnitId) q = q.where('p.org_unit_id', '=', orgUnitId);
  const rows = await q.orderBy('u.path').orderBy('p.name').execute();
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
    if (!(await loadUnit(tx, enterpriseId, input.orgUnitId))) throw invalid('body.orgUnitId', 'error.NOT_FOUND');
    checkCertificate(input.specialOperation, input.certificateType);
    const row = await tx.insertInto('posts').values({
      enterprise_id: enterpriseId, org_unit_id: input.orgUnitId, name: input.name, key_post: input.keyPost,
      special_operation: input.specialOperation, certificate_type: input.specialOperation ? input.certificateType : null,
    }).returningAll().executeTakeFirstOrThrow();
    await writeAudit(tx, ctx, { action: 'post.create', entityType: 'post', entityId: row.id, enterpriseId, after: row });
    return presentPost(row, await unitPathOf(tx, actor.scope, enterpriseId, row.org_unit_id), 0);
  });
}

export async function updatePost(db: Db, ctx: Ctx, enterpriseId: string, id: string, input: PostUpdate) {
  const actor = requireActor(ctx);
  return db.transaction().execute(async (tx) => {
    await guardManage(tx, actor, enterpriseId);
    const before = await tx.selectFrom('posts').selectAll().where('enterprise_id', '=', enterpriseId).where('id', '=', id).executeTakeFirst();
    if (!before) throw notFound();
    if (input.orgUnitId && !(await loadUnit(tx, enterpriseId, input.orgUnitId))) throw invalid('body.orgUnitId', 'error.NOT_FOUND');
    const special = input.specialOperation ?? before.special_operation;
    const certificate = input.certificateType !== undefined ? input.certificateType : before.certificate_type;
    checkCertificate(special, certificate);
    const after = await tx.updateTable('posts').set({
      ...(input.orgUnitId ? { org_unit_id: input.orgUnitId } : {}),
      ...(input.name !== undefined ? { name: input.name } : {}),
      ...(input.keyPost !== undefined ? { key_post: input.keyPost } : {}),
      special_operation: special,
      certificate_type: special ? certificate : null,
    }).where('enterprise_id', '=', enterpriseId).where('id', '=', id).returningAll().executeTakeFirstOrThrow();
    await writeAudit(tx, ctx, { action: 'post.update', entityType: 'post', entityId: id, enterpriseId, before, after });
    const count = await tx.selectFrom('employee_posts').select((e) => e.fn.countAll<number>().as('n')).where('enterprise_id', '=', enterpriseId).where('post_id', '=', id).executeTakeFirstOrThrow();
    return presentPost(after, await unitPathOf(tx, actor.scope, enterpriseId, after.org_unit_id), Number(count.n));
  });
}

export async function deletePost(db: Db, ctx: Ctx, enterpriseId: string, id: string) {
  const actor = requireActor(ctx);
  await db.transaction().execute(async (tx) => {
    await guardManage(tx, actor, enterpriseId);
    const before = await tx.selectFrom('posts').selectAll().where('enterprise_id', '=', enterpriseId).where('id', '=', id).executeTakeFirst();
    if (!before) throw notFound();
    const used = await tx.selectFrom('employee_posts as ep').innerJoin('employees as m', (j) => j.onRef('m.enterprise_id', '=', 'ep.enterprise_id').onRef('m.id', '=', 'ep.employee_id'))
      .select('ep.post_id').where('ep.enterprise_id', '=', enterpriseId).where('ep.post_id', '=', id).where('m.status', '=', 'active').limit(1).executeTakeFirst();
    if (used) throw new AppError('STATE', { messageKey: 'validation.post.inUse' });
    await tx.deleteFrom('posts').where('enterprise_id', '=', enterpriseId).where('id', '=', id).execute();
    await writeAudit(tx, ctx, { action: 'post.delete', entityType: 'post', entityId: id, enterpriseId, before });
  });
}
