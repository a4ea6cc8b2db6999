import { Navigate, Outlet, type RouteObject } from 'react-router';
import { RequireSession } from '../../app/guards';
import { Full, handle, page } from '../../app/route-helpers';
import { RiskGuard } from './components/RiskGuard';

// Every risk page is its own chunk: the login page and the rest of the app never load them (nor echarts).
const RiskLedgerPage = page(() => import('./pages/RiskLedgerPage'), 'RiskLedgerPage');
const RiskMapPage = page(() => import('./pages/RiskMapPage'), 'RiskMapPage');
const RiskMinePage = page(() => import('./pages/RiskMinePage'), 'RiskMinePage');
const MyRiskCardsPage = page(() => import('./pages/MyRiskCardsPage'), 'MyRiskCardsPage');
const RiskReportPage = page(() => import('./pages/RiskReportPage'), 'RiskReportPage');
const RiskOverviewPage = page(() => import('./pages/RiskOverviewPage'), 'RiskOverviewPage');
const RiskReportsPage = page(() => import('./pages/RiskReportsPage'), 'RiskReportsPage');
const BoardPrintPage = page(() => import('./pages/BoardPrintPage'), 'BoardPrintPage');
const CardPrintPage = page(() => import('./pages/CardPrintPage'), 'CardPrintPage');
const MapPrintPage = page(() => import('./pages/MapPrintPage'), 'MapPrintPage');
// A regulator's drill-down lands on the enterprise file, risk tab first, under 风险监管 (issue 10 §2).
const EnterpriseFilePage = page<typeof import('../enterprises/pages/EnterpriseDetailPage'), { defaultTab?: string }>(() => import('../enterprises/pages/EnterpriseDetailPage'), 'EnterpriseDetailPage');
const PublicRiskCardPage = page(() => import('./pages/PublicRiskCardPage'), 'PublicRiskCardPage');

/** Risk pages inside the signed-in layout (children of '/'). */
export const riskRoutes: RouteObject[] = [
  {
    path: 'risk',
    children: [
      { index: true, element: <RiskGuard permission="risk.read"><RiskLedgerPage /></RiskGuard>, handle: handle('nav.risk') },
      { path: 'map', element: <RiskGuard permission="risk.read"><RiskMapPage /></RiskGuard>, handle: handle('nav.riskMap') },
      { path: 'mine', element: <RiskGuard permission="risk.read"><RiskMinePage /></RiskGuard>, handle: handle('nav.riskMine') },
      { path: 'my-cards', element: <RiskGuard permission="risk.card.acknowledge"><MyRiskCardsPage /></RiskGuard>, handle: handle('nav.riskMyCards') },
      { path: 'report', element: <RiskGuard permission="risk.read"><RiskReportPage /></RiskGuard>, handle: handle('nav.riskReport') },
      {
        path: 'overview',
        handle: handle('nav.riskOverview'),
        children: [
          { index: true, element: <RiskGuard permission="risk.supervise"><RiskOverviewPage /></RiskGuard> },
          {
            path: ':enterpriseId',
            handle: handle('crumb.riskEnterprise'),
            children: [
              { index: true, element: <RiskGuard permission="risk.supervise"><EnterpriseFilePage defaultTab="risk" /></RiskGuard> },
              { path: 'map', element: <RiskGuard permission="risk.read"><RiskMapPage /></RiskGuard>, handle: handle('nav.riskMap') },
            ],
          },
        ],
      },
      {
        path: 'reports',
        handle: handle('nav.riskReports'),
        children: [
          { index: true, element: <RiskGuard permission="risk.supervise"><RiskReportsPage /></RiskGuard> },
          { path: ':year/:enterpriseId', element: <RiskGuard permission="risk.supervise"><RiskReportPage /></RiskGuard>, handle: handle('crumb.riskReportView') },
        ],
      },
      // The risk rule-set is edited on the one rule-set screen (规则配置) with every other [cfg] value.
      { path: 'rules', element: <Navigate to="/rules/risk" replace /> },
    ],
  },
];

/**
 * Pages outside the app frame. The public card is opened from its QR code without a session; the print pages need
 * one but no menu or header, so that what the browser prints is the sheet alone.
 */
export const riskPublicRoutes: RouteObject[] = [
  { path: '/public/risk-cards/:token', element: <Full><PublicRiskCardPage /></Full> },
  {
    path: '/risk/print/:enterpriseId',
    element: <RequireSession><Full><Outlet /></Full></RequireSession>,
    children: [
      { path: 'board', element: <RiskGuard permission="risk.read"><BoardPrintPage /></RiskGuard> },
      { path: 'posts/:postId', element: <RiskGuard permission="risk.read"><CardPrintPage /></RiskGuard> },
      { path: 'map/:floorPlanId', element: <RiskGuard permission="risk.read"><MapPrintPage /></RiskGuard> },
    ],
  },
];
