import type { ModuleManifest } from '../../platform/module';
import { referenceRoutes } from './reference.routes';

/** The district's reference data: subdistricts, departments and the industries they supervise. */
export const referenceModule: ModuleManifest = {
  name: 'reference', routes: [referenceRoutes],
  uniqueFields: {
    subdistricts_district_id_code_key: { path: 'body.code', message: 'validation.codeTaken' },
    departments_district_id_code_key: { path: 'body.code', message: 'validation.codeTaken' },
  },
  auditEntities: { district: ['区', 'District'], subdistrict: ['街道', 'Subdistrict'], department: ['区级部门', 'District department'] },
  auditActions: {
    'subdistrict.create': ['新增街道', 'Subdistrict created'],
    'subdistrict.update': ['修改街道', 'Subdistrict updated'],
    'department.create': ['新增部门', 'Department created'],
    'department.update': ['修改部门', 'Department updated'],
  },
};

// The public surface other modules use.
export { districtIdOf } from './reference.service';
