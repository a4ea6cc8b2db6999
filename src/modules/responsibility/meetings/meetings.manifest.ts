import type { ModuleManifest } from '../../../platform/module';
import { meetingRoutes } from './meeting.routes';
import { meetingsAuditNames, meetingsMessages } from './meetings.messages';
import { MEETING_OBLIGATIONS } from './meetings.obligations';
import { MEETING_NOTIFICATION_KINDS, MEETING_PERMISSIONS, MEETING_ROLE_GRANTS } from './meetings.permissions';
import { meetingsWorkbench } from './meetings.workbench';

/**
 * The responsibility system's safety meetings (issue 11 §8, R-RESP-5): meeting records with their attendees, minutes,
 * decisions and files; the chair's confirmation, which fulfils the principal's quarterly meeting and yearly 职代会
 * report; decisions tracked as actions.
 */
export const meetingsManifest: ModuleManifest = {
  name: 'responsibility.meetings', routes: [meetingRoutes],
  permissions: MEETING_PERMISSIONS, roleGrants: MEETING_ROLE_GRANTS, notificationKinds: MEETING_NOTIFICATION_KINDS,
  messages: meetingsMessages,
  auditEntities: meetingsAuditNames.entities, auditActions: meetingsAuditNames.actions,
  workbench: meetingsWorkbench,
  obligations: MEETING_OBLIGATIONS,
};
