import type { Ctx } from '../../../platform/auth/actor';
import { requireActor } from '../../../platform/auth/actor';
import { writeAudit } from '../../../platform/audit/audit';
import type { Db } from '../../../platform/db/database';
import { invalid, notFound } from '../../../platform/errors';
import { signDocument, verifySigner, type Signer } from '../../../platform/signatures';
import { refusalError } from '../../../platform/workflow';
import { employeeOfAccount, findDrill, lockParticipant, recordSignIn, signInRoster, type DrillRow } from './drill.repository';
import type { DrillSignInInput } from './drill.schema';
import { getDrill } from './drill.service';

/*
 * A drill's sign-in (issue 14 §3 "participants (sign-in)", issue 11 §3 "the same applies to every acknowledgement and
 * sign-in of the later issues"): each listed participant signs that he took part, through the platform's signatures —
 * on his own account (a drawn signature or his password), or, having no account, on the organiser's or a team leader's
 * device in "sign for another" mode (a drawing and the last four of his ID number, checked against the stored keyed
 * hash; who may operate the device is the signatures platform's rule). The drill's participant row keeps the signature.
 */

/** The document a sign-in signs: the drill as the participant sees it on the device. */
const DOCUMENT = 'drill_attendance';

function signedContent(d: DrillRow) {
  return { drill: { id: d.id, plan: d.plan_title, scenario: d.scenario, startedAt: d.started_at.toISOString(), place: d.place, organiser: d.organiser_name } };
}

/** The drill's participants for the sign-in device: who has an account, who signed in; and whether the caller may sign himself. */
export async function drillSignInList(db: Db, ctx: Ctx, enterpriseId: string, id: string) {
  const actor = requireActor(ctx);
  const d = await findDrill(db, actor, enterpriseId, id);
  if (!d) throw notFound();
  const [rows, me] = await Promise.all([signInRoster(db, enterpriseId, id), employeeOfAccount(db, actor.userId)]);
  return {
    items: rows.map((r) => ({ employeeId: r.employee_id, name: r.name, unitName: r.unit_name ?? null, hasAccount: Boolean(r.has_account), signedIn: r.signature_id !== null })),
    selfPending: d.status !== 'voided' && rows.some((r) => r.employee_id === me && r.signature_id === null),
  };
}

/**
 * A participant signs in. 404 for a drill or person the caller does not see; 400 at `body.employeeId` for someone not
 * listed on the drill; 409 VOIDED for a voided drill, ALREADY_SIGNED_IN for a second sign-in. A wrong password or last
 * four is checked and counted before the transaction (platform/signatures); the decision is made on the participant's
 * row under its lock, so two devices signing the same person at once record one sign-in.
 */
export async function signInDrill(db: Db, ctx: Ctx, enterpriseId: string, id: string, body: DrillSignInInput) {
  const actor = requireActor(ctx);
  const seen = await findDrill(db, actor, enterpriseId, id);
  if (!seen) throw notFound();
  const signer: Signer = body.method === 'proxy_pad' ? { employeeId: body.employeeId, idLast4: body.idLast4 } : { userId: actor.userId };
  const employeeId = body.method === 'proxy_pad' ? body.employeeId : await employeeOfAccount(db, actor.userId);
  if (!employeeId) throw invalid('body.method', 'drill.signIn.notParticipant');
  const proof = await verifySigner(db, ctx, { enterpriseId, signer, method: body.method, password: body.method === 'password' ? body.password : undefined });
  await db.transaction().execute(async (tx) => {
    const d = await findDrill(tx, actor, enterpriseId, id, { lock: true });
    if (!d) throw notFound();
    if (d.status === 'voided') throw refusalError('VOIDED', 'drill.signIn.voided');
    const p = await lockParticipant(tx, enterpriseId, id, employeeId);
    if (!p) throw invalid(body.method === 'proxy_pad' ? 'body.employeeId' : 'body.method', 'drill.signIn.notParticipant');
    if (p.signature_id) throw refusalError('ALREADY_SIGNED_IN', 'drill.signIn.already');
    const sig = await signDocument(tx, ctx, {
      enterpriseId, documentType: DOCUMENT, documentId: id, documentVersion: 1, content: signedContent(d), signer, method: body.method,
      imageAttachmentId: body.method === 'password' ? undefined : body.imageAttachmentId, password: body.method === 'password' ? body.password : undefined,
      device: body.device, proof,
    });
    await recordSignIn(tx, enterpriseId, id, employeeId, sig.id, ctx.now);
    await writeAudit(tx, ctx, {
      action: 'drill.sign_in', entityType: 'drill', entityId: id, enterpriseId,
      after: { employeeId, method: body.method, signatureId: sig.id, operatorUserId: sig.operatorUserId },
    });
  });
  return getDrill(db, ctx, enterpriseId, id);
}
