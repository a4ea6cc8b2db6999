import type { ModuleManifest } from '../../../platform/module';
import { competenceMessages } from './competence.messages';
import { registerOverviewJobs } from './overview.jobs';
import { overviewMessages } from './overview.messages';
import { OVERVIEW_PERMISSIONS, OVERVIEW_ROLE_GRANTS } from './overview.permissions';
import { overviewRoutes } from './overview.routes';

/**
 * The regulators' management-system view (issue 12 §7): every indicator of the management modules for the enterprises
 * in scope, decided by each module's own SQL and rule-set, in one list with drill-down into the enterprise file; and the
 * competence view (issue 13 §5: training, certificates, PPE, the standardisation self-assessment) over the same stored rows.
 */
export const overviewManifest: ModuleManifest = {
  name: 'management.overview', routes: [overviewRoutes], jobs: registerOverviewJobs, permissions: OVERVIEW_PERMISSIONS, roleGrants: OVERVIEW_ROLE_GRANTS, messages: [overviewMessages, competenceMessages],
};
