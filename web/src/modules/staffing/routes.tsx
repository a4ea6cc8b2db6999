import type { RouteObject } from 'react-router';
import { handle, page } from '../../app/route-helpers';
import { StaffingGuard } from './components/StaffingGuard';

const StaffingPage = page(() => import('./pages/StaffingPage'), 'StaffingPage');
const StaffingOverviewPage = page(() => import('./pages/StaffingOverviewPage'), 'StaffingOverviewPage');

/** The safety organisation pages inside the signed-in layout (children of '/'). */
export const staffingRoutes: RouteObject[] = [
  {
    path: 'staffing',
    children: [
      { index: true, element: <StaffingGuard permission="staffing.read"><StaffingPage /></StaffingGuard>, handle: handle('nav.staffing') },
      { path: 'overview', element: <StaffingGuard permission="staffing.supervise"><StaffingOverviewPage /></StaffingGuard>, handle: handle('nav.staffingOverview') },
    ],
  },
];
