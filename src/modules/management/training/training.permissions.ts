import type { ModuleManifest } from '../../../platform/module';

// Training's permissions join the vocabulary from here (platform/auth/permissions.ts).
declare module '../../../platform/auth/permissions' {
  interface ModulePermissions {
    'training.read': true;
    'training.manage': true;
    'training.review': true;
    'training.record': true;
    'training.attend': true;
    'training.supervise': true;
  }
}

export const TRAINING_PERMISSIONS = ['training.read', 'training.manage', 'training.review', 'training.record', 'training.attend', 'training.supervise'] as const;

/**
 * Who holds them (RULES.md §0, R-TRN-1, R-RESP-5): the principal and the safety managers keep the plan, sessions,
 * attendance, re-training events and the import; only the principal signs the quarterly check of the plan (the route
 * lets him in, the service checks it is his own enterprise); a unit leader reads his branch's shortfalls and records
 * attendance of its people on his device; every person of an enterprise checks in by QR on his phone and reads his own
 * archive; the regulators read the enterprises in scope.
 */
export const TRAINING_ROLE_GRANTS: NonNullable<ModuleManifest['roleGrants']> = {
  enterprise_principal: ['training.read', 'training.manage', 'training.review', 'training.record', 'training.attend'],
  safety_manager: ['training.read', 'training.manage', 'training.record', 'training.attend'],
  unit_leader: ['training.read', 'training.record', 'training.attend'],
  employee: ['training.attend'],
  department_officer: ['training.read', 'training.supervise'],
  subdistrict_officer: ['training.read', 'training.supervise'],
};
