import { Space, Tag } from 'antd';
import { useI18n } from '../../../app/i18n';
import type { UserRow } from '../api/users.api';

export function UserStatusTags({ user }: { user: UserRow }) {
  const { t } = useI18n();
  const tags = [
    user.disabled && <Tag key="d" color="default">{t('user.disabled')}</Tag>,
    user.locked && <Tag key="l" color="red">{t('user.locked')}</Tag>,
    user.mustChangePassword && <Tag key="m" color="orange">{t('user.mustChange')}</Tag>,
  ].filter(Boolean);
  return <Space size={4} wrap>{tags.length > 0 ? tags : <Tag color="green">{t('user.normal')}</Tag>}</Space>;
}
