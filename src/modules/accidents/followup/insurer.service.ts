import type { Actor, Ctx } from '../../../platform/auth/actor';
import { requireActor } from '../../../platform/auth/actor';
import type { Db } from '../../../platform/db/database';
import { AppError, notFound } from '../../../platform/errors';
import type { Page } from '../../../platform/db/list-query';
import { findInsurerNotice, insurerNoticePage, type InsurerNoticeRow } from './insurer.repository';
import type { InsurerNoticeItem, InsurerNoticeQuery, InsurerNoticeView } from './followup.schema';

/*
 * 安责险, issue 14 §4: an accident at an enterprise notifies the insurer of its liability policy in force on the day (a
 * claim record, followup.service.ts `notifyInsurerIn`). The insurer's staff read those notices — theirs only, by the
 * insurer organisation of the account — with the accident's grade and casualties and where its investigation
 * stands. The claim itself is settled outside the platform: the record is read-only here.
 */

/** The caller's insurer: only an insurer's staff read its notices (the district admin, who holds every permission, is refused too). */
function insurerOf(actor: Actor): string {
  if (actor.role !== 'insurer_staff' || actor.scope.kind !== 'institution' || !actor.scope.institutionId) {
    throw new AppError('FORBIDDEN', { reason: 'NOT_INSURER', messageKey: 'accidentFollowup.refused.notInsurer' });
  }
  return actor.scope.institutionId;
}

const stageOf = (status: 'open' | 'concluded' | null): InsurerNoticeItem['claimStage'] =>
  status === null ? 'notified' : status === 'open' ? 'investigating' : 'concluded';

function item(r: InsurerNoticeRow): InsurerNoticeItem {
  return {
    id: r.id, enterpriseId: r.enterprise_id, enterpriseName: r.enterprise_name, accidentId: r.accident_id, occurredAt: r.occurred_at, summary: r.summary,
    grade: r.grade, deaths: r.deaths, missing: r.missing, seriousInjuries: r.serious_injuries, minorInjuries: r.minor_injuries, directLoss: r.direct_loss,
    policyNumber: r.policy_number, notifiedAt: r.created_at, claimStage: stageOf(r.investigation_status),
  };
}

export async function listInsurerNotices(db: Db, ctx: Ctx, q: InsurerNoticeQuery): Promise<Page<InsurerNoticeItem>> {
  const institutionId = insurerOf(requireActor(ctx));
  const page = await insurerNoticePage(db, institutionId, q);
  return { ...page, items: page.items.map(item) };
}

/** One notice of the caller's insurer; another insurer's (or none) is 404. */
export async function getInsurerNotice(db: Db, ctx: Ctx, id: string): Promise<InsurerNoticeView> {
  const institutionId = insurerOf(requireActor(ctx));
  const r = await findInsurerNotice(db, institutionId, id);
  if (!r) throw notFound();
  const concluded = r.investigation_status === 'concluded';
  return {
    ...item(r), place: r.place, creditCode: r.credit_code, policyStartsOn: r.starts_on, policyEndsOn: r.ends_on, notifiedByName: r.notified_by_name,
    conductedBy: r.conducted_by, concludedAt: r.concluded_at, responsibilityAccident: concluded ? r.responsibility_accident : null,
    lessons: concluded ? r.lessons ?? '' : '',
  };
}
