import type { RouteObject } from 'react-router';
import { handle, page } from '../../app/route-helpers';
import { RequireModulePermission } from '../../app/guards';

const KeyMomentsPage = page(() => import('./pages/KeyMomentsPage'), 'KeyMomentsPage');
const KeyMomentDetailPage = page(() => import('./pages/KeyMomentDetailPage'), 'KeyMomentDetailPage');
const CheckInPage = page(() => import('./pages/CheckInPage'), 'CheckInPage');
const MentoringPage = page(() => import('./pages/MentoringPage'), 'MentoringPage');
const MentorshipDetailPage = page(() => import('./pages/MentorshipDetailPage'), 'MentorshipDetailPage');
const PayLinksPage = page(() => import('./pages/PayLinksPage'), 'PayLinksPage');
const KeyMomentOverviewPage = page(() => import('./pages/KeyMomentOverviewPage'), 'KeyMomentOverviewPage');

/**
 * Key moments, mentoring and the pay–safety link, inside the signed-in layout under the enterprise's address (duties link
 * there); the regulators' overview of key moments at its own address.
 */
export const keyMomentRoutes: RouteObject[] = [
  {
    path: 'enterprises/:enterpriseId/key-moments',
    handle: handle('nav.keyMoments'),
    children: [
      { index: true, element: <RequireModulePermission permission="key_moment.read"><KeyMomentsPage /></RequireModulePermission> },
      {
        path: ':id', handle: handle('crumb.keyMoment'),
        children: [
          { index: true, element: <RequireModulePermission permission="key_moment.read"><KeyMomentDetailPage /></RequireModulePermission> },
          { path: 'check-in', element: <RequireModulePermission permission="key_moment.read"><CheckInPage /></RequireModulePermission>, handle: handle('crumb.checkIn') },
        ],
      },
    ],
  },
  {
    path: 'enterprises/:enterpriseId/mentoring',
    handle: handle('nav.mentoring'),
    children: [
      { index: true, element: <RequireModulePermission permission="mentoring.read"><MentoringPage /></RequireModulePermission> },
      { path: ':id', element: <RequireModulePermission permission="mentoring.read"><MentorshipDetailPage /></RequireModulePermission>, handle: handle('crumb.mentorship') },
    ],
  },
  // The regulators' list of the enterprises in scope (issue 11 §10); each opens the enterprise's moments above, read-only.
  {
    path: 'key-moments/overview', element: <RequireModulePermission permission="key_moment.supervise"><KeyMomentOverviewPage /></RequireModulePermission>,
    handle: handle('nav.keyMomentOverview'),
  },
  { path: 'enterprises/:enterpriseId/pay-links', element: <RequireModulePermission permission="pay_link.read"><PayLinksPage /></RequireModulePermission>, handle: handle('nav.payLinks') },
];
