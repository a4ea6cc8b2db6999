import { can } from '../../platform/auth/actor';
import type { WorkbenchItem, WorkbenchSource } from '../../platform/workbench';
import { localMonth } from '../../platform/time';
import { urgedToday } from '../../platform/urge';
import { checkWorkbenchCounts } from './checks/check.service';
import { regulatorReportCounts, unsubmittedReportsOf } from './double-report/double-report.service';
import { countMyReports } from './loop/hazard-mine';
import { hazardWorkbenchCounts, regulatorHazardCounts, todayOf } from './loop/hazard.service';

/**
 * The hazard module's items on the to-do workbench (issue 10 §1). Each count is the total of the list it opens: the
 * ledger's tab (web hazard-tabs.ts) or the check-task tab with the same filter.
 */
export const hazardsWorkbench: WorkbenchSource = async (db, ctx) => {
  const actor = ctx.actor;
  const scope = actor.scope;
  if (!can(actor, 'hazard.read')) {
    // Insurers and service institutions report hazards without reading the ledger: they follow their own reports.
    if (!can(actor, 'hazard.report')) return [];
    const mine = await countMyReports(db, ctx);
    return [{ key: 'hazard.myReports', count: mine.all, detail: mine.open, to: '/my-reports', tone: 'normal' }];
  }
  const today = todayOf(ctx);
  if (scope.kind === 'enterprise') {
    const eid = scope.enterpriseId;
    const monthStart = `${localMonth(ctx.now)}-01`;
    const [h, c, reports] = await Promise.all([
      hazardWorkbenchCounts(db, ctx, eid),
      checkWorkbenchCounts(db, ctx, eid, today, monthStart),
      scope.capacity === 'manager' && can(actor, 'hazard.manage') ? unsubmittedReportsOf(db, ctx, eid) : Promise.resolve(null),
    ]);
    const items: WorkbenchItem[] = [];
    if (scope.capacity === 'manager') {
      items.push(
        { key: 'hazard.toConfirm', count: h.toConfirm, to: '/hazards?tab=reported', tone: 'warning' },
        { key: 'hazard.toAccept', count: h.toAccept, to: '/hazards?tab=submitted', tone: 'warning' },
        { key: 'hazard.extensions', count: h.extensions, to: '/hazards?tab=extension', tone: 'warning' },
        { key: 'hazard.overdue', count: h.overdue, to: '/hazards?tab=overdue', tone: 'danger' },
        { key: 'hazard.majorOpen', count: h.majorOpen, to: '/hazards?tab=major', tone: 'danger' },
        { key: 'check.today', count: c.openToday, to: `/check-tasks?tab=open&date=${today}`, tone: 'normal' },
        { key: 'check.missed', count: c.missed, to: `/check-tasks?tab=missed&since=${monthStart}`, tone: 'danger' },
      );
      if (reports !== null) items.push({ key: 'hazard.reportsToSign', count: reports, to: '/hazard-reports', tone: 'warning' });
      return items;
    }
    items.push(
      { key: 'check.mine', count: c.mineOpen, to: '/check-tasks', tone: 'warning' },
      { key: 'hazard.assigned', count: h.assigned, to: '/hazards?tab=assigned', tone: 'warning' },
      { key: 'hazard.dueSoon', count: h.dueSoon, to: '/hazards?tab=dueSoon', tone: 'danger' },
    );
    if (scope.capacity === 'unitLeader') {
      items.push(
        { key: 'hazard.toConfirm', count: h.toConfirm, to: '/hazards?tab=reported', tone: 'warning' },
        { key: 'hazard.overdue', count: h.overdue, to: '/hazards?tab=overdue', tone: 'danger' },
      );
    } else {
      items.push({ key: 'hazard.myReports', count: h.reported, detail: h.reportedOpen, to: '/hazards?tab=reportedByMe', tone: 'normal' });
    }
    return items;
  }
  if (!can(actor, 'hazard.supervise')) return [];
  const [h, r] = await Promise.all([regulatorHazardCounts(db, ctx), regulatorReportCounts(db, ctx)]);
  const urgedAt = r.notSubmitted > 0 ? await urgedToday(db, ctx, 'hazard_report', `${r.periodType}:${r.periodKey}`) : null;
  return [
    { key: 'hazard.regulatorOverdue', count: h.overdue, detail: h.overdueEnterprises, to: '/hazards?tab=overdue', tone: 'danger' },
    { key: 'hazard.regulatorMajor', count: h.majorOpen, detail: h.supervised, to: '/major-hazards', tone: 'danger' },
    {
      key: 'hazard.reportsMissing', count: r.notSubmitted, detail: r.total, to: `/hazard-reports?periodType=month&periodKey=${r.periodKey}&duty=notSubmitted`, tone: 'warning',
      ...(r.notSubmitted > 0 ? { urge: { path: '/hazard-reports/urge', body: { periodType: r.periodType, periodKey: r.periodKey }, urgedAt } } : {}),
    },
  ];
};
