import { lazy, Suspense } from 'react';
import { Skeleton } from 'antd';
import type { EnterpriseTab } from '../../app/modules';
import type { Me } from '../auth/api/auth.api';

const EquipmentRegister = lazy(() => import('./components/EquipmentRegister').then((m) => ({ default: m.EquipmentRegister })));

/** A regulator's enterprise file shows the enterprise's equipment register, special equipment and projects (read-only). */
export function equipmentEnterpriseTabs(me: Me): EnterpriseTab[] {
  if (me.scope.enterpriseId || !me.permissions.includes('equipment.read')) return [];
  return [{
    key: 'equipment', label: 'enterpriseFile.tabEquipment',
    render: (id) => <Suspense fallback={<Skeleton active />}><EquipmentRegister enterpriseId={id} /></Suspense>,
  }];
}
