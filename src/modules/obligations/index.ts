import type { ModuleManifest } from '../../platform/module';
import type { WorkbenchItem, WorkbenchSource } from '../../platform/workbench';
import { can } from '../../platform/auth/actor';
import { obligationMessages } from './obligation.messages';
import { OBLIGATION_RULES } from './obligation.rule-set';
import { obligationRoutes } from './obligation.routes';
import { registerCalendarListener } from '../../platform/calendar';
import { recountProvisional, runObligationsDay } from './obligation.service';
import { myDuties } from './obligation.views';

// The engine's permissions join the vocabulary from here (platform/auth/permissions.ts).
declare module '../../platform/auth/permissions' {
  interface ModulePermissions {
    'obligation.read': true;
    'obligation.fulfil': true;
    'obligation.waive': true;
    'obligation.supervise': true;
  }
}

const DAY_MS = 86_400_000;

// Issue 11 §1: loading a year's official calendar recounts the provisional due days (and tells their owners).
registerCalendarListener(async (tx, ctx) => { await recountProvisional(tx, ctx); });

/** "My duties" on the home page's to-do workbench (issue 11 §1). */
const obligationsWorkbench: WorkbenchSource = async (db, ctx) => {
  if (!can(ctx.actor, 'obligation.read')) return [];
  const mine = await myDuties(db, ctx);
  if (ctx.actor.scope.kind !== 'enterprise') {
    return can(ctx.actor, 'obligation.supervise') ? [{ key: 'obligation.scopeOverdue', count: mine.scopeOverdue, to: '/duties/board', tone: 'danger' }] : [];
  }
  const items: WorkbenchItem[] = [
    { key: 'obligation.thisMonth', count: mine.thisMonth.length, to: '/duties', tone: 'warning' },
    { key: 'obligation.overdue', count: mine.overdue.length, to: '/duties?tab=overdue', tone: 'danger' },
  ];
  const awaiting = [...mine.thisMonth, ...mine.overdue, ...mine.upcoming].filter((o) => o.abilities.confirm).length;
  if (awaiting) items.push({ key: 'obligation.awaiting', count: awaiting, to: '/duties', tone: 'warning' });
  return items;
};

/**
 * The obligations engine (issue 11 §1): occurrences of the duties every module declares (src/platform/obligations),
 * materialised, reminded and escalated by its daily job, fulfilled by modules in their own transactions, shown as "my
 * duties", the enterprise's duty calendar, the regulators' board and the fulfilment rates.
 */
export const obligationsModule: ModuleManifest = {
  name: 'obligations',
  routes: [obligationRoutes],
  permissions: ['obligation.read', 'obligation.fulfil', 'obligation.waive', 'obligation.supervise'],
  roleGrants: {
    enterprise_principal: ['obligation.read', 'obligation.fulfil', 'obligation.waive'],
    safety_manager: ['obligation.read', 'obligation.fulfil'],
    unit_leader: ['obligation.read', 'obligation.fulfil'],
    employee: ['obligation.read', 'obligation.fulfil'],
    department_officer: ['obligation.read', 'obligation.waive', 'obligation.supervise'],
    subdistrict_officer: ['obligation.read', 'obligation.supervise'],
  },
  messages: obligationMessages,
  ruleSets: [OBLIGATION_RULES],
  notificationKinds: { obligation: ['履职事项', 'Duty'] },
  auditEntities: { obligation: ['履职事项', 'Duty'] },
  auditActions: {
    'obligation.fulfil': ['履职', 'Duty fulfilled'],
    'obligation.revert': ['撤销履职', 'Fulfilment reverted'],
    'obligation.open': ['生成履职事项', 'Duty opened'],
    'obligation.evidence': ['上传佐证（待主要负责人确认）', 'Evidence awaiting the principal'],
    'obligation.confirm': ['确认佐证材料', 'Evidence confirmed'],
    'obligation.waive': ['豁免履职事项', 'Duty waived'],
    'obligation.cancel': ['撤销履职事项（关联记录已删除或改期）', 'Duty withdrawn (its record was deleted or moved)'],
    'obligation.reopen': ['恢复已撤销的履职事项', 'Withdrawn duty reopened'],
  },
  workbench: obligationsWorkbench,
  jobs: (jobs) => {
    jobs.register('obligations.daily', async (_payload, { db, now }) => { await runObligationsDay(db, now); });
    jobs.schedule('obligations.daily', DAY_MS, 'obligations.daily');
  },
};

// The public surface other modules use.
export { fulfilByRecord, openDutyProbe, revertByRecord, triggerEvent, runObligationsDay } from './obligation.service';
export type { FulfilInput, RevertInput, TriggerInput } from './obligation.api';
export { cancelBySubject, reopenBySubject, CANCELLED, ensureSubjectPeriod, cancelSubjectPeriods, occurrencesOf, enterpriseOwes } from './obligation.service';
export type { CancelInput, ReopenInput, SubjectPeriodInput } from './obligation.service';
export { OBLIGATION_RULES } from './obligation.rule-set';
export { dutyInForce, eventDays, obligationParams } from './obligation.params';
export { boardEnterpriseList, enterpriseRates } from './obligation.views';
export { boardEnterpriseQuery } from './obligation.schema';
// The regulators' "who has and has not submitted" lists read the engine (issue 11 §1).
export { occurrenceStatusForScope, openOccurrenceEnterpriseIds, dutyStatusesOf, dutyCountsOf, DUTY_FILTERS, DUTY_STATUSES } from './obligation.status';
export type { DutyStatus, DutyFilter, DutyCounts, DutyStatusQuery, RecordStageSql } from './obligation.status';
