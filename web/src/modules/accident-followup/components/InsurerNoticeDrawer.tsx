import { Descriptions, Drawer, Skeleton, Tag, Typography } from 'antd';
import { ErrorState } from '../../../app/components/ErrorState';
import { formatDate, formatDateTime } from '../../../app/format';
import { useI18n } from '../../../app/i18n';
import { useApiQuery } from '../../../app/useApi';
import { followupApi, type ClaimStage } from '../api/followup.api';

const STAGE_COLOR: Record<ClaimStage, string> = { notified: 'orange', investigating: 'blue', concluded: 'green' };

/** One accident notice of the insurer (read only): the accident, the policy it fell under, and the investigation's outcome. */
export function InsurerNoticeDrawer({ id, onClose }: { id: string; onClose: () => void }) {
  const { t } = useI18n();
  const { data, error, reload } = useApiQuery(['insurer-notices', 'one', id], (signal) => followupApi.insurerNotice(id, signal));
  const n = data;
  return (
    <Drawer open width={560} onClose={onClose} title={t('accidentFollowup.insurerPage.detail')} data-testid="insurer-notice-drawer">
      {error ? <ErrorState error={error} onRetry={reload} /> : !n ? <Skeleton active /> : (
        <>
          <Typography.Paragraph>{n.summary}</Typography.Paragraph>
          <Descriptions size="small" column={1} items={[
            { key: 'e', label: t('accidentFollowup.board.enterprise'), children: `${n.enterpriseName}（${n.creditCode}）` },
            { key: 'o', label: t('accidentFollowup.occurredAt'), children: formatDateTime(n.occurredAt) },
            { key: 'p', label: t('accidentFollowup.place'), children: n.place || '—' },
            { key: 'g', label: t('accidentFollowup.grade'), children: n.grade ? t(`accidentFollowup.grade.${n.grade}`) : '—' },
            { key: 'c', label: t('accidentFollowup.casualties'), children: t('accidentFollowup.casualtiesText', { deaths: n.deaths, missing: n.missing, serious: n.seriousInjuries, minor: n.minorInjuries }) },
            { key: 'l', label: t('accidentFollowup.loss'), children: n.directLoss },
            { key: 'po', label: t('accidentFollowup.insurerPage.policy'), children: `${n.policyNumber}（${formatDate(n.policyStartsOn)} ~ ${formatDate(n.policyEndsOn)}）` },
            { key: 'na', label: t('accidentFollowup.insurerPage.notifiedAt'), children: `${formatDateTime(n.notifiedAt)} ${n.notifiedByName ?? ''}` },
            { key: 's', label: t('accidentFollowup.insurerPage.stage'), children: <Tag color={STAGE_COLOR[n.claimStage]}>{t(`accidentFollowup.claimStage.${n.claimStage}`)}</Tag> },
            ...(n.conductedBy ? [{ key: 'by', label: t('accidentFollowup.conductedBy'), children: t(`accidentFollowup.conductedBy.${n.conductedBy}`) }] : []),
            ...(n.concludedAt ? [
              { key: 'ca', label: t('accidentFollowup.insurerPage.concludedAt'), children: formatDateTime(n.concludedAt) },
              { key: 'r', label: t('accidentFollowup.responsibility'), children: t(`accidentFollowup.responsibility.${n.responsibilityAccident === null ? 'none' : n.responsibilityAccident ? 'yes' : 'no'}`) },
              { key: 'le', label: t('accidentFollowup.lessons'), children: <span style={{ whiteSpace: 'pre-wrap' }}>{n.lessons || '—'}</span> },
            ] : []),
          ]} />
        </>
      )}
    </Drawer>
  );
}
