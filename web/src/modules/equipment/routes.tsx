import type { RouteObject } from 'react-router';
import { handle, page } from '../../app/route-helpers';
import { RequireModulePermission } from '../../app/guards';

const EquipmentPage = page(() => import('./pages/EquipmentPage'), 'EquipmentPage');
const EquipmentOverviewPage = page(() => import('./pages/EquipmentOverviewPage'), 'EquipmentOverviewPage');

/** The equipment pages inside the signed-in layout (children of '/'). */
export const equipmentRoutes: RouteObject[] = [
  { path: 'equipment', element: <RequireModulePermission permission="equipment.read"><EquipmentPage /></RequireModulePermission>, handle: handle('nav.equipment') },
  { path: 'equipment-overview', element: <RequireModulePermission permission="equipment.supervise"><EquipmentOverviewPage /></RequireModulePermission>, handle: handle('nav.equipmentOverview') },
];
