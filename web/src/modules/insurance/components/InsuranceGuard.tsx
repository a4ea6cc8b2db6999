import { lazy, Suspense, type ReactNode } from 'react';
import { useAuth } from '../../../app/auth';

const Forbidden = lazy(async () => ({ default: (await import('../../../app/components/Forbidden')).Forbidden }));

/** The route guard of the insurance pages (the app's Permission type does not list module permissions). */
export function InsuranceGuard({ permission, role, children }: { permission: string; role?: string; children: ReactNode }) {
  const { me } = useAuth();
  if (me?.permissions.includes(permission) && (!role || me.role === role)) return <>{children}</>;
  return <Suspense fallback={null}><Forbidden /></Suspense>;
}
