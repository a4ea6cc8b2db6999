import { DeleteOutlined } from '@ant-design/icons';
import { App, Button } from 'antd';
import { useShowError } from '../../../app/errors';
import { useI18n } from '../../../app/i18n';
import { useApiMutation } from '../../../app/useApi';
import { keyMomentQueries, keyMomentsApi, type KeyMomentDetail } from '../api/key-moments.api';

/**
 * 删除关键时段 (R-RESP-6): a declared moment that has not started and has no check-in, after the user confirms; its
 * duty is withdrawn with it. A refusal (a check-in since, started, someone else's change) is said in words.
 */
export function DeleteMomentButton({ moment: m, onDeleted }: { moment: KeyMomentDetail; onDeleted: () => void }) {
  const { t } = useI18n();
  const { modal, message } = App.useApp();
  const showError = useShowError();
  const remove = useApiMutation(() => keyMomentsApi.remove(m.enterpriseId, m.id, m.version), {
    invalidates: keyMomentQueries(m.enterpriseId),
    onSuccess: () => { void message.success(t('keyMoment.deleted')); onDeleted(); },
  });
  const ask = () => modal.confirm({
    title: t('keyMoment.deleteConfirm', { name: m.name }),
    content: t('keyMoment.deleteHint'),
    okText: t('keyMoment.delete'),
    okButtonProps: { danger: true },
    cancelText: t('common.cancel'),
    onOk: async () => {
      try {
        await remove.run(undefined);
      } catch (e) {
        showError(e);
      }
    },
  });
  return (
    <Button danger icon={<DeleteOutlined />} loading={remove.saving} onClick={ask} data-testid="key-moment-delete">{t('keyMoment.delete')}</Button>
  );
}
