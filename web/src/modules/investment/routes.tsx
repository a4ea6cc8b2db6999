import type { RouteObject } from 'react-router';
import { handle, page } from '../../app/route-helpers';
import { RequireModulePermission } from '../../app/guards';

const InvestmentPage = page(() => import('./pages/InvestmentPage'), 'InvestmentPage');
const FeeOverviewPage = page(() => import('./pages/FeeOverviewPage'), 'FeeOverviewPage');

/** The safety investment pages inside the signed-in layout (children of '/'). */
export const investmentRoutes: RouteObject[] = [
  { path: 'investment', element: <RequireModulePermission permission="investment.read"><InvestmentPage /></RequireModulePermission>, handle: handle('nav.investment') },
  { path: 'safety-fee-overview', element: <RequireModulePermission permission="investment.supervise"><FeeOverviewPage /></RequireModulePermission>, handle: handle('nav.feeOverview') },
];
