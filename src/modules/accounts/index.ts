import type { ModuleManifest } from '../../platform/module';
import { registerAccountJobs } from './account.jobs';
import { accountsAuditNames, accountsMessages } from './accounts.messages';
import { authRoutes } from './auth.routes';
import { userRoutes } from './user.routes';

/** Accounts: sign-in, sessions, and the users of every side. */
export const accountsModule: ModuleManifest = {
  name: 'accounts', routes: [authRoutes, userRoutes], jobs: registerAccountJobs, messages: accountsMessages,
  auditEntities: accountsAuditNames.entities, auditActions: accountsAuditNames.actions,
  uniqueFields: { users_username_key: { path: 'body.username', message: 'validation.username.duplicate' } },
};

// The public surface other modules use.
export { roleName } from './roles';
// R-TRN-2: other modules hear of an account's role, scope or standing changing, in its transaction.
export { onAccountChange, type AccountChange, type AccountChangeListener, type AccountPlace } from './account-change';
