import { createBrowserRouter } from 'react-router';
import { RequireSession } from './guards';
import { Full, guarded, handle, page } from './route-helpers';
import { WEB_MODULES } from './module-list';
import { WithModuleMessages } from './module-messages';

const LoginPage = page(() => import('../modules/auth/pages/LoginPage'), 'LoginPage');
const ChangePasswordPage = page(() => import('../modules/auth/pages/ChangePasswordPage'), 'ChangePasswordPage');
const AppLayout = page(() => import('./layout/AppLayout'), 'AppLayout');
const HomePage = page(() => import('../modules/dashboard/pages/HomePage'), 'HomePage');
const MePage = page(() => import('../modules/dashboard/pages/MePage'), 'MePage');
const EnterpriseListPage = page(() => import('../modules/enterprises/pages/EnterpriseListPage'), 'EnterpriseListPage');
const EnterpriseDetailPage = page(() => import('../modules/enterprises/pages/EnterpriseDetailPage'), 'EnterpriseDetailPage');
const OrgPage = page(() => import('../modules/org/pages/OrgPage'), 'OrgPage');
const EmployeesPage = page(() => import('../modules/employees/pages/EmployeesPage'), 'EmployeesPage');
const UsersPage = page(() => import('../modules/users/pages/UsersPage'), 'UsersPage');
const AuditPage = page(() => import('../modules/audit/pages/AuditPage'), 'AuditPage');
const NotFound = page(() => import('./components/NotFound'), 'NotFound');
const NotificationsPage = page(() => import('../modules/notifications/pages/NotificationsPage'), 'NotificationsPage');

export const router = createBrowserRouter([
  { path: '/login', element: <Full><LoginPage /></Full> },
  // Pages opened from a QR code on a wall: no session needed.
  ...WEB_MODULES.flatMap((m) => m.publicRoutes ?? []).map((r) => ({ ...r, element: <Full><WithModuleMessages>{r.element}</WithModuleMessages></Full> })),
  { path: '/change-password', element: <RequireSession passwordPage><Full><ChangePasswordPage /></Full></RequireSession> },
  {
    path: '/',
    element: <RequireSession><Full><WithModuleMessages><AppLayout /></WithModuleMessages></Full></RequireSession>,
    handle: handle('nav.home'),
    children: [
      { index: true, element: <HomePage /> },
      {
        path: 'enterprises',
        handle: handle('nav.enterprises'),
        children: [
          { index: true, element: guarded('enterprise.read', <EnterpriseListPage />) },
          { path: ':id', element: guarded('enterprise.read', <EnterpriseDetailPage />), handle: handle('crumb.enterpriseDetail') },
        ],
      },
      { path: 'org', element: guarded('orgunit.read', <OrgPage />), handle: handle('nav.org') },
      { path: 'employees', element: guarded('employee.read', <EmployeesPage />), handle: handle('nav.employees') },
      { path: 'users', element: guarded('user.read', <UsersPage />), handle: handle('nav.users') },
      { path: 'audit', element: guarded('audit.read', <AuditPage />), handle: handle('nav.audit') },
      { path: 'notifications', element: <NotificationsPage />, handle: handle('nav.notifications') },
      { path: 'me', element: <MePage />, handle: handle('tabbar.me') },
      ...WEB_MODULES.flatMap((m) => m.routes ?? []),
      { path: '*', element: <NotFound />, handle: handle('crumb.notFound') },
    ],
  },
]);
