import type { RouteObject } from 'react-router';
import { handle, page } from '../../app/route-helpers';
import { RequireModulePermission } from '../../app/guards';

const MeetingsPage = page(() => import('./pages/MeetingsPage'), 'MeetingsPage');
const MeetingDetailPage = page(() => import('./pages/MeetingDetailPage'), 'MeetingDetailPage');
const MeetingActionsPage = page(() => import('./pages/MeetingActionsPage'), 'MeetingActionsPage');

/** The meeting pages inside the signed-in layout (children of '/'), under the enterprise's address (notifications link there). */
export const meetingRoutes: RouteObject[] = [
  {
    path: 'enterprises/:enterpriseId/meetings',
    handle: handle('nav.meetings'),
    children: [
      { index: true, element: <RequireModulePermission permission="meeting.read"><MeetingsPage /></RequireModulePermission> },
      { path: ':id', element: <RequireModulePermission permission="meeting.read"><MeetingDetailPage /></RequireModulePermission>, handle: handle('crumb.meeting') },
    ],
  },
  { path: 'enterprises/:enterpriseId/meeting-actions', element: <RequireModulePermission permission="meeting.read"><MeetingActionsPage /></RequireModulePermission>, handle: handle('nav.meetingActions') },
];
