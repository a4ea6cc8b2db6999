import type { ModuleManifest } from '../../../platform/module';

// The document library's permissions join the vocabulary from here (platform/auth/permissions.ts).
declare module '../../../platform/auth/permissions' {
  interface ModulePermissions {
    'documents.read': true;
    'documents.manage': true;
    'documents.approve': true;
    'documents.acknowledge': true;
    'documents.supervise': true;
    'laws.manage': true;
  }
}

export const DOCUMENTS_PERMISSIONS = ['documents.read', 'documents.manage', 'documents.approve', 'documents.acknowledge', 'documents.supervise', 'laws.manage'] as const;

/**
 * Who holds them (RULES.md §0, R-DOC-1, R-RESP-5): the safety managers keep the library and publish; the principal
 * approves versions and signs the yearly review (he also keeps the library); unit leaders read it (rates of their
 * subtree); every employee with an account reads and acknowledges what he is asked to; the regulators read the
 * library of the enterprises in scope and see who lacks required rules.
 */
export const DOCUMENTS_ROLE_GRANTS: NonNullable<ModuleManifest['roleGrants']> = {
  enterprise_principal: ['documents.read', 'documents.manage', 'documents.approve', 'documents.acknowledge'],
  safety_manager: ['documents.read', 'documents.manage', 'documents.acknowledge'],
  unit_leader: ['documents.read', 'documents.acknowledge'],
  employee: ['documents.acknowledge'],
  department_officer: ['documents.read', 'documents.supervise'],
  subdistrict_officer: ['documents.read', 'documents.supervise'],
};

export const DOCUMENTS_NOTIFICATION_KINDS = {
  'documents.ack': ['制度规程待阅读', 'Rule or procedure to read'],
} as const;
