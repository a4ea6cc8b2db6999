import type { RouteObject } from 'react-router';
import { guarded, handle, page } from '../../app/route-helpers';

const HazardReportPage = page(() => import('./pages/HazardReportPage'), 'HazardReportPage');
const HazardLedgerPage = page(() => import('./pages/HazardLedgerPage'), 'HazardLedgerPage');
const MajorHazardsPage = page(() => import('./pages/MajorHazardsPage'), 'MajorHazardsPage');
const HazardDetailPage = page(() => import('./pages/HazardDetailPage'), 'HazardDetailPage');
const CheckTasksPage = page(() => import('./pages/CheckTasksPage'), 'CheckTasksPage');
const CheckTaskRunPage = page(() => import('./pages/CheckTaskRunPage'), 'CheckTaskRunPage');
const HazardStatsPage = page(() => import('./pages/HazardStatsPage'), 'HazardStatsPage');
const ChecklistsPage = page(() => import('./pages/ChecklistsPage'), 'ChecklistsPage');
const ChecklistDetailPage = page(() => import('./pages/ChecklistDetailPage'), 'ChecklistDetailPage');
const ChecklistPrintPage = page(() => import('./pages/ChecklistPrintPage'), 'ChecklistPrintPage');
const HazardOverviewPage = page(() => import('./pages/HazardOverviewPage'), 'HazardOverviewPage');
const DoubleReportsPage = page(() => import('./pages/DoubleReportsPage'), 'DoubleReportsPage');
const MyReportsPage = page(() => import('./pages/MyReportsPage'), 'MyReportsPage');
// A regulator's drill-down from 隐患监管 or 隐患台账 lands on the enterprise file, hazards tab first (issue 10 §2).
const EnterpriseFilePage = page<typeof import('../enterprises/pages/EnterpriseDetailPage'), { defaultTab?: string }>(() => import('../enterprises/pages/EnterpriseDetailPage'), 'EnterpriseDetailPage');
const DoubleReportDetailPage = page(() => import('./pages/DoubleReportDetailPage'), 'DoubleReportDetailPage');

/** Hazard pages inside the signed-in layout (children of '/'). */
export const hazardRoutes: RouteObject[] = [
  // Opened from a post's QR code (after login) or from the ledger: /report?enterpriseId=…&postId=…
  { path: 'report', element: guarded('hazard.report', <HazardReportPage />), handle: handle('nav.hazardReport') },
  { path: 'hazards', element: guarded('hazard.read', <HazardLedgerPage />), handle: handle('nav.hazards') },
  { path: 'my-reports', element: guarded('hazard.report', <MyReportsPage />), handle: handle('nav.myReports') },
  { path: 'major-hazards', element: guarded('hazard.read', <MajorHazardsPage />), handle: handle('nav.majorHazards') },
  {
    // The address notifications link to.
    path: 'enterprises/:enterpriseId/hazards',
    handle: handle('nav.hazards'),
    children: [
      { index: true, element: guarded('hazard.read', <HazardLedgerPage />) },
      { path: ':id', element: guarded('hazard.read', <HazardDetailPage />), handle: handle('crumb.hazardDetail') },
    ],
  },
  {
    path: 'hazard-overview',
    handle: handle('nav.hazardOverview'),
    children: [
      { index: true, element: guarded('hazard.supervise', <HazardOverviewPage />) },
      { path: ':enterpriseId', element: guarded('hazard.supervise', <EnterpriseFilePage defaultTab="hazards" />), handle: handle('crumb.enterpriseDetail') },
    ],
  },
  { path: 'hazard-reports', element: guarded('hazard.read', <DoubleReportsPage />), handle: handle('nav.hazardReports') },
  {
    path: 'enterprises/:enterpriseId/hazard-reports/:periodType/:periodKey',
    element: guarded('hazard.read', <DoubleReportDetailPage />),
    handle: handle('crumb.hazardReport'),
  },
  { path: 'hazard-stats', element: guarded('hazard.read', <HazardStatsPage />), handle: handle('nav.hazardStats') },
  {
    path: 'checklists',
    handle: handle('nav.checklists'),
    children: [
      { index: true, element: guarded('hazard.read', <ChecklistsPage />) },
      { path: ':id', element: guarded('hazard.read', <ChecklistDetailPage />), handle: handle('crumb.checklist') },
      { path: ':id/print', element: guarded('hazard.read', <ChecklistPrintPage />), handle: handle('crumb.checklistPrint') },
    ],
  },
  { path: 'check-tasks', element: guarded('hazard.read', <CheckTasksPage />), handle: handle('nav.checkTasks') },
  {
    // The address task reminders link to.
    path: 'enterprises/:enterpriseId/check-tasks',
    handle: handle('nav.checkTasks'),
    children: [
      { index: true, element: guarded('hazard.read', <CheckTasksPage />) },
      { path: ':id', element: guarded('hazard.read', <CheckTaskRunPage />), handle: handle('crumb.checkTask') },
    ],
  },
];
