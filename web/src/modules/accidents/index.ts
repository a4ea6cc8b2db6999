import type { WebModule } from '../../app/modules';

/** accident report (issue 14; server: src/modules/accidents/reports). */
export const accidentsWebModule: WebModule = { name: 'accidents',
  messages: () => import('./accidents.messages').then((m) => m.accidentsMessages),
};
