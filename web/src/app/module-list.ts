import { auditWebModule } from '../modules/audit';
import { hazardsWebModule } from '../modules/hazards';
import { riskWebModule } from '../modules/risk';
import { rulesWebModule } from '../modules/rules';
import type { WebModule } from './modules';

/** The domain modules on the web, in menu order. A new module adds its WebModule here. */
export const WEB_MODULES: readonly WebModule[] = [riskWebModule, hazardsWebModule, rulesWebModule, auditWebModule];
