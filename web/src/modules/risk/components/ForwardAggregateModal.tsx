import { useState } from 'react';
import { Alert, Checkbox, Flex, List, Modal, Spin, Typography } from 'antd';
import { isApiError } from '../../../app/api';
import { ErrorState } from '../../../app/components/ErrorState';
import { useShowError } from '../../../app/errors';
import { formatDateTime } from '../../../app/format';
import { useI18n, type Translate } from '../../../app/i18n';
import { industryName, useReference } from '../../../app/reference';
import { useApiMutation, useApiQuery } from '../../../app/useApi';
import { riskReportApi, type ForwardedAggregate, type ForwardPreview } from '../api/risk-report.api';
import { ReportStatusTag } from './ReportStatusTag';

type Props = { year: number; onClose: () => void; onForwarded: (item: ForwardedAggregate) => void };

/**
 * The subdistrict's confirmation before it forwards the aggregate: how long until 31 December, which enterprises have
 * not submitted (forwarding anyway needs a tick that names their number), and which version this forward will be.
 */
export function ForwardAggregateModal({ year, onClose, onForwarded }: Props) {
  const { t, locale } = useI18n();
  const showError = useShowError();
  const industries = useReference('industries');
  const preview = useApiQuery(['risk', 'reports', 'forward', year], (signal) => riskReportApi.forwardPreview(year, signal));
  const [acknowledged, setAcknowledged] = useState(false);
  // A forward is a new version of the aggregate: the report lists show it as forwarded.
  const send = useApiMutation((acknowledgeMissing: boolean) => riskReportApi.forward(year, acknowledgeMissing), {
    invalidates: [['risk', 'reports']],
    onSuccess: (item) => onForwarded(item),
  });
  const p = preview.data;
  const missing = p?.nonSubmitters.length ?? 0;
  const ready = !!p && !p.unchanged && (missing === 0 || acknowledged);

  const forward = async () => {
    if (!p) return;
    try {
      await send.run(missing > 0);
    } catch (e) {
      showError(e);
      // Someone submitted or the aggregate was forwarded meanwhile: show what a forward would send now.
      if (isApiError(e) && (e.reason === 'MISSING_REPORTS' || e.reason === 'NOTHING_NEW')) {
        setAcknowledged(false);
        preview.reload();
      }
    }
  };

  const industryOf = (code: string) => {
    const i = industries.find((x) => x.code === code);
    return i ? industryName(i, locale) : code;
  };

  return (
    <Modal
      open
      title={t('risk.reports.forwardTitle', { year })}
      onCancel={onClose}
      onOk={() => void forward()}
      okText={t('risk.reports.forward')}
      cancelText={t('common.cancel')}
      confirmLoading={send.saving}
      okButtonProps={{ disabled: !ready, 'data-testid': 'forward-ok' } as Record<`data-${string}`, string>}
      data-testid="forward-modal"
    >
      {preview.error ? <ErrorState error={preview.error} onRetry={preview.reload} /> : !p ? <Spin /> : (
        <Flex vertical gap={12}>
          <Typography.Text strong data-testid="forward-due">{dueText(p, t)}</Typography.Text>
          {p.unchanged ? (
            <Alert type="info" showIcon title={t('risk.reports.unchanged', { version: p.latestVersion ?? 1 })} data-testid="forward-unchanged" />
          ) : missing === 0 ? (
            <Alert type="success" showIcon title={t('risk.reports.allSubmitted', { enterprises: p.enterprises })} />
          ) : (
            <>
              <Alert type="warning" showIcon title={t('risk.reports.missingCount', { count: missing, enterprises: p.enterprises })} />
              <List
                size="small"
                bordered
                style={{ maxHeight: 240, overflowY: 'auto' }}
                dataSource={p.nonSubmitters}
                data-testid="forward-missing"
                renderItem={(n) => (
                  <List.Item key={n.enterpriseId} extra={<ReportStatusTag status={n.status} />}>
                    <Flex vertical>
                      <Typography.Text>{n.enterpriseName}</Typography.Text>
                      <Typography.Text type="secondary" style={{ fontSize: 12 }}>{industryOf(n.industryCode)}</Typography.Text>
                    </Flex>
                  </List.Item>
                )}
              />
              <Checkbox checked={acknowledged} onChange={(e) => setAcknowledged(e.target.checked)} data-testid="forward-acknowledge">
                {t('risk.reports.acknowledgeMissing', { count: missing })}
              </Checkbox>
            </>
          )}
          {!p.unchanged && (
            <Typography.Text type="secondary">
              {p.latestVersion === null
                ? t('risk.reports.firstVersion')
                : t('risk.reports.nextVersion', { version: p.latestVersion, at: formatDateTime(p.forwardedAt), next: p.latestVersion + 1 })}
            </Typography.Text>
          )}
        </Flex>
      )}
    </Modal>
  );
}

function dueText(p: ForwardPreview, t: Translate): string {
  if (p.daysToDue > 0) return t('risk.reports.daysLeft', { date: p.dueDate, days: p.daysToDue });
  if (p.daysToDue === 0) return t('risk.reports.dueToday', { date: p.dueDate });
  return t('risk.reports.daysPast', { date: p.dueDate, days: -p.daysToDue });
}
