import { lazy, Suspense, type ReactNode } from 'react';
import { useAuth } from '../../../app/auth';
import type { Me } from '../../auth/api/auth.api';
import { hasObligationPermission, type ObligationPermission } from '../permissions';

const Forbidden = lazy(async () => ({ default: (await import('../../../app/components/Forbidden')).Forbidden }));

/**
 * The route guard of the duty pages: the permission, and optionally who among its holders the page is for (the
 * calendar and the rates are the managers' and the regulators'). The server refuses the same callers either way.
 */
export function ObligationGuard({ permission, when, children }: { permission: ObligationPermission; when?: (me: Me) => boolean; children: ReactNode }) {
  const { me } = useAuth();
  if (me && hasObligationPermission(me, permission) && (!when || when(me))) return <>{children}</>;
  return <Suspense fallback={null}><Forbidden /></Suspense>;
}
