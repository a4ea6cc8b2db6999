import { lazy, Suspense, type ComponentType, type ReactNode } from 'react';
import { PageLoading } from './components/PageLoading';
import { RequirePermission } from './guards';
import type { RouteHandle } from './layout/AppBreadcrumb';
import type { Permission } from '../modules/auth/api/auth.api';

/** React.lazy for a named export: every page is its own chunk, loaded when its route is first visited. */
export function page<M extends Record<string, unknown>, P extends object = object>(load: () => Promise<M>, name: keyof M & string) {
  return lazy(async () => ({ default: (await load())[name] as ComponentType<P> }));
}

export function Full({ children }: { children: ReactNode }) {
  return <Suspense fallback={<PageLoading full />}>{children}</Suspense>;
}

export function guarded(permission: Permission, element: ReactNode) {
  return <RequirePermission permission={permission}>{element}</RequirePermission>;
}

export const handle = (crumb: RouteHandle['crumb'], crumbLink = true): RouteHandle => ({ crumb, crumbLink });
