import type { ModuleManifest } from '../../platform/module';
import { equipmentManifest } from './equipment/equipment.manifest';
import { cultureManifest } from './culture/culture.manifest';
import { documentsManifest } from './documents/documents.manifest';
import { insuranceManifest } from './insurance/insurance.manifest';
import { investmentManifest } from './investment/investment.manifest';
import { overviewManifest } from './overview/overview.manifest';
import { staffingManifest } from './staffing/staffing.manifest';
import { trainingManifest } from './training/training.manifest';
import { certificatesManifest } from './certificates/certificates.manifest';
import { ppeManifest } from './ppe/ppe.manifest';
import { standardisationManifest } from './standardisation/standardisation.manifest';

/**
 * The safety management system (管理体系, RULES.md §2, issue 12): safety organisation and staffing (staffing/),
 * insurance (insurance/), safety investment and the safety fee (investment/), equipment and special equipment
 * (equipment/). Each sub-domain is mounted as its own manifest, listed once in src/app.ts.
 */
export const managementModules: readonly ModuleManifest[] = [staffingManifest, equipmentManifest, cultureManifest, insuranceManifest, investmentManifest, documentsManifest, trainingManifest, certificatesManifest, ppeManifest, standardisationManifest, overviewManifest];

export { managementFacts } from './overview/overview.service';
// Issue 14: the accident follow-up's notice to the enterprise's 安责险 insurer.
export { liabilityPolicyOn } from './insurance/insurance.service';
