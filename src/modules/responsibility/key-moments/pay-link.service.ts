import type { Actor, Ctx } from '../../../platform/auth/actor';
import { can, requireActor } from '../../../platform/auth/actor';
import { isEnterpriseManager, requireEnterpriseInScope } from '../../../platform/auth/policy';
import { writeAudit } from '../../../platform/audit/audit';
import type { Db } from '../../../platform/db/database';
import { systemScope } from '../../../platform/db/scope';
import { forbidden, invalid, notFound } from '../../../platform/errors';
import { filesOf, loadFile, prepareFiles, storeFiles, type PreparedFile } from '../../../platform/files/attachments';
import { localInstant, localYear } from '../../../platform/time';
import { refusalError } from '../../../platform/workflow';
import { fulfilByRecord } from '../../obligations';
import { enterpriseAttributesOf } from '../../org';
import { PAY_LINK_FILE_OWNER } from './key-moment.policy';
import { parseFields } from './key-moment.service';
import { payLinkFields, type PayLinkView } from './key-moment.schema';
import { insertPayLink, payLinkOfFile, payLinkOfYear, payLinkRows } from './pay-link.repository';

/*
 * R-RESP-7 (issue 11 §9): a state-owned enterprise records, once a year, how its leaders' pay is linked to safety
 * performance, with evidence (the assessment rules as a PDF, photos of the signed results). The record fulfils the
 * yearly duty `resp.pay_link`, which only state-owned enterprises owe.
 */

const PAY_LINK = 'pay_link';

function mayRecord(actor: Actor, enterpriseId: string): boolean {
  return isEnterpriseManager(actor, enterpriseId) && can(actor, 'pay_link.record');
}

async function isStateOwned(db: Db, enterpriseId: string): Promise<boolean> {
  return (await enterpriseAttributesOf(db, systemScope, enterpriseId))?.stateOwned ?? false;
}

const fileUrl = (enterpriseId: string, id: string) => `/api/v1/enterprises/${enterpriseId}/pay-link-files/${id}`;

export async function listPayLinks(db: Db, ctx: Ctx, enterpriseId: string) {
  const actor = requireActor(ctx);
  await requireEnterpriseInScope(db, actor, enterpriseId);
  const applies = await isStateOwned(db, enterpriseId);
  const rows = await payLinkRows(db, actor, enterpriseId);
  const items: PayLinkView[] = [];
  for (const r of rows) {
    const files = await filesOf(db, enterpriseId, { type: PAY_LINK_FILE_OWNER, id: r.id });
    items.push({
      id: r.id, year: r.year, description: r.description, recordedByName: r.recorded_by_name ?? null, recordedAt: r.recorded_at,
      files: files.map((f) => ({ id: f.id, name: f.name, mime: f.mime, size: f.size, url: fileUrl(enterpriseId, f.id) })),
    });
  }
  return { applies, items, canRecord: applies && mayRecord(actor, enterpriseId) };
}

export type EvidenceFile = { field: string; buffer: Buffer; name: string };

/**
 * recordPayLink (R-RESP-7): a manager of a state-owned enterprise records a year's pay–safety link with at least one
 * file of evidence (`document`: a PDF, `photo`: a photo); one record a year, never changed (its files are locked).
 */
export async function recordPayLink(db: Db, ctx: Ctx, enterpriseId: string, raw: Record<string, string>, files: EvidenceFile[]): Promise<{ id: string }> {
  const actor = requireActor(ctx);
  await requireEnterpriseInScope(db, actor, enterpriseId);
  if (!mayRecord(actor, enterpriseId)) throw forbidden();
  const fields = parseFields(payLinkFields, raw);
  if (fields.year > localYear(ctx.now)) throw invalid('body.year', 'payLink.futureYear');
  if (!(await isStateOwned(db, enterpriseId))) throw refusalError('NOT_STATE_OWNED', 'payLink.refused.notStateOwned');
  if (files.length === 0) throw invalid('body.document', 'payLink.evidenceRequired');
  // D16: judged (and photos encoded again) before the transaction opens.
  const documents: PreparedFile[] = await prepareFiles('document', files.filter((f) => f.field === 'document').map((f) => ({ buffer: f.buffer, name: f.name })), ctx.now, 'body.document');
  const photos: PreparedFile[] = await prepareFiles('photo', files.filter((f) => f.field === 'photo').map((f) => ({ buffer: f.buffer, name: f.name })), ctx.now, 'body.photo');
  return db.transaction().execute(async (tx) => {
    if (await payLinkOfYear(tx, actor.scope, enterpriseId, fields.year)) throw invalid('body.year', 'payLink.exists');
    const id = await insertPayLink(tx, actor.scope, enterpriseId, { year: fields.year, description: fields.description, by: actor.userId, at: ctx.now });
    const owner = { type: PAY_LINK_FILE_OWNER, id };
    const stored = [
      ...await storeFiles(tx, ctx, enterpriseId, 'document', documents, { ...owner, role: 'document' }),
      ...await storeFiles(tx, ctx, enterpriseId, 'photo', photos, { ...owner, role: 'photo' }),
    ];
    // A past year's record counts for that year (recorded late); this year's for this year.
    const at = fields.year < localYear(ctx.now) ? localInstant(fields.year, 11, 31, 12) : ctx.now;
    const fulfilled = await fulfilByRecord(tx, ctx, {
      enterpriseId, record: 'resp.pay_link_recorded', recordType: PAY_LINK, recordId: id, at, byPrincipal: actor.role === 'enterprise_principal',
      note: fields.description.slice(0, 200),
    });
    await writeAudit(tx, ctx, {
      action: 'pay_link.record', entityType: PAY_LINK, entityId: id, enterpriseId,
      after: { year: fields.year, description: fields.description, files: stored.map((f) => f.id), fulfilled },
    });
    return { id };
  });
}

/** A pay link's evidence file, if the caller sees the pay link. */
export async function readPayLinkFile(db: Db, ctx: Ctx, enterpriseId: string, fileId: string) {
  const actor = requireActor(ctx);
  await requireEnterpriseInScope(db, actor, enterpriseId);
  const link = await payLinkOfFile(db, actor, enterpriseId, fileId);
  const file = link && await loadFile(db, actor, enterpriseId, fileId);
  if (!file) throw notFound();
  return file;
}
