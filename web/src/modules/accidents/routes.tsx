import type { RouteObject } from 'react-router';
import { RequireModulePermission } from '../../app/guards';
import { Full, handle, page } from '../../app/route-helpers';

const AccidentsPage = page(() => import('./pages/AccidentsPage'), 'AccidentsPage');
const QuickReportPage = page(() => import('./pages/QuickReportPage'), 'QuickReportPage');
const AccidentDetailPage = page(() => import('./pages/AccidentDetailPage'), 'AccidentDetailPage');
const AccidentInboxPage = page(() => import('./pages/AccidentInboxPage'), 'AccidentInboxPage');
const InboxDetailPage = page(() => import('./pages/InboxDetailPage'), 'InboxDetailPage');
const AccidentStatsPage = page(() => import('./pages/AccidentStatsPage'), 'AccidentStatsPage');
const PublicQuickReportPage = page(() => import('./pages/PublicQuickReportPage'), 'PublicQuickReportPage');

/** The accident report pages inside the signed-in layout (children of '/'); notifications link to the detail pages. */
export const accidentRoutes: RouteObject[] = [
  { path: 'enterprises/:enterpriseId/accidents', element: <RequireModulePermission permission="accident.read"><AccidentsPage /></RequireModulePermission>, handle: handle('accidents.nav.list') },
  { path: 'enterprises/:enterpriseId/accidents/report', element: <RequireModulePermission permission="accident.report"><QuickReportPage /></RequireModulePermission>, handle: handle('accidents.nav.quick') },
  { path: 'enterprises/:enterpriseId/accidents/:id', element: <RequireModulePermission permission="accident.read"><AccidentDetailPage /></RequireModulePermission>, handle: handle('accidents.crumb.detail') },
  { path: 'enterprises/:enterpriseId/accident-stats', element: <RequireModulePermission permission="accident.read"><AccidentStatsPage /></RequireModulePermission>, handle: handle('accidents.nav.stats') },
  { path: 'accident-inbox', element: <RequireModulePermission permission="accident.receive"><AccidentInboxPage /></RequireModulePermission>, handle: handle('accidents.nav.inbox') },
  { path: 'accident-inbox/:id', element: <RequireModulePermission permission="accident.receive"><InboxDetailPage /></RequireModulePermission>, handle: handle('accidents.crumb.detail') },
  { path: 'accident-stats', element: <RequireModulePermission permission="accident.receive"><AccidentStatsPage /></RequireModulePermission>, handle: handle('accidents.nav.stats') },
];

/** The quick report behind a post's QR code, without a session. */
export const accidentPublicRoutes: RouteObject[] = [
  { path: '/public/accident-report/:token', element: <Full><PublicQuickReportPage /></Full> },
];
