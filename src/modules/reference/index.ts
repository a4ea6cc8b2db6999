import type { ModuleManifest } from '../../platform/module';
import { referenceRoutes } from './reference.routes';

/** The district's reference data: subdistricts, departments and the industries they supervise. */
export const referenceModule: ModuleManifest = {
  name: 'reference', routes: [referenceRoutes], auditEntities: ['district', 'subdistrict', 'department'],
};

// The public surface other modules use.
export { districtIdOf } from './reference.service';
