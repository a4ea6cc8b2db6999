import type { Query } from '../../../app/api';

/** The ledger's tabs, each a preset of the list endpoint's filters. */
export const HAZARD_TABS = ['all', 'reported', 'rectifying', 'submitted', 'overdue', 'major', 'mine'] as const;
/** Presets the workbench opens (home page): shown as an extra tab only while one is open. */
export const WORKBENCH_TABS = ['assigned', 'dueSoon', 'reportedByMe', 'extension'] as const;
/** A regulator's 重大隐患 page. */
export const MAJOR_TABS = ['majorOpen', 'majorOverdue', 'majorAll'] as const;

export function tabQuery(tab: string | undefined): Query {
  switch (tab) {
    case 'reported': case 'rectifying': case 'submitted': return { status: tab };
    case 'overdue': return { overdue: 'true' };
    case 'major': return { level: 'major', status: 'open' };
    case 'mine': return { mine: 'true', status: 'open' };
    case 'assigned': return { assignedToMe: 'true' };
    case 'dueSoon': return { assignedToMe: 'true', dueSoon: 'true' };
    case 'reportedByMe': return { reportedByMe: 'true' };
    case 'extension': return { extensionPending: 'true' };
    case 'majorOpen': return { level: 'major', status: 'open' };
    case 'majorOverdue': return { level: 'major', overdue: 'true' };
    case 'majorAll': return { level: 'major' };
    default: return {};
  }
}
