import type { RouteObject } from 'react-router';
import { RequireModulePermission } from '../../app/guards';
import { handle, page } from '../../app/route-helpers';

const PlansPage = page(() => import('./pages/PlansPage'), 'PlansPage');
const PlanDetailPage = page(() => import('./pages/PlanDetailPage'), 'PlanDetailPage');
const FilingsPage = page(() => import('./pages/FilingsPage'), 'FilingsPage');

/** The emergency plan pages inside the signed-in layout (children of '/'); notifications link there. */
export const planRoutes: RouteObject[] = [
  {
    path: 'enterprises/:enterpriseId/emergency-plans',
    handle: handle('nav.emergencyPlans'),
    children: [
      { index: true, element: <RequireModulePermission permission="emergency_plan.read"><PlansPage /></RequireModulePermission> },
      { path: ':id', element: <RequireModulePermission permission="emergency_plan.read"><PlanDetailPage /></RequireModulePermission>, handle: handle('crumb.emergencyPlan') },
    ],
  },
  { path: 'emergency-plan-filings', element: <RequireModulePermission permission="emergency_plan.read"><FilingsPage /></RequireModulePermission>, handle: handle('nav.emergencyPlanFilings') },
];
