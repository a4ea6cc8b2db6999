import { useState } from 'react';
import { Button, Modal, Select } from 'antd';
import { useNavigate } from 'react-router';
import { useI18n } from '../../../app/i18n';
import { useApi } from '../../../app/useApi';
import { orgApi } from '../../org/api/org.api';

/** Chooses a post and opens its printable risk-notice card. */
export function PostCardPicker({ enterpriseId, onClose }: { enterpriseId: string; onClose: () => void }) {
  const { t } = useI18n();
  const navigate = useNavigate();
  const [postId, setPostId] = useState<string | undefined>();
  const units = useApi((signal) => orgApi.units(enterpriseId, signal), [enterpriseId]);
  const posts = useApi((signal) => orgApi.posts(enterpriseId, undefined, signal), [enterpriseId]);
  const unitName = new Map((units.data ?? []).map((u) => [u.id, u.name]));
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
        options={(posts.data ?? []).map((p) => ({ value: p.id, label: `${p.name} · ${unitName.get(p.orgUnitId) ?? ''}` }))}
        data-testid="card-post"
      />
    </Modal>
  );
}
