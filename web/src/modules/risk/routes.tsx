import type { RouteObject } from 'react-router';

/** Risk pages inside the signed-in layout (children of '/'). */
export const riskRoutes: RouteObject[] = [];

/** Public risk pages (a post card opened from its QR code), outside the signed-in layout. */
export const riskPublicRoutes: RouteObject[] = [];
