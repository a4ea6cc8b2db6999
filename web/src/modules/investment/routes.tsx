import type { RouteObject } from 'react-router';
import { handle, page } from '../../app/route-helpers';
import { InvestmentGuard } from './components/InvestmentGuard';

const InvestmentPage = page(() => import('./pages/InvestmentPage'), 'InvestmentPage');
const FeeOverviewPage = page(() => import('./pages/FeeOverviewPage'), 'FeeOverviewPage');

/** The safety investment pages inside the signed-in layout (children of '/'). */
export const investmentRoutes: RouteObject[] = [
  { path: 'investment', element: <InvestmentGuard permission="investment.read"><InvestmentPage /></InvestmentGuard>, handle: handle('nav.investment') },
  { path: 'safety-fee-overview', element: <InvestmentGuard permission="investment.supervise"><FeeOverviewPage /></InvestmentGuard>, handle: handle('nav.feeOverview') },
];
