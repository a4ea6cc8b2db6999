import type { RouteObject } from 'react-router';
import { handle, page } from '../../app/route-helpers';
import { RulesGuard } from './components/RulesGuard';

const RuleSetsPage = page(() => import('./pages/RuleSetsPage'), 'RuleSetsPage');
const RuleSetPage = page(() => import('./pages/RuleSetPage'), 'RuleSetPage');

/** The rule-set pages inside the signed-in layout (children of '/'). */
export const rulesRoutes: RouteObject[] = [
  {
    path: 'rules',
    handle: handle('nav.rules'),
    children: [
      { index: true, element: <RulesGuard><RuleSetsPage /></RulesGuard> },
      { path: ':name', element: <RulesGuard><RuleSetPage /></RulesGuard>, handle: handle('crumb.ruleSet') },
    ],
  },
];
