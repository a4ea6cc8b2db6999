import type { Role } from '../db/schema';

/** The one permission vocabulary. Routes declare one of these; roles grant them through ROLE_PERMISSIONS. */
export const PERMISSIONS = [
  'reference.read',
  'reference.manage',
  'enterprise.read',
  'enterprise.create',
  'enterprise.update',
  'orgunit.read',
  'orgunit.manage',
  'employee.read',
  'employee.manage',
  'employee.import',
  'employee.export',
  'user.read',
  'user.manage',
  'audit.read',
  'audit.verify',
  'job.read',
] as const;
/**
 * Permissions a module adds in its manifest (src/platform/module.ts) are declared by merging into this interface from
 * the module's own folder, so this file is not edited per module:
 * `declare module '../../platform/auth/permissions' { interface ModulePermissions { 'training.read': true } }`.
 * (An interface, not a type: only interfaces merge.)
 */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface ModulePermissions {}
export type Permission = (typeof PERMISSIONS)[number] | keyof ModulePermissions;

export const ROLES: readonly Role[] = [
  'district_admin', 'department_officer', 'subdistrict_officer',
  'enterprise_principal', 'safety_manager', 'unit_leader', 'employee',
  'insurer_staff', 'service_staff',
];

const ENTERPRISE_MANAGER: Permission[] = [
  'reference.read', 'enterprise.read', 'enterprise.update', 'orgunit.read', 'orgunit.manage',
  'employee.read', 'employee.manage', 'employee.import', 'employee.export', 'user.read', 'user.manage', 'audit.read',
];
const REGULATOR: Permission[] = ['reference.read', 'enterprise.read', 'orgunit.read', 'employee.read', 'employee.export'];

/**
 * Role → the platform's own permissions (RULES.md §0); a module grants its own in its manifest (`roleGrants`). Scope
 * (which records) is enforced separately, in the repositories.
 */
export const ROLE_PERMISSIONS: Record<Role, readonly Permission[]> = {
  district_admin: PERMISSIONS,
  department_officer: REGULATOR,
  subdistrict_officer: REGULATOR,
  enterprise_principal: ENTERPRISE_MANAGER,
  safety_manager: ENTERPRISE_MANAGER,
  unit_leader: ['reference.read', 'enterprise.read', 'orgunit.read', 'employee.read', 'employee.export'],
  employee: ['reference.read', 'enterprise.read', 'orgunit.read'],
  insurer_staff: ['reference.read', 'enterprise.read'],
  service_staff: ['reference.read', 'enterprise.read'],
};

/** What each role holds: the core map above plus every module's grants (grantPermissions). */
const held = new Map<Role, Set<Permission>>(ROLES.map((r) => [r, new Set(ROLE_PERMISSIONS[r])]));
const known = new Set<Permission>(PERMISSIONS);

export function roleCan(role: Role, permission: Permission): boolean {
  return held.get(role)?.has(permission) ?? false;
}

/** The permissions a role holds, in a stable order: what the signed-in user's `me` view lists. */
export function permissionsOf(role: Role): Permission[] {
  return [...(held.get(role) ?? [])];
}

/** Every permission in the vocabulary, the core ones and those modules added. */
export function allPermissions(): Permission[] {
  return [...known];
}

/**
 * Adds a module's permissions to the vocabulary and grants them to roles. The district admin holds every permission.
 * Granting a permission no module declared is a programming error and fails at start.
 */
export function grantPermissions(permissions: readonly Permission[], roleGrants: Partial<Record<Role, readonly Permission[]>>): void {
  for (const p of permissions) {
    known.add(p);
    held.get('district_admin')!.add(p);
  }
  for (const [role, list] of Object.entries(roleGrants) as [Role, readonly Permission[]][]) {
    for (const p of list) {
      if (!known.has(p)) throw new Error(`role ${role} is granted the undeclared permission ${p}`);
      held.get(role)!.add(p);
    }
  }
}

/** Roles that live inside one enterprise. */
export const ENTERPRISE_ROLES: readonly Role[] = ['enterprise_principal', 'safety_manager', 'unit_leader', 'employee'];
