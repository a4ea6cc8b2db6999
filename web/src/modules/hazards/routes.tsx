import type { RouteObject } from 'react-router';

/** Hazard pages inside the signed-in layout (children of '/'). */
export const hazardRoutes: RouteObject[] = [];
