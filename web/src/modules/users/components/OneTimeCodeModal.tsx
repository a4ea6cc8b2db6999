import { Alert, Button, Descriptions, Modal, Typography } from 'antd';
import { formatDateTime } from '../../../app/format';
import { useI18n } from '../../../app/i18n';
import type { OneTimeCode } from '../api/users.api';

/**
 * The one-time sign-in code of a new or reset account, shown once, here, with its expiry: the server keeps only its
 * hash. The user signs in with it and chooses a password nobody else sees (D2).
 */
export function OneTimeCodeModal({ username, code, onClose }: { username: string; code: OneTimeCode; onClose: () => void }) {
  const { t } = useI18n();
  return (
    <Modal
      open
      title={t('user.oneTimeCodeTitle')}
      onCancel={onClose}
      maskClosable={false}
      footer={<Button type="primary" onClick={onClose} data-testid="one-time-code-done">{t('user.oneTimeCodeDone')}</Button>}
    >
      <Alert type="warning" showIcon title={t('user.oneTimeCodeHint')} style={{ marginBottom: 16 }} />
      <Descriptions
        column={1}
        bordered
        size="small"
        items={[
          { key: 'u', label: t('user.username'), children: username },
          {
            key: 'c',
            label: t('user.oneTimeCode'),
            children: (
              <Typography.Text copyable={{ text: code.oneTimeCode, tooltips: [t('common.copy'), t('common.copied')] }} code data-testid="one-time-code">
                {code.oneTimeCode}
              </Typography.Text>
            ),
          },
          { key: 'e', label: t('user.oneTimeCodeExpires'), children: <span data-testid="one-time-code-expires">{formatDateTime(code.expiresAt)}</span> },
        ]}
      />
    </Modal>
  );
}
