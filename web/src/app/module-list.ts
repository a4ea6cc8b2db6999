import { auditWebModule } from '../modules/audit';
import { equipmentWebModule } from '../modules/equipment';
import { trainingWebModule } from '../modules/training';
import { certificatesWebModule } from '../modules/certificates';
import { ppeWebModule } from '../modules/ppe';
import { standardisationWebModule } from '../modules/standardisation';
import { cultureWebModule } from '../modules/culture';
import { documentsWebModule } from '../modules/documents';
import { dutiesWebModule } from '../modules/duties';
import { hazardsWebModule } from '../modules/hazards';
import { insuranceWebModule } from '../modules/insurance';
import { investmentWebModule } from '../modules/investment';
import { keyMomentsWebModule } from '../modules/key-moments';
import { lettersWebModule } from '../modules/letters';
import { managementOverviewWebModule } from '../modules/management-overview';
import { meetingsWebModule } from '../modules/meetings';
import { emergencyPlansWebModule } from '../modules/emergency-plans';
import { drillsWebModule } from '../modules/drills';
import { rescueWebModule } from '../modules/rescue';
import { accidentsWebModule } from '../modules/accidents';
import { accidentFollowupWebModule } from '../modules/accident-followup';
import { obligationsWebModule } from '../modules/obligations';
import { riskWebModule } from '../modules/risk';
import { rulesWebModule } from '../modules/rules';
import { staffingWebModule } from '../modules/staffing';
import type { WebModule } from './modules';

/** The domain modules on the web, in menu order. A new module adds its WebModule here. */
export const WEB_MODULES: readonly WebModule[] = [riskWebModule, hazardsWebModule, dutiesWebModule, meetingsWebModule, lettersWebModule, keyMomentsWebModule, obligationsWebModule, managementOverviewWebModule, staffingWebModule, equipmentWebModule, cultureWebModule, documentsWebModule, trainingWebModule, certificatesWebModule, ppeWebModule, standardisationWebModule, investmentWebModule, insuranceWebModule, emergencyPlansWebModule, drillsWebModule, rescueWebModule, accidentsWebModule, accidentFollowupWebModule, rulesWebModule, auditWebModule];
