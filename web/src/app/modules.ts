import type { ReactNode } from 'react';
import type { RouteObject } from 'react-router';
import type { Me } from '../modules/auth/api/auth.api';
import type { Entry, MessageKey } from './i18n';
import type { NavItem } from './menu';

/**
 * A domain module's door on the web, the mirror of the server's manifest (src/platform/module.ts): its pages inside
 * the signed-in layout, pages opened without a session (QR codes on walls), and its side-menu entries for a user.
 * The router and the menu read the list in web/src/app/module-list.ts and know no module by name.
 */
export type WebModule = {
  name: string;
  /** Children of '/', each page its own lazy chunk. */
  routes?: RouteObject[];
  /** Top-level routes outside the signed-in layout. */
  publicRoutes?: RouteObject[];
  /** Its strings, in their own chunk: loaded before any screen of the signed-in app or the module's public pages. */
  messages?: () => Promise<Record<string, Entry>>;
  /** The module's menu entries for this user, in menu order. */
  nav?: (me: Me) => NavItem[];
  /**
   * Its tabs on a regulator's one-page enterprise file (企业档案: risk, hazards, checks, reports…), for this user; each
   * renders lazily, in the module's own chunk.
   */
  enterpriseTabs?: (me: Me) => EnterpriseTab[];
};

/** One tab of the enterprise file: its key (the `?tab=` value), its label's message key, and what it shows. */
export type EnterpriseTab = { key: string; label: MessageKey; render: (enterpriseId: string) => ReactNode };
