import type { ModuleManifest } from '../../platform/module';
import { drillsManifest } from './drills/drills.manifest';
import { plansManifest } from './plans/plans.manifest';
import { rescueManifest } from './rescue/rescue.manifest';

/**
 * Emergency preparedness (应急管理, RULES.md §5 R-EMG-1…3, issue 14): plans and their filing (plans/), drills and their
 * follow-up (drills/), rescue organisation, equipment and contacts (rescue/). Each sub-domain is its own manifest,
 * listed once in src/app.ts.
 */
export const emergencyModules: readonly ModuleManifest[] = [plansManifest, drillsManifest, rescueManifest];
