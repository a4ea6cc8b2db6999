import { Alert, Button, Descriptions, Modal, Typography } from 'antd';
import { useI18n } from '../../../app/i18n';

/** The initial password is shown once, here, and never again: the server keeps only its hash. */
export function InitialPasswordModal({ username, password, onClose }: { username: string; password: string; onClose: () => void }) {
  const { t } = useI18n();
  return (
    <Modal
      open
      title={t('user.initialPasswordTitle')}
      onCancel={onClose}
      maskClosable={false}
      footer={<Button type="primary" onClick={onClose} data-testid="initial-password-done">{t('user.initialPasswordDone')}</Button>}
    >
      <Alert type="warning" showIcon title={t('user.initialPasswordHint')} style={{ marginBottom: 16 }} />
      <Descriptions
        column={1}
        bordered
        size="small"
        items={[
          { key: 'u', label: t('user.username'), children: username },
          {
            key: 'p',
            label: t('user.initialPassword'),
            children: (
              <Typography.Text copyable={{ text: password, tooltips: [t('common.copy'), t('common.copied')] }} code data-testid="initial-password">
                {password}
              </Typography.Text>
            ),
          },
        ]}
      />
    </Modal>
  );
}
