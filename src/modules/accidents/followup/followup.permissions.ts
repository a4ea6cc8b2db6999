import type { ModuleManifest } from '../../../platform/module';

// The accident follow-up's permissions join the vocabulary from here (platform/auth/permissions.ts).
declare module '../../../platform/auth/permissions' {
  interface ModulePermissions {
    'accident_followup.read': true;
    'accident_followup.act': true;
    'accident.interview': true;
    'accident.investigate': true;
    'accident.finding': true;
    'accident.claims': true;
  }
}

export const FOLLOWUP_PERMISSIONS = ['accident_followup.read', 'accident_followup.act', 'accident.interview', 'accident.investigate', 'accident.finding', 'accident.claims'] as const;

/**
 * Who holds them (R-RESP-8, R-ACC-2, issue 14 §4–5): the supervising department's officers (and the district admin,
 * who holds everything) interview principals and investigate; every regulator may record a 漏报/谎报/瞒报 finding; the
 * enterprise's managers investigate only what the district entrusted to them (decided per record) and link risk
 * points; everyone in the enterprise reports the actions they own done; an insurer's staff read the accidents notified
 * to their insurer (安责险, `accident.claims`).
 */
export const FOLLOWUP_ROLE_GRANTS: NonNullable<ModuleManifest['roleGrants']> = {
  enterprise_principal: ['accident_followup.read', 'accident_followup.act', 'accident.investigate'],
  safety_manager: ['accident_followup.read', 'accident_followup.act', 'accident.investigate'],
  unit_leader: ['accident_followup.read', 'accident_followup.act'],
  employee: ['accident_followup.read', 'accident_followup.act'],
  department_officer: ['accident_followup.read', 'accident_followup.act', 'accident.interview', 'accident.investigate', 'accident.finding'],
  subdistrict_officer: ['accident_followup.read', 'accident.finding'],
  insurer_staff: ['accident.claims'],
};

/** The kinds of notification the follow-up sends. */
export const FOLLOWUP_NOTIFICATION_KINDS = {
  'accident.action': ['事故整改措施', 'Accident corrective action'],
  'accident.insurer': ['安责险事故通知', 'Accident notice to the insurer'],
  'accident.entrusted': ['事故调查委托', 'Investigation entrusted'],
} as const;
