import { lazy, Suspense, type ReactNode } from 'react';
import { useAuth } from '../../../app/auth';

const Forbidden = lazy(async () => ({ default: (await import('../../../app/components/Forbidden')).Forbidden }));

/** The route guard of the duty pages (the app's Permission type lists the platform's own permissions only). */
export function DutyGuard({ permission, children }: { permission: string; children: ReactNode }) {
  const { me } = useAuth();
  if (me?.permissions.includes(permission)) return <>{children}</>;
  return <Suspense fallback={null}><Forbidden /></Suspense>;
}

/** Whether the signed-in user holds a duty permission (for buttons and menu entries). */
export function useDutyPermission(permission: 'duty.read' | 'duty.manage' | 'duty.coverage' | 'duty.sign' | 'duty.assess'): boolean {
  const { me } = useAuth();
  return !!me?.permissions.includes(permission);
}
