import type { RouteObject } from 'react-router';
import { handle, page } from '../../app/route-helpers';
import { RequireModulePermission } from '../../app/guards';

const StaffingPage = page(() => import('./pages/StaffingPage'), 'StaffingPage');
const StaffingOverviewPage = page(() => import('./pages/StaffingOverviewPage'), 'StaffingOverviewPage');

/** The safety organisation pages inside the signed-in layout (children of '/'). */
export const staffingRoutes: RouteObject[] = [
  {
    path: 'staffing',
    children: [
      { index: true, element: <RequireModulePermission permission="staffing.read"><StaffingPage /></RequireModulePermission>, handle: handle('nav.staffing') },
      { path: 'overview', element: <RequireModulePermission permission="staffing.supervise"><StaffingOverviewPage /></RequireModulePermission>, handle: handle('nav.staffingOverview') },
    ],
  },
];
