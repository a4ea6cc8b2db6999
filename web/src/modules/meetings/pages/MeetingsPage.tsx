import { Typography } from 'antd';
import { useParams, useSearchParams } from 'react-router';
import { PageHeader } from '../../../app/components/PageHeader';
import { useI18n } from '../../../app/i18n';
import { MEETING_TYPES, type MeetingType } from '../api/meetings.api';
import { MeetingList } from '../components/MeetingList';

/** 安全会议: an enterprise's meeting records; `?record=<type>` (a duty's link) opens the recorder at once. */
export function MeetingsPage() {
  const { enterpriseId = '' } = useParams();
  const [params] = useSearchParams();
  const { t } = useI18n();
  const asked = params.get('record');
  const recordType = asked && (MEETING_TYPES as readonly string[]).includes(asked) ? asked as MeetingType : null;
  return (
    <div data-testid="meetings-page">
      <PageHeader title={t('meeting.title')} />
      <Typography.Paragraph type="secondary">{t('meeting.hint')}</Typography.Paragraph>
      <MeetingList enterpriseId={enterpriseId} recordType={recordType} />
    </div>
  );
}
