import type { WebModule } from '../../app/modules';

/** drill (issue 14; server: src/modules/emergency/drills). */
export const drillsWebModule: WebModule = { name: 'drills',
  messages: () => import('./drills.messages').then((m) => m.drillsMessages),
};
