import type { RouteModule } from '../../platform/http/app';

// Floor plans, the four-colour map, notice board, post risk-notice cards with QR, ledger .xlsx: being written.
export const riskMapRoutes: RouteModule = () => undefined;
