import { useState } from 'react';
import { Modal, Typography } from 'antd';
import { useShowError } from '../../../app/errors';
import { useI18n } from '../../../app/i18n';
import { useApiMutation } from '../../../app/useApi';
import { checksApi, type ChecklistDetail } from '../api/checks.api';
import { PostSelect } from './PostSelect';

type Props = { enterpriseId: string; onClose: () => void; onDone: (c: ChecklistDetail) => void };

/** Builds a post's check card from the control measures of its risk points, or refreshes its risk items. */
export function PostCardFromRiskModal({ enterpriseId, onClose, onDone }: Props) {
  const { t } = useI18n();
  const showError = useShowError();
  const [postId, setPostId] = useState<string | undefined>();
  const generate = useApiMutation((post: string) => checksApi.postCardFromRisk(enterpriseId, post), {
    invalidates: [['checklists', enterpriseId]],
    onSuccess: onDone,
  });
  return (
    <Modal
      open
      title={t('checklist.generateFromRisk')}
      okText={t('checklist.generate')}
      cancelText={t('common.cancel')}
      okButtonProps={{ disabled: !postId }}
      confirmLoading={generate.saving}
      onCancel={onClose}
      onOk={() => {
        if (!postId) return;
        generate.run(postId).catch(showError);
      }}
    >
      <Typography.Paragraph type="secondary">{t('checklist.generateHint')}</Typography.Paragraph>
      <PostSelect enterpriseId={enterpriseId} value={postId} onChange={setPostId} />
    </Modal>
  );
}
