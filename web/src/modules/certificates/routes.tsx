import type { RouteObject } from 'react-router';
import { handle, page } from '../../app/route-helpers';
import { RequireModulePermission } from '../../app/guards';

const CertificatesPage = page(() => import('./pages/CertificatesPage'), 'CertificatesPage');

/** The certificates page inside the signed-in layout (children of '/'). */
export const certificatesRoutes: RouteObject[] = [
  { path: 'certificates', element: <RequireModulePermission permission="certificate.read"><CertificatesPage /></RequireModulePermission>, handle: handle('nav.certificates') },
];
