import type { ModuleManifest } from '../../../platform/module';

// The equipment register's permissions join the vocabulary from here (platform/auth/permissions.ts).
declare module '../../../platform/auth/permissions' {
  interface ModulePermissions {
    'equipment.read': true;
    'equipment.manage': true;
    'equipment.supervise': true;
  }
}

export const EQUIPMENT_PERMISSIONS = ['equipment.read', 'equipment.manage', 'equipment.supervise'] as const;

/**
 * Who holds them (issue 12 §5): the principal and the safety managers keep the register, record inspections and the
 * renovation projects; a unit leader reads the equipment of his unit; the regulators see special equipment overdue
 * and the renovation figures of the enterprises in scope, and drill down into each one's register (read only).
 */
export const EQUIPMENT_ROLE_GRANTS: NonNullable<ModuleManifest['roleGrants']> = {
  enterprise_principal: ['equipment.read', 'equipment.manage'],
  safety_manager: ['equipment.read', 'equipment.manage'],
  unit_leader: ['equipment.read'],
  department_officer: ['equipment.read', 'equipment.supervise'],
  subdistrict_officer: ['equipment.read', 'equipment.supervise'],
};
