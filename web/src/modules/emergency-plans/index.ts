import type { WebModule } from '../../app/modules';

/** emergency plan (issue 14; server: src/modules/emergency/plans). */
export const emergencyPlansWebModule: WebModule = { name: 'emergency-plans',
  messages: () => import('./emergency-plans.messages').then((m) => m.emergencyPlansMessages),
};
