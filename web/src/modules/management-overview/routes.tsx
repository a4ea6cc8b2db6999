import type { RouteObject } from 'react-router';
import { RequirePermission } from '../../app/guards';
import { handle, page } from '../../app/route-helpers';

const ManagementOverviewPage = page(() => import('./pages/ManagementOverviewPage'), 'ManagementOverviewPage');
const CompetenceOverviewPage = page(() => import('./pages/CompetenceOverviewPage'), 'CompetenceOverviewPage');

export const overviewRoutes: RouteObject[] = [
  { path: 'management-overview', element: <RequirePermission permission="management.overview"><ManagementOverviewPage /></RequirePermission>, handle: handle('nav.managementOverview') },
  { path: 'competence-overview', element: <RequirePermission permission="management.overview"><CompetenceOverviewPage /></RequirePermission>, handle: handle('nav.competenceOverview') },
];
