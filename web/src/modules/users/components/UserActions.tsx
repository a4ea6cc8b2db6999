import { MoreOutlined } from '@ant-design/icons';
import { App, Button, Dropdown } from 'antd';
import { useShowError } from '../../../app/errors';
import { useI18n } from '../../../app/i18n';
import { useApiMutation } from '../../../app/useApi';
import { usersApi, type OneTimeCode, type UserRow } from '../api/users.api';

type Props = { user: UserRow; onEdit: () => void; onCode: (code: OneTimeCode) => void };

/**
 * Row actions of the user table, offered only on accounts the server says the caller may change (`canManage`, D2):
 * never the caller's own, nor one at or above their rank.
 */
export function UserActions({ user, onEdit, onCode }: Props) {
  const { t } = useI18n();
  const { message, modal } = App.useApp();
  const showError = useShowError();

  // Every action changes the account's row in the user list (its status tags, its lock).
  const change = useApiMutation((i: { action: () => Promise<unknown>; done: string }) => i.action(), {
    invalidates: [['users']],
    onSuccess: (_, i) => message.success(i.done),
  });
  const reset = useApiMutation((id: string) => usersApi.resetPassword(id), { invalidates: [['users']], onSuccess: onCode });

  const run = async (action: () => Promise<unknown>, done: string) => {
    try {
      await change.run({ action, done });
    } catch (e) {
      showError(e);
    }
  };

  const items = [
    { key: 'edit', label: t('common.edit') },
    { key: 'reset', label: t('user.resetPassword') },
    ...(user.locked ? [{ key: 'unlock', label: t('user.unlock') }] : []),
    user.disabled ? { key: 'enable', label: t('user.enable') } : { key: 'disable', label: t('user.disable'), danger: true },
  ];

  const onClick = ({ key }: { key: string }) => {
    switch (key) {
      case 'edit':
        onEdit();
        return;
      case 'reset':
        modal.confirm({
          title: t('user.resetConfirm', { name: user.displayName }),
          content: t('user.resetHint'),
          okText: t('user.resetPassword'),
          cancelText: t('common.cancel'),
          onOk: async () => {
            try {
              await reset.run(user.id);
            } catch (e) {
              showError(e);
            }
          },
        });
        return;
      case 'unlock':
        void run(() => usersApi.unlock(user.id), t('user.unlocked'));
        return;
      case 'enable':
        void run(() => usersApi.update(user.id, { disabled: false }), t('user.enabled'));
        return;
      case 'disable':
        modal.confirm({
          title: t('user.disableConfirm', { name: user.displayName }),
          okText: t('user.disable'),
          okButtonProps: { danger: true },
          cancelText: t('common.cancel'),
          onOk: () => run(() => usersApi.update(user.id, { disabled: true }), t('user.disabledDone')),
        });
    }
  };

  if (!user.canManage) return null;
  return (
    <Dropdown trigger={['click']} menu={{ items, onClick }}>
      <Button type="text" size="small" icon={<MoreOutlined />} aria-label={t('common.actions')} data-testid="user-actions" />
    </Dropdown>
  );
}
