import { useState } from 'react';
import { EditOutlined, FileAddOutlined, LinkOutlined, PrinterOutlined, SendOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Descriptions, Empty, Flex, List, Spin, Tag, Typography } from 'antd';
import { Link, useSearchParams } from 'react-router';
import { useMe } from '../../../app/auth';
import { ErrorState } from '../../../app/components/ErrorState';
import { PageHeader } from '../../../app/components/PageHeader';
import { SignDialog } from '../../../app/components/SignDialog';
import { useShowError } from '../../../app/errors';
import { formatDate, formatDateTime } from '../../../app/format';
import { useI18n } from '../../../app/i18n';
import { MEANING_TAG } from '../../../app/palette';
import { useApiMutation, useApiQuery } from '../../../app/useApi';
import { periodLabel } from '../../../../../src/platform/period-labels';
import { commitmentQueries, lettersApi, type Commitment } from '../api/letters.api';
import { CommitmentDraftDrawer, CommitmentEditDrawer } from '../components/CommitmentDrawers';
import { CommitmentSheet } from '../components/CommitmentSheet';

const STATUS_MEANING = { draft: 'warning', signed: 'done', superseded: 'none' } as const;

/**
 * 安全承诺 (R-COM-1): the current commitment or the draft, its figures, and what the caller may do with it — draft and
 * edit (managers), sign in person (the principal), print the poster, open the public page, report to the subdistrict.
 */
export function CommitmentPage() {
  const { t, locale } = useI18n();
  const { message } = App.useApp();
  const showError = useShowError();
  const me = useMe();
  const enterpriseId = me.scope.enterpriseId ?? '';
  const [params, setParams] = useSearchParams();
  const [drafting, setDrafting] = useState(false);
  const [editing, setEditing] = useState(false);
  const [signing, setSigning] = useState(false);
  const list = useApiQuery(['commitments', enterpriseId, 'list'], (signal) => lettersApi.commitments(enterpriseId, signal), !!enterpriseId);
  const chosen = params.get('id') ?? list.data?.draftId ?? list.data?.currentId ?? list.data?.items[0]?.id ?? null;
  const one = useApiQuery(['commitments', enterpriseId, 'one', chosen], (signal) => lettersApi.commitment(enterpriseId, chosen!, signal), !!chosen);
  const c = one.data;
  const sign = useApiMutation((v: Parameters<typeof lettersApi.signCommitment>[2]) => lettersApi.signCommitment(enterpriseId, c!.id, v, c!.version), {
    invalidates: commitmentQueries(enterpriseId), onSuccess: () => { void message.success(t('commitment.signed')); setSigning(false); },
  });
  const report = useApiMutation((_: void) => lettersApi.reportCommitment(enterpriseId, c!.id), {
    invalidates: commitmentQueries(enterpriseId), onSuccess: () => void message.success(t('commitment.reportedDone')),
  });
  const show = (id: string) => setParams({ id });

  const figures = (x: Commitment) => (
    <Descriptions size="small" column={1} title={t('commitment.figures')} style={{ marginTop: 16 }}>
      <Descriptions.Item>{t('commitment.figure.risk', { total: x.figures.risk.total, g1: x.figures.risk.byGrade[1], g2: x.figures.risk.byGrade[2], g3: x.figures.risk.byGrade[3], g4: x.figures.risk.byGrade[4] })}</Descriptions.Item>
      <Descriptions.Item>{t('commitment.figure.hazards', { open: x.figures.hazards.open, major: x.figures.hazards.majorOpen })}</Descriptions.Item>
      <Descriptions.Item>{x.figures.investmentWan === null ? t('commitment.figure.noInvestment') : t('commitment.figure.investment', { v: x.figures.investmentWan })}</Descriptions.Item>
      <Descriptions.Item>{t('commitment.figure.staffing', { e: x.figures.staffing.employees, m: x.figures.staffing.safetyManagers })}</Descriptions.Item>
    </Descriptions>
  );

  return (
    <div data-testid="commitment-page">
      <PageHeader
        title={t('commitment.title')}
        extra={list.data?.abilities.canDraft && (
          <Button type="primary" icon={<FileAddOutlined />} onClick={() => setDrafting(true)} data-testid="commitment-new">{t('commitment.draft')}</Button>
        )}
      />
      <Typography.Paragraph type="secondary">{t('commitment.hint')}</Typography.Paragraph>
      {list.error ? <ErrorState error={list.error} onRetry={list.reload} /> : !list.data ? <Spin /> : list.data.items.length === 0 ? <Empty description={t('commitment.empty')} /> : (
        <Flex gap={16} wrap align="flex-start">
          <div style={{ flex: '1 1 560px', minWidth: 0 }}>
            {one.error ? <ErrorState error={one.error} onRetry={one.reload} /> : !c ? <Spin /> : (
              <Card
                size="small"
                title={<Flex gap={8} align="center" wrap>{t('commitment.seq', { n: c.seq })}<Tag color={MEANING_TAG[STATUS_MEANING[c.status]]}>{t(`commitment.status.${c.status}`)}</Tag></Flex>}
                extra={<Flex gap={8} wrap>
                  {c.abilities.canEdit && <Button icon={<EditOutlined />} onClick={() => setEditing(true)} data-testid="commitment-edit-open">{t('commitment.edit')}</Button>}
                  {c.abilities.canSign && <Button type="primary" icon={<EditOutlined />} onClick={() => setSigning(true)} data-testid="commitment-sign">{t('commitment.sign')}</Button>}
                  {c.publicPath && <Link to={`/letters/print/${enterpriseId}/commitments/${c.id}`}><Button icon={<PrinterOutlined />} data-testid="commitment-poster">{t('commitment.poster')}</Button></Link>}
                  {c.publicPath && <a href={c.publicPath} target="_blank" rel="noreferrer"><Button icon={<LinkOutlined />}>{t('commitment.publicLink')}</Button></a>}
                  {c.abilities.canReport && (
                    <Button icon={<SendOutlined />} loading={report.saving} onClick={() => void report.run().catch((e: unknown) => showError(e))} data-testid="commitment-report">{t('commitment.report')}</Button>
                  )}
                </Flex>}
              >
                {c.status === 'draft' && !c.abilities.canSign && <Alert type="info" showIcon style={{ marginBottom: 12 }} message={t('commitment.signOnlyPrincipal')} />}
                {c.status === 'signed' && (
                  <Flex gap={12} wrap style={{ marginBottom: 12 }}>
                    {c.reportedThisPeriod && <Tag color={MEANING_TAG.done}>{t('commitment.reported', { period: periodLabel(c.periodKey, locale) })}</Tag>}
                    {c.lastReportedAt && <Typography.Text type="secondary">{t('commitment.lastReported', { at: formatDateTime(c.lastReportedAt) })}</Typography.Text>}
                  </Flex>
                )}
                <CommitmentSheet c={c} />
                {figures(c)}
              </Card>
            )}
          </div>
          <Card size="small" title={t('commitment.versions')} style={{ flex: '0 1 280px' }}>
            <List
              size="small" dataSource={list.data.items}
              renderItem={(x) => (
                <List.Item onClick={() => show(x.id)} style={{ cursor: 'pointer', background: x.id === chosen ? '#f0f5ff' : undefined }}>
                  <List.Item.Meta
                    title={<Flex gap={6} wrap>{t('commitment.seq', { n: x.seq })}<Tag color={MEANING_TAG[STATUS_MEANING[x.status]]}>{t(`commitment.status.${x.status}`)}</Tag></Flex>}
                    description={`${x.year} · ${x.principalName}${x.signedAt ? ` · ${formatDate(x.signedAt)}` : ''}`}
                  />
                </List.Item>
              )}
            />
          </Card>
        </Flex>
      )}
      {drafting && <CommitmentDraftDrawer enterpriseId={enterpriseId} onClose={() => setDrafting(false)} onDrafted={(d) => { setDrafting(false); show(d.id); }} />}
      {editing && c && <CommitmentEditDrawer enterpriseId={enterpriseId} commitment={c} onClose={() => setEditing(false)} />}
      {signing && c && (
        <SignDialog enterpriseId={enterpriseId} mode="self" title={t('commitment.signTitle')} onSign={sign.run} onClose={() => setSigning(false)} />
      )}
    </div>
  );
}
