import type { WebModule } from '../../app/modules';

/**
 * The audit log's strings for its change view (field labels, coded values), in their own chunk. Its page and menu
 * entry are still the core router's and menu's.
 */
export const auditWebModule: WebModule = { name: 'audit',
  messages: () => import('./audit.messages').then((m) => m.auditMessages),
};
