import type { RouteModule } from '../../platform/http/app';

export const orgUnitRoutes: RouteModule = () => undefined;
