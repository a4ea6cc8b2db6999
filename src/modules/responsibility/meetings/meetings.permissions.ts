import type { ModuleManifest } from '../../../platform/module';

// Safety meetings' permissions join the vocabulary from here (platform/auth/permissions.ts).
declare module '../../../platform/auth/permissions' {
  interface ModulePermissions {
    'meeting.read': true;
    'meeting.record': true;
    'meeting.act': true;
  }
}

export const MEETING_PERMISSIONS = ['meeting.read', 'meeting.record', 'meeting.act'] as const;

/**
 * Who holds them (RULES.md §0, R-RESP-5): the principal and the safety managers record meetings; whoever chairs one
 * confirms its minutes and whoever owns a decision reports it done (`meeting.act`, decided per record); everyone in the
 * enterprise reads the meetings they take part in, and the regulators read those in their scope.
 */
export const MEETING_ROLE_GRANTS: NonNullable<ModuleManifest['roleGrants']> = {
  enterprise_principal: ['meeting.read', 'meeting.record', 'meeting.act'],
  safety_manager: ['meeting.read', 'meeting.record', 'meeting.act'],
  unit_leader: ['meeting.read', 'meeting.act'],
  employee: ['meeting.read', 'meeting.act'],
  department_officer: ['meeting.read'],
  subdistrict_officer: ['meeting.read'],
};

/** The kinds of notification meetings send. */
export const MEETING_NOTIFICATION_KINDS = {
  'meeting.confirm': ['会议纪要待确认', 'Minutes to confirm'],
  'meeting.action': ['会议决定事项', 'Meeting action'],
} as const;
