import type { ModuleManifest } from '../../../platform/module';

/** Issue 14 §3, R-EMG-2: the drill plan from the frequency rules, drill records, evaluation and follow-up actions. */
export const drillsManifest: ModuleManifest = {
  name: 'emergency.drills', routes: [],
};
