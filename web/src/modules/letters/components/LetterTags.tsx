import { Tag } from 'antd';
import { useI18n } from '../../../app/i18n';
import { MEANING_TAG } from '../../../app/palette';
import type { LetterStatus } from '../api/letters.api';

// Signed is what finished well (green); not signed is waiting on someone (orange); paper counts, shown apart (blue).
const STATUS_MEANING = { pending: 'warning', signed: 'done', paper: 'normal', left: 'none' } as const;

export function LetterStatusTag({ status }: { status: LetterStatus }) {
  const { t } = useI18n();
  return <Tag color={MEANING_TAG[STATUS_MEANING[status]]}>{t(`letters.status.${status}`)}</Tag>;
}

export function CampaignStatusTag({ status }: { status: 'open' | 'completed' }) {
  const { t } = useI18n();
  return <Tag color={MEANING_TAG[status === 'completed' ? 'done' : 'warning']}>{t(`letters.campaign.${status}`)}</Tag>;
}
