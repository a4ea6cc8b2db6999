import type { ModuleManifest } from '../../../platform/module';
import { registerEquipmentJobs } from './equipment.jobs';
import { equipmentAuditNames, equipmentMessages } from './equipment.messages';
import { EQUIPMENT_OBLIGATIONS } from './equipment.obligations';
import { EQUIPMENT_PERMISSIONS, EQUIPMENT_ROLE_GRANTS } from './equipment.permissions';
import { equipmentRoutes } from './equipment.routes';
import { EQUIPMENT_RULES } from './equipment.rule-sets';
import { equipmentWorkbench } from './equipment.workbench';

/**
 * Equipment and special equipment (issue 12 §5): the register with its risk points and place on the floor plan,
 * special equipment's registration and periodic inspection (a duty on the obligations engine; overdue opens a hidden
 * hazard), the obsolete-equipment flag, the 机械化换人、自动化减人 projects, and the regulators' view.
 */
export const equipmentManifest: ModuleManifest = {
  name: 'management.equipment', routes: [equipmentRoutes], jobs: registerEquipmentJobs,
  permissions: EQUIPMENT_PERMISSIONS, roleGrants: EQUIPMENT_ROLE_GRANTS,
  messages: equipmentMessages, auditEntities: equipmentAuditNames.entities, auditActions: equipmentAuditNames.actions,
  ruleSets: [EQUIPMENT_RULES], obligations: EQUIPMENT_OBLIGATIONS, workbench: equipmentWorkbench,
  uniqueFields: { equipment_enterprise_id_code_key: { path: 'body.code', message: 'equipment.codeTaken' } },
};
