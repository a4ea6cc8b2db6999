import { useState } from 'react';
import { Modal, Typography } from 'antd';
import { useShowError } from '../../../app/errors';
import { useI18n } from '../../../app/i18n';
import { checksApi, type ChecklistDetail } from '../api/checks.api';
import { PostSelect } from './PostSelect';

type Props = { enterpriseId: string; onClose: () => void; onDone: (c: ChecklistDetail) => void };

/** Builds a post's check card from the control measures of its risk points, or refreshes its risk items. */
export function PostCardFromRiskModal({ enterpriseId, onClose, onDone }: Props) {
  const { t } = useI18n();
  const showError = useShowError();
  const [postId, setPostId] = useState<string | undefined>();
  const [saving, setSaving] = useState(false);
  return (
    <Modal
      open
      title={t('checklist.generateFromRisk')}
      okText={t('checklist.generate')}
      cancelText={t('common.cancel')}
      okButtonProps={{ disabled: !postId }}
      confirmLoading={saving}
      onCancel={onClose}
      onOk={() => {
        if (!postId) return;
        setSaving(true);
        checksApi.postCardFromRisk(enterpriseId, postId).then(onDone).catch(showError).finally(() => setSaving(false));
      }}
    >
      <Typography.Paragraph type="secondary">{t('checklist.generateHint')}</Typography.Paragraph>
      <PostSelect enterpriseId={enterpriseId} value={postId} onChange={setPostId} />
    </Modal>
  );
}
