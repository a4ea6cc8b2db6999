import { auditWebModule } from '../modules/audit';
import { dutiesWebModule } from '../modules/duties';
import { hazardsWebModule } from '../modules/hazards';
import { keyMomentsWebModule } from '../modules/key-moments';
import { lettersWebModule } from '../modules/letters';
import { meetingsWebModule } from '../modules/meetings';
import { obligationsWebModule } from '../modules/obligations';
import { riskWebModule } from '../modules/risk';
import { rulesWebModule } from '../modules/rules';
import type { WebModule } from './modules';

/** The domain modules on the web, in menu order. A new module adds its WebModule here. */
export const WEB_MODULES: readonly WebModule[] = [riskWebModule, hazardsWebModule, dutiesWebModule, meetingsWebModule, lettersWebModule, keyMomentsWebModule, obligationsWebModule, rulesWebModule, auditWebModule];
