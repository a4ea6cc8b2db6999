import type { ModuleManifest } from '../../../platform/module';

/** Issue 14 §1, R-EMG-1: emergency plans, their review (评审/论证), signature, issue and filing (备案). */
export const plansManifest: ModuleManifest = {
  name: 'emergency.plans', routes: [],
};
