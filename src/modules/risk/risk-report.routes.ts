import type { RouteModule } from '../../platform/http/app';

// Regulator views and the annual risk report (R-RISK-9): being written.
export const riskReportRoutes: RouteModule = () => undefined;
