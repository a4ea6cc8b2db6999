import type { RouteModule } from '../../platform/http/app';

// Employees: being written (list, CRUD, .xlsx import/export).
export const employeeRoutes: RouteModule = () => undefined;
