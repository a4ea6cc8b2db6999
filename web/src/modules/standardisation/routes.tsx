import type { RouteObject } from 'react-router';
import { handle, page } from '../../app/route-helpers';
import { RequireModulePermission } from '../../app/guards';

const StandardisationPage = page(() => import('./pages/StandardisationPage'), 'StandardisationPage');
const StandardisationOverviewPage = page(() => import('./pages/StandardisationOverviewPage'), 'StandardisationOverviewPage');

/** The standardisation pages inside the signed-in layout (children of '/'). */
export const standardisationRoutes: RouteObject[] = [
  { path: 'standardisation', element: <RequireModulePermission permission="standardisation.read"><StandardisationPage /></RequireModulePermission>, handle: handle('nav.standardisation') },
  {
    path: 'standardisation/overview',
    handle: handle('nav.standardisationOverview'),
    children: [
      { index: true, element: <RequireModulePermission permission="standardisation.supervise"><StandardisationOverviewPage /></RequireModulePermission> },
      {
        path: ':enterpriseId', element: <RequireModulePermission permission="standardisation.supervise"><StandardisationPage /></RequireModulePermission>,
        handle: handle('crumb.standardisationEnterprise'),
      },
    ],
  },
];
