import type { ModuleManifest } from '../../../platform/module';
import { TEN_ONES_OBLIGATIONS } from './ten-ones.obligations';
import { tenOnesRoutes } from './ten-ones.routes';

/**
 * The principal's "ten ones" (R-RESP-5, issue 11 §7) that no other sub-domain's record fulfils yet, his five-in-place
 * panel (R-RESP-4), and the regulators' per-enterprise view of the responsibility system (issue 11 §10).
 */
export const tenOnesManifest: ModuleManifest = { name: 'responsibility.ten-ones', routes: [tenOnesRoutes], obligations: TEN_ONES_OBLIGATIONS };
