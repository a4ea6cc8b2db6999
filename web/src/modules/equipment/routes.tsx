import type { RouteObject } from 'react-router';
import { handle, page } from '../../app/route-helpers';
import { EquipmentGuard } from './components/EquipmentGuard';

const EquipmentPage = page(() => import('./pages/EquipmentPage'), 'EquipmentPage');
const EquipmentOverviewPage = page(() => import('./pages/EquipmentOverviewPage'), 'EquipmentOverviewPage');

/** The equipment pages inside the signed-in layout (children of '/'). */
export const equipmentRoutes: RouteObject[] = [
  { path: 'equipment', element: <EquipmentGuard permission="equipment.read"><EquipmentPage /></EquipmentGuard>, handle: handle('nav.equipment') },
  { path: 'equipment-overview', element: <EquipmentGuard permission="equipment.supervise"><EquipmentOverviewPage /></EquipmentGuard>, handle: handle('nav.equipmentOverview') },
];
