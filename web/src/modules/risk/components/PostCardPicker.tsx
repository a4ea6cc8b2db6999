import { useState } from 'react';
import { Button, Modal, Select } from 'antd';
import { useNavigate } from 'react-router';
import { useI18n } from '../../../app/i18n';
import { useApiQuery } from '../../../app/useApi';
import { orgApi } from '../../org/api/org.api';
import { postLabel } from '../../org/api/post-label';

/** Chooses a post and opens its printable risk-notice card. */
export function PostCardPicker({ enterpriseId, onClose }: { enterpriseId: string; onClose: () => void }) {
  const { t } = useI18n();
  const navigate = useNavigate();
  const [postId, setPostId] = useState<string | undefined>();
  const posts = useApiQuery(['org', enterpriseId, 'posts', 'all'], (signal) => orgApi.posts(enterpriseId, undefined, signal));
  return (
    <Modal
      open
      title={t('risk.card.pickPost')}
      onCancel={onClose}
      footer={[
        <Button key="cancel" onClick={onClose}>{t('common.cancel')}</Button>,
        <Button key="ok" type="primary" disabled={!postId} onClick={() => navigate(`/risk/print/${enterpriseId}/posts/${postId}`)} data-testid="card-open">{t('risk.card.open')}</Button>,
      ]}
    >
      <Select
        style={{ width: '100%' }}
        showSearch={{ optionFilterProp: 'label' }}
        loading={posts.loading}
        value={postId}
        onChange={setPostId}
        placeholder={t('risk.card.pickPost')}
        options={(posts.data ?? []).map((p) => ({ value: p.id, label: postLabel(p) }))}
        data-testid="card-post"
      />
    </Modal>
  );
}
