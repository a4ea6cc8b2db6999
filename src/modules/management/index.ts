import type { ModuleManifest } from '../../platform/module';

/**
 * The safety management system (管理体系, RULES.md §2, issue 12): safety organisation and staffing (staffing/),
 * insurance (insurance/), safety investment and the safety fee (investment/), equipment and special equipment
 * (equipment/). Each sub-domain is mounted as its own manifest, listed once in src/app.ts.
 */
export const managementModules: readonly ModuleManifest[] = [];
