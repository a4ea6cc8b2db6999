import type { ReactNode } from 'react';
import { Button, Drawer, Flex } from 'antd';
import { useI18n } from '../../../app/i18n';
import { useDrawerSize } from '../../../app/responsive';

type Props = {
  title: ReactNode;
  okText: ReactNode;
  saving: boolean;
  danger?: boolean;
  disabled?: boolean;
  onOk: () => void;
  onClose: () => void;
  testId: string;
  children: ReactNode;
};

/** The frame of one workflow operation's small form: full screen on a phone, a side panel on a desk. */
export function OpDrawer({ title, okText, saving, danger, disabled, onOk, onClose, testId, children }: Props) {
  const { t } = useI18n();
  const size = useDrawerSize(480);
  return (
    <Drawer
      open
      size={size}
      title={title}
      onClose={onClose}
      destroyOnHidden
      data-testid={testId}
      footer={
        <Flex justify="flex-end" gap={8}>
          <Button onClick={onClose}>{t('common.cancel')}</Button>
          <Button type="primary" danger={danger} loading={saving} disabled={disabled} onClick={onOk} data-testid={`${testId}-ok`}>{okText}</Button>
        </Flex>
      }
    >
      {children}
    </Drawer>
  );
}
