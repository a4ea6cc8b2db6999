import type { Ctx } from '../../../platform/auth/actor';
import { writeAudit } from '../../../platform/audit/audit';
import type { Db, Tx } from '../../../platform/db/database';
import { systemScope } from '../../../platform/db/scope';
import { t } from '../../../platform/i18n/messages';
import type { JobRunner } from '../../../platform/jobs/runner';
import { enqueueOutbox } from '../../../platform/outbox';
import { idsOf, principalsOf, regulatorsOf, safetyManagersOf, unitLeadersOver } from '../../../platform/directory';
import { addLocalDays, localDay } from '../../../platform/time';
import { currentRulesByDistrict, type Versioned } from '../../../platform/rules';
import { dueForReminder, escalationLevel, type EscalationRules } from './hazard-workflow';
import { HAZARD_ESCALATION_RULES } from './hazard.rule-sets';
import {
  deleteRemindersBefore, escalationCandidates, insertHazardEvent, insertReminders, lockForEscalation, OPEN_HAZARD_STATUSES, raiseEscalation, rectificationsDue,
} from './hazard.repository';

/*
 * R-HAZ-3: reminders before the rectification deadline and escalation after it, run once a day by the job runner
 * on its clock. Reminders go to the rectifier once per hazard per day (hazard_reminders). Escalation raises
 * hazards.escalation_level to escalationLevel(): 1 the leaders of the hazard's unit and the units above it, 2 the
 * principal, 3 the regulators (departments supervising the industry and the subdistrict). Each level is notified
 * once, recorded in the hazard's history and audited with the system as actor. Assigning again or an approved
 * extension resets the level (hazard.service.ts). Days are the district's local dates (platform/time.ts): a hazard due
 * on D is one day overdue from local midnight ending D, whatever the hour of the run. The days are each district's
 * rule-set `hazard-escalation` [cfg]; a raised hazard records the version that raised it.
 */

export const ESCALATION_JOB = 'hazards.escalate';
const DAY_MS = 86_400_000;
/** Work per run is bounded; what is left waits for the next day's run (or a manual one). */
const MAX_PER_RUN = 20_000;
/** Reminders per transaction. */
const BATCH = 500;

export function registerHazardJobs(jobs: JobRunner): void {
  jobs.register(ESCALATION_JOB, async (_payload, { db, now, jobId }) => {
    await runHazardEscalation(db, now, { jobId });
  });
  jobs.schedule(ESCALATION_JOB, DAY_MS, ESCALATION_JOB);
}

const link = (enterpriseId: string, id: string) => `/enterprises/${enterpriseId}/hazards/${id}`;

export type EscalationResult = { reminded: number; escalated: number };

export async function runHazardEscalation(db: Db, now: Date, opts: { jobId?: string } = {}): Promise<EscalationResult> {
  const today = localDay(now);
  const ctx: Ctx = { actor: null, ip: null, requestId: opts.jobId ? `job:${opts.jobId}` : null, locale: 'zh-CN', now };
  let reminded = 0;
  let escalated = 0;
  for (const [districtId, rules] of await currentRulesByDistrict(db, HAZARD_ESCALATION_RULES)) {
    reminded += await remind(db, ctx, today, districtId, rules.value);
    escalated += await escalate(db, ctx, today, districtId, rules);
  }
  // A reminder's record only has to outlive its day.
  await deleteRemindersBefore(db, systemScope, addLocalDays(today, -7));
  return { reminded, escalated };
}

/** Rectifiers of hazards due within `remindBeforeDays`, each reminded once a day. */
async function remind(db: Db, ctx: Ctx, today: string, districtId: string, rules: EscalationRules): Promise<number> {
  const due = (await rectificationsDue(db, systemScope, districtId, today, addLocalDays(today, rules.remindBeforeDays), MAX_PER_RUN))
    .filter((h) => h.deadline && dueForReminder(h.deadline, today, rules));
  let total = 0;
  for (let i = 0; i < due.length; i += BATCH) {
    const batch = due.slice(i, i + BATCH);
    total += await db.transaction().execute(async (tx) => {
      const fresh = new Set(await insertReminders(tx, systemScope, batch, today));
      for (const h of batch.filter((x) => fresh.has(x.id))) {
        await enqueueOutbox(tx, {
          topic: 'notify',
          payload: {
            userId: h.rectifier_id!, kind: 'hazard.due', titleKey: 'hazard.notify.due.title', bodyKey: 'hazard.notify.due.body',
            params: { code: h.code, title: h.title, deadline: h.deadline! }, link: link(h.enterprise_id, h.id),
          },
        });
      }
      return fresh.size;
    });
  }
  return total;
}

/**
 * Open hazards past their deadline whose level is below what the days overdue call for (the SQL mirrors
 * escalationLevel(), which decides again under the row lock); the longest overdue first.
 */
async function escalate(db: Db, ctx: Ctx, today: string, districtId: string, versioned: Versioned<EscalationRules>): Promise<number> {
  const candidates = await escalationCandidates(db, systemScope, districtId, today, versioned.value, MAX_PER_RUN);
  let total = 0;
  for (const c of candidates) {
    if (await escalateOne(db, ctx, c.enterprise_id, c.id, today, versioned)) total++;
  }
  return total;
}

/** One hazard, in its own transaction: re-read under lock, raise the level, notify each level reached once. */
async function escalateOne(db: Db, ctx: Ctx, enterpriseId: string, id: string, today: string, { value: rules, version }: Versioned<EscalationRules>): Promise<boolean> {
  return db.transaction().execute(async (tx) => {
    const h = await lockForEscalation(tx, systemScope, enterpriseId, id);
    if (!h || !h.deadline || !OPEN_HAZARD_STATUSES.includes(h.status)) return false;
    const from = Number(h.escalation_level);
    const to = escalationLevel(h.deadline, today, rules);
    if (to <= from) return false;
    await raiseEscalation(tx, systemScope, enterpriseId, id, { level: to, ruleSetVersion: version, at: ctx.now });
    const days = Math.round((Date.parse(today) - Date.parse(h.deadline)) / DAY_MS);
    for (let level = from + 1; level <= to; level++) {
      const recipients = await recipientsFor(tx, level as 1 | 2 | 3, enterpriseId, h.unit_path);
      for (const userId of recipients) {
        await enqueueOutbox(tx, {
          topic: 'notify',
          payload: {
            userId, kind: 'hazard.overdue', titleKey: 'hazard.notify.overdue.title', bodyKey: 'hazard.notify.overdue.body',
            params: { code: h.code, title: h.title, deadline: h.deadline, enterprise: h.enterprise_name }, link: link(enterpriseId, id),
          },
        });
      }
      const note = t('zh-CN', 'hazard.escalation.note', { days, target: t('zh-CN', `hazard.escalation.target.${level}`) });
      await insertHazardEvent(tx, systemScope, enterpriseId, id, { op: 'escalate', from: h.status, to: h.status, actorId: null, at: ctx.now, note });
      await writeAudit(tx, ctx, {
        action: 'hazard.escalate', entityType: 'hazard', entityId: id, enterpriseId,
        before: { escalationLevel: level - 1 }, after: { escalationLevel: level, daysOverdue: days, deadline: h.deadline, notified: recipients, ruleSetVersion: version },
      });
    }
    return true;
  });
}

/**
 * Who hears of an overdue hazard at each level. 1: unit leaders whose unit is the hazard's or one above it (their
 * path is a prefix of the hazard's unit path); a hazard no unit leader covers goes to the safety managers instead.
 * 2: the principal(s). 3: officers of the departments supervising the industry and of the subdistrict.
 */
async function recipientsFor(tx: Tx, level: 1 | 2 | 3, enterpriseId: string, unitPath: string): Promise<string[]> {
  switch (level) {
    case 1: {
      const leaders = await idsOf(unitLeadersOver(tx, enterpriseId, unitPath));
      return leaders.length ? leaders : idsOf(safetyManagersOf(tx, enterpriseId));
    }
    case 2: return idsOf(principalsOf(tx, enterpriseId));
    case 3: return idsOf(regulatorsOf(tx, enterpriseId));
  }
}
