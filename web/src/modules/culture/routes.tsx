import type { RouteObject } from 'react-router';
import { handle, page } from '../../app/route-helpers';
import { RequireModulePermission } from '../../app/guards';

const CulturePage = page(() => import('./pages/CulturePage'), 'CulturePage');

/** The safety-culture page inside the signed-in layout (children of '/'). */
export const cultureRoutes: RouteObject[] = [
  { path: 'culture', element: <RequireModulePermission permission="culture.read"><CulturePage /></RequireModulePermission>, handle: handle('nav.culture') },
];
