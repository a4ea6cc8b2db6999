import type { RouteObject } from 'react-router';
import { RequireModulePermission } from '../../app/guards';
import { handle, page } from '../../app/route-helpers';

const AccidentFollowupPage = page(() => import('./pages/AccidentFollowupPage'), 'AccidentFollowupPage');
const AccidentInterviewsPage = page(() => import('./pages/AccidentInterviewsPage'), 'AccidentInterviewsPage');
const AccidentFindingsPage = page(() => import('./pages/AccidentFindingsPage'), 'AccidentFindingsPage');
const AccidentActionsPage = page(() => import('./pages/AccidentActionsPage'), 'AccidentActionsPage');
const InsurerNoticesPage = page(() => import('./pages/InsurerNoticesPage'), 'InsurerNoticesPage');

const guard = (el: React.ReactNode) => <RequireModulePermission permission="accident_followup.read">{el}</RequireModulePermission>;

/** The follow-up pages inside the signed-in layout (children of '/'); the accident reports link to the first. */
export const accidentFollowupRoutes: RouteObject[] = [
  { path: 'enterprises/:enterpriseId/accidents/:id/followup', element: guard(<AccidentFollowupPage />), handle: handle('accidentFollowup.crumb') },
  { path: 'enterprises/:enterpriseId/accident-actions', element: guard(<AccidentActionsPage />), handle: handle('accidentFollowup.nav.actions') },
  { path: 'accident-interviews', element: guard(<AccidentInterviewsPage />), handle: handle('accidentFollowup.nav.interviews') },
  { path: 'accident-findings', element: guard(<AccidentFindingsPage />), handle: handle('accidentFollowup.nav.findings') },
  {
    path: 'insurer/accident-notices', handle: handle('accidentFollowup.nav.insurerNotices'),
    element: <RequireModulePermission permission="accident.claims" when={(me) => me.role === 'insurer_staff'}><InsurerNoticesPage /></RequireModulePermission>,
  },
];
