import { wholeEnterprise, type Ctx } from '../../../platform/auth/actor';
import { writeAudit } from '../../../platform/audit/audit';
import type { Tx } from '../../../platform/db/database';
import { nextCode } from '../../../platform/db/codes';
import { localYear } from '../../../platform/time';
import { insertReportedHazard } from './hazard.repository';
import { HAZARD_CODE_SERIES, notifyRegulatorsOfMajor, refreshRiskFeedback } from './hazard.service';

export type RecordHazardInput = {
  title: string;
  description: string;
  /** The unit it is filed under; none: the enterprise's root unit. */
  orgUnitId?: string | null;
  riskPointId?: string | null;
  location: string;
  /** Issue 13 §2, R-HAZ-2: a record that meets a major-hazard criterion (a worker without a certificate) opens it as major. */
  level?: 'general' | 'major';
  hazardClass?: 'thing' | 'behaviour' | 'management' | null;
  majorCriterion?: string | null;
};

/**
 * A hidden hazard the platform opens on another module's record, in that module's transaction (an overdue periodic
 * inspection of special equipment, issue 12 §5): reported by nobody (the system), source self-check, level general
 * until a manager confirms it; its first history event and the managers' notifications are those of a report. The
 * caller has decided that it is owed and keeps it idempotent (one hazard per record and occasion).
 */
export async function openHazardForRecord(tx: Tx, ctx: Ctx, enterpriseId: string, input: RecordHazardInput): Promise<{ id: string; code: string }> {
  const year = localYear(ctx.now);
  const code = await nextCode(tx, enterpriseId, HAZARD_CODE_SERIES, { prefix: `YH-${year}-`, year, width: 4 });
  const row = await insertReportedHazard(tx, wholeEnterprise(enterpriseId), enterpriseId, {
    code, title: input.title, description: input.description, source: 'self_check', hazard_class: input.hazardClass ?? null, level: input.level ?? 'general',
    major_criterion: input.level === 'major' ? input.majorCriterion ?? null : null,
    risk_point_id: input.riskPointId ?? null, org_unit_id: input.orgUnitId ?? undefined, location: input.location, reported_by: null,
    check_task_id: null, checklist_item_id: null,
  }, {
    at: ctx.now, note: input.description, photoIds: [], linkPrefix: `/enterprises/${enterpriseId}/hazards/`,
    notice: { kind: 'hazard.reported', titleKey: 'hazard.notify.reported.title', bodyKey: 'hazard.notify.reported.body' },
  });
  await refreshRiskFeedback(tx, enterpriseId, row.risk_point_id);
  if (row.level === 'major') {
    await notifyRegulatorsOfMajor(tx, { scope: wholeEnterprise(enterpriseId) }, enterpriseId, code, row.title, `/enterprises/${enterpriseId}/hazards/${row.id}`);
  }
  await writeAudit(tx, ctx, { action: 'hazard.report', entityType: 'hazard', entityId: row.id, enterpriseId, after: row });
  return { id: row.id, code: row.code };
}
