import type { Ctx } from '../../../platform/auth/actor';
import { can, requireActor } from '../../../platform/auth/actor';
import { isEnterpriseManager, requireEnterpriseInScope } from '../../../platform/auth/policy';
import { writeAudit } from '../../../platform/audit/audit';
import type { Db } from '../../../platform/db/database';
import { AppError, invalid, notFound } from '../../../platform/errors';
import { adoptedLaws, adoptLaw, districtOfScope, documentsOf, dropLaw, findLaw, insertLaw, lawPage, updateLaw, type LawRow } from './laws.repository';
import type { AdoptBody, LAW_KINDS, LAW_LEVELS, LawInput, LawPatch, LawQuery } from './laws.schema';

/*
 * Issue 12 §2: the register of applicable laws, regulations and standards (national, provincial, city, district). The
 * district admin keeps the district's register; an enterprise adopts the ones that apply to it and links each to the
 * rule documents that implement it (R-DOC-1: rules follow the law). Everyone who reads the library reads the register.
 */

const lawView = (r: LawRow) => ({
  id: r.id, level: r.level as (typeof LAW_LEVELS)[number], kind: r.kind as (typeof LAW_KINDS)[number], title: r.title, docNumber: r.doc_number, issuer: r.issuer,
  effectiveOn: r.effective_on, repealed: r.repealed, version: r.version,
});

async function districtOf(db: Db, ctx: Ctx) {
  const actor = requireActor(ctx);
  const districtId = await districtOfScope(db, actor.scope);
  if (!districtId) throw notFound();
  return { actor, districtId };
}

export async function listLaws(db: Db, ctx: Ctx, q: LawQuery) {
  const { actor, districtId } = await districtOf(db, ctx);
  const page = await lawPage(db, districtId, q);
  return { ...page, items: page.items.map(lawView), abilities: { canManage: can(actor, 'laws.manage') && actor.scope.kind === 'district' } };
}

function requireAdmin(ctx: Ctx) {
  const actor = requireActor(ctx);
  if (!can(actor, 'laws.manage') || actor.scope.kind !== 'district') throw new AppError('FORBIDDEN');
  return actor;
}

export async function createLaw(db: Db, ctx: Ctx, input: LawInput) {
  requireAdmin(ctx);
  const { actor, districtId } = await districtOf(db, ctx);
  const id = await db.transaction().execute(async (tx) => {
    const created = await insertLaw(tx, districtId, {
      level: input.level, kind: input.kind, title: input.title, doc_number: input.docNumber, issuer: input.issuer, effective_on: input.effectiveOn, created_by: actor.userId, now: ctx.now,
    });
    await writeAudit(tx, ctx, { action: 'laws.create', entityType: 'law', entityId: created, after: input });
    return created;
  });
  return lawView((await findLaw(db, districtId, id))!);
}

export async function editLaw(db: Db, ctx: Ctx, id: string, patch: LawPatch) {
  requireAdmin(ctx);
  const { districtId } = await districtOf(db, ctx);
  await db.transaction().execute(async (tx) => {
    const r = await findLaw(tx, districtId, id, { lock: true });
    if (!r) throw notFound();
    if (r.version !== patch.version) throw new AppError('CONFLICT', { reason: 'STALE' });
    const set = {
      ...(patch.level ? { level: patch.level } : {}), ...(patch.kind ? { kind: patch.kind } : {}), ...(patch.title !== undefined ? { title: patch.title } : {}),
      ...(patch.docNumber !== undefined ? { doc_number: patch.docNumber } : {}), ...(patch.issuer !== undefined ? { issuer: patch.issuer } : {}),
      ...(patch.effectiveOn !== undefined ? { effective_on: patch.effectiveOn } : {}), ...(patch.repealed !== undefined ? { repealed: patch.repealed } : {}),
    };
    if (!(await updateLaw(tx, id, r.version, set, ctx.now))) throw new AppError('CONFLICT', { reason: 'STALE' });
    await writeAudit(tx, ctx, { action: 'laws.update', entityType: 'law', entityId: id, before: lawView(r), after: patch });
  });
  return lawView((await findLaw(db, districtId, id))!);
}

export async function enterpriseLaws(db: Db, ctx: Ctx, enterpriseId: string) {
  const actor = requireActor(ctx);
  await requireEnterpriseInScope(db, actor, enterpriseId);
  const rows = await adoptedLaws(db, actor.scope, enterpriseId);
  return {
    items: rows.map((r) => ({ ...lawView(r), adoptedAt: r.adopted_at, documents: r.documents ?? [] })),
    abilities: { canAdopt: can(actor, 'documents.manage') && isEnterpriseManager(actor, enterpriseId) },
  };
}

function requireManager(ctx: Ctx, enterpriseId: string) {
  const actor = requireActor(ctx);
  if (!can(actor, 'documents.manage') || !isEnterpriseManager(actor, enterpriseId)) {
    throw new AppError('FORBIDDEN', { reason: 'NOT_MANAGER', messageKey: 'documents.refused.notManager' });
  }
  return actor;
}

/** The enterprise adopts a law of its district's register and links the documents that implement it (400 on a foreign one). */
export async function adopt(db: Db, ctx: Ctx, enterpriseId: string, lawId: string, body: AdoptBody) {
  const actor = requireActor(ctx);
  await db.transaction().execute(async (tx) => {
    await requireEnterpriseInScope(tx, actor, enterpriseId);
    requireManager(ctx, enterpriseId);
    const districtId = await districtOfScope(tx, actor.scope);
    const law = districtId ? await findLaw(tx, districtId, lawId) : undefined;
    if (!law) throw notFound();
    if (law.repealed) throw new AppError('STATE', { reason: 'REPEALED', messageKey: 'laws.refused.repealed' });
    const ids = [...new Set(body.documentIds)];
    if ((await documentsOf(tx, enterpriseId, ids)).length !== ids.length) throw invalid('body.documentIds', 'laws.unknownDocument');
    await adoptLaw(tx, actor.scope, enterpriseId, lawId, ids, actor.userId, ctx.now);
    await writeAudit(tx, ctx, { action: 'laws.adopt', entityType: 'law', entityId: lawId, enterpriseId, after: { documentIds: ids } });
  });
  return enterpriseLaws(db, ctx, enterpriseId);
}

export async function unadopt(db: Db, ctx: Ctx, enterpriseId: string, lawId: string) {
  const actor = requireActor(ctx);
  await db.transaction().execute(async (tx) => {
    await requireEnterpriseInScope(tx, actor, enterpriseId);
    requireManager(ctx, enterpriseId);
    if (!(await dropLaw(tx, actor.scope, enterpriseId, lawId))) throw notFound();
    await writeAudit(tx, ctx, { action: 'laws.drop', entityType: 'law', entityId: lawId, enterpriseId });
  });
  return enterpriseLaws(db, ctx, enterpriseId);
}
