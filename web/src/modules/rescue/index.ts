import type { WebModule } from '../../app/modules';

/** rescue organisation and resources (issue 14; server: src/modules/emergency/rescue). */
export const rescueWebModule: WebModule = { name: 'rescue',
  messages: () => import('./rescue.messages').then((m) => m.rescueMessages),
};
