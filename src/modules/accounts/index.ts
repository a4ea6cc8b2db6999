import type { ModuleManifest } from '../../platform/module';
import { registerAccountJobs } from './account.jobs';
import { accountsMessages } from './accounts.messages';
import { authRoutes } from './auth.routes';
import { userRoutes } from './user.routes';

/** Accounts: sign-in, sessions, and the users of every side. */
export const accountsModule: ModuleManifest = {
  name: 'accounts', routes: [authRoutes, userRoutes], jobs: registerAccountJobs, auditEntities: ['user'], messages: accountsMessages,
};

// The public surface other modules use.
export { roleName } from './roles';
