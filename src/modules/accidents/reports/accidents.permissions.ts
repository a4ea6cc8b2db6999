import type { ModuleManifest } from '../../../platform/module';

// Accident reports' permissions join the vocabulary from here (platform/auth/permissions.ts).
declare module '../../../platform/auth/permissions' {
  interface ModulePermissions {
    'accident.report': true;
    'accident.read': true;
    'accident.report_up': true;
    'accident.receive': true;
    'accident.forward': true;
    'accident.duty_phones': true;
  }
}

export const ACCIDENT_PERMISSIONS = ['accident.report', 'accident.read', 'accident.report_up', 'accident.receive', 'accident.forward', 'accident.duty_phones'] as const;

/**
 * Who holds them (issue 14 §4, R-ACC-2): anyone in an enterprise files a quick report and reads the reports he may see;
 * the principal and the safety managers report up and file supplementary reports; the departments and subdistricts
 * receive reports in their inbox; the district (admin, or the emergency department's officers: checked per office)
 * records the upward forward; the district admin keeps the duty phones (he holds every permission).
 */
export const ACCIDENT_ROLE_GRANTS: NonNullable<ModuleManifest['roleGrants']> = {
  enterprise_principal: ['accident.report', 'accident.read', 'accident.report_up'],
  safety_manager: ['accident.report', 'accident.read', 'accident.report_up'],
  unit_leader: ['accident.report', 'accident.read'],
  employee: ['accident.report', 'accident.read'],
  department_officer: ['accident.read', 'accident.receive', 'accident.forward'],
  subdistrict_officer: ['accident.read', 'accident.receive'],
};

export const ACCIDENT_NOTIFICATION_KINDS = {
  'accident.quick': ['事故快报', 'Accident quick report'],
  'accident.received': ['事故接报', 'Accident report received'],
} as const;
