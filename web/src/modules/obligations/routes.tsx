import type { RouteObject } from 'react-router';
import { handle, page } from '../../app/route-helpers';
import { ObligationGuard } from './components/ObligationGuard';
import { isEnterpriseManager } from './permissions';
import type { Me } from '../auth/api/auth.api';

const MyDutiesPage = page(() => import('./pages/MyDutiesPage'), 'MyDutiesPage');
const DutyCalendarPage = page(() => import('./pages/DutyCalendarPage'), 'DutyCalendarPage');
const DutyRatesPage = page(() => import('./pages/DutyRatesPage'), 'DutyRatesPage');
const DutyDetailPage = page(() => import('./pages/DutyDetailPage'), 'DutyDetailPage');
const DutyBoardPage = page(() => import('./pages/DutyBoardPage'), 'DutyBoardPage');
const BoardEnterprisesPage = page(() => import('./pages/BoardEnterprisesPage'), 'BoardEnterprisesPage');

/** The calendar is the managers' and the regulators' (an employee's own duties are all on 我的履职). */
const managerOrRegulator = (me: Me) => isEnterpriseManager(me) || !me.scope.enterpriseId;

/** The duty pages inside the signed-in layout (children of '/'): each its own path, so each has its own crumb. */
export const obligationRoutes: RouteObject[] = [
  { path: 'duties', element: <ObligationGuard permission="obligation.read"><MyDutiesPage /></ObligationGuard>, handle: handle('nav.obligations.mine') },
  {
    path: 'duties/calendar',
    element: <ObligationGuard permission="obligation.read" when={managerOrRegulator}><DutyCalendarPage /></ObligationGuard>,
    handle: handle('nav.obligations.calendar'),
  },
  {
    path: 'duties/rates',
    element: <ObligationGuard permission="obligation.read" when={isEnterpriseManager}><DutyRatesPage /></ObligationGuard>,
    handle: handle('nav.obligations.rates'),
  },
  {
    path: 'duties/board',
    handle: handle('nav.obligations.board'),
    children: [
      { index: true, element: <ObligationGuard permission="obligation.supervise"><DutyBoardPage /></ObligationGuard> },
      {
        path: 'enterprises',
        element: <ObligationGuard permission="obligation.supervise"><BoardEnterprisesPage /></ObligationGuard>,
        handle: handle('crumb.obligations.enterprises'),
      },
    ],
  },
  // The address reminders and escalations link to.
  {
    path: 'duties/:enterpriseId/:id',
    element: <ObligationGuard permission="obligation.read"><DutyDetailPage /></ObligationGuard>,
    handle: handle('crumb.obligations.detail'),
  },
];
