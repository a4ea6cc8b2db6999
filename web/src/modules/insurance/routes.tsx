import type { RouteObject } from 'react-router';
import { handle, page } from '../../app/route-helpers';
import { InsuranceGuard } from './components/InsuranceGuard';

const InsurancePage = page(() => import('./pages/InsurancePage'), 'InsurancePage');
const InsurerPoliciesPage = page(() => import('./pages/InsurerPoliciesPage'), 'InsurerPoliciesPage');
const CoveragePage = page(() => import('./pages/CoveragePage'), 'CoveragePage');

/** The insurance pages inside the signed-in layout (children of '/'). */
export const insuranceRoutes: RouteObject[] = [
  {
    path: 'insurance',
    children: [
      { index: true, element: <InsuranceGuard permission="insurance.read"><InsurancePage /></InsuranceGuard>, handle: handle('nav.insurance') },
      { path: 'policies', element: <InsuranceGuard permission="insurance.underwrite" role="insurer_staff"><InsurerPoliciesPage /></InsuranceGuard>, handle: handle('nav.insurancePolicies') },
      { path: 'coverage', element: <InsuranceGuard permission="insurance.supervise"><CoveragePage /></InsuranceGuard>, handle: handle('nav.insuranceCoverage') },
    ],
  },
];
