import type { ModuleManifest } from '../../../platform/module';

/** Issue 14 §2, R-EMG-3: rescue organisation, part-time rescuers and agreements, emergency equipment and materials, contacts. */
export const rescueManifest: ModuleManifest = {
  name: 'emergency.rescue', routes: [],
};
