import type { RouteObject } from 'react-router';
import { handle, page } from '../../app/route-helpers';
import { CultureGuard } from './components/CultureGuard';

const CulturePage = page(() => import('./pages/CulturePage'), 'CulturePage');

/** The safety-culture page inside the signed-in layout (children of '/'). */
export const cultureRoutes: RouteObject[] = [
  { path: 'culture', element: <CultureGuard permission="culture.read"><CulturePage /></CultureGuard>, handle: handle('nav.culture') },
];
