import type { RouteObject } from 'react-router';
import { handle, page } from '../../app/route-helpers';
import { RequireModulePermission } from '../../app/guards';

const InsurancePage = page(() => import('./pages/InsurancePage'), 'InsurancePage');
const InsurerPoliciesPage = page(() => import('./pages/InsurerPoliciesPage'), 'InsurerPoliciesPage');
const CoveragePage = page(() => import('./pages/CoveragePage'), 'CoveragePage');

/** The insurance pages inside the signed-in layout (children of '/'). */
export const insuranceRoutes: RouteObject[] = [
  {
    path: 'insurance',
    children: [
      { index: true, element: <RequireModulePermission permission="insurance.read"><InsurancePage /></RequireModulePermission>, handle: handle('nav.insurance') },
      { path: 'policies', element: <RequireModulePermission permission="insurance.underwrite" when={(me) => me.role === 'insurer_staff'}><InsurerPoliciesPage /></RequireModulePermission>, handle: handle('nav.insurancePolicies') },
      { path: 'coverage', element: <RequireModulePermission permission="insurance.supervise"><CoveragePage /></RequireModulePermission>, handle: handle('nav.insuranceCoverage') },
    ],
  },
];
