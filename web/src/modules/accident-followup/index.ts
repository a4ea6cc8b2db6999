import type { WebModule } from '../../app/modules';

/** investigation and interview (issue 14; server: src/modules/accidents/followup). */
export const accidentFollowupWebModule: WebModule = { name: 'accident-followup',
  messages: () => import('./accident-followup.messages').then((m) => m.accidentFollowupMessages),
};
