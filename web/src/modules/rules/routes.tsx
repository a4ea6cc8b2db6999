import type { RouteObject } from 'react-router';
import { handle, page } from '../../app/route-helpers';
import { RulesGuard } from './components/RulesGuard';

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
      { index: true, element: <RulesGuard><RuleSetsPage /></RulesGuard> },
      {
        path: 'calendar',
        handle: handle('nav.workCalendar'),
        children: [
          { index: true, element: <RulesGuard><WorkCalendarPage /></RulesGuard> },
          { path: ':year', element: <RulesGuard><WorkCalendarYearPage /></RulesGuard>, handle: handle('crumb.calendarYear') },
        ],
      },
      { path: ':name', element: <RulesGuard><RuleSetPage /></RulesGuard>, handle: handle('crumb.ruleSet') },
    ],
  },
];
