import type { RouteObject } from 'react-router';
import { handle, page } from '../../app/route-helpers';
import { RequireModulePermission } from '../../app/guards';

const RuleSetsPage = page(() => import('./pages/RuleSetsPage'), 'RuleSetsPage');
const RuleSetPage = page(() => import('./pages/RuleSetPage'), 'RuleSetPage');
const WorkCalendarPage = page(() => import('./pages/WorkCalendarPage'), 'WorkCalendarPage');
const WorkCalendarYearPage = page(() => import('./pages/WorkCalendarYearPage'), 'WorkCalendarYearPage');

/** The rule-set pages and the working-day calendar inside the signed-in layout (children of '/'). */
export const rulesRoutes: RouteObject[] = [
  {
    path: 'rules',
    handle: handle('nav.rules'),
    children: [
      { index: true, element: <RequireModulePermission permission="rules.manage"><RuleSetsPage /></RequireModulePermission> },
      {
        path: 'calendar',
        handle: handle('nav.workCalendar'),
        children: [
          { index: true, element: <RequireModulePermission permission="rules.manage"><WorkCalendarPage /></RequireModulePermission> },
          { path: ':year', element: <RequireModulePermission permission="rules.manage"><WorkCalendarYearPage /></RequireModulePermission>, handle: handle('crumb.calendarYear') },
        ],
      },
      { path: ':name', element: <RequireModulePermission permission="rules.manage"><RuleSetPage /></RequireModulePermission>, handle: handle('crumb.ruleSet') },
    ],
  },
];
