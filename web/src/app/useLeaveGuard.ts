import { useEffect } from 'react';
import { App } from 'antd';
import { useBlocker } from 'react-router';

export type LeaveConfirm = { title: string; content: string; okText: string; cancelText: string };

/**
 * Asks before the user leaves a page holding work not yet sent: the browser's own question on a reload, a closed tab
 * or a typed address (`beforeunload`, whose text browsers no longer let a page choose), and a confirmation in the
 * app's language for a move inside the app. A change of query or hash stays on the page and is not asked about.
 */
export function useLeaveGuard(active: boolean, confirm: LeaveConfirm): void {
  const { modal } = App.useApp();
  const blocker = useBlocker(({ currentLocation, nextLocation }) => active && currentLocation.pathname !== nextLocation.pathname);

  useEffect(() => {
    if (!active) return;
    const ask = (e: BeforeUnloadEvent) => {
      e.preventDefault();
      // Older browsers ask only when a return value is set.
      e.returnValue = '';
    };
    window.addEventListener('beforeunload', ask);
    return () => window.removeEventListener('beforeunload', ask);
  }, [active]);

  const { state, proceed, reset } = blocker;
  const { title, content, okText, cancelText } = confirm;
  useEffect(() => {
    if (state !== 'blocked') return;
    const dialog = modal.confirm({ title, content, okText, cancelText, okButtonProps: { danger: true }, onOk: () => proceed?.(), onCancel: () => reset?.() });
    return () => dialog.destroy();
  }, [state, proceed, reset, modal, title, content, okText, cancelText]);
}
