import { Alert, App, Button, Card, List, Popconfirm, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { SignDialog, type SignOutcome } from '../../../app/components/SignDialog';
import { formatDate, formatDateTime } from '../../../app/format';
import { useI18n } from '../../../app/i18n';
import { useApiMutation, useApiQuery } from '../../../app/useApi';
import { formatMoney, investmentApi, investmentQueries, type Check } from '../api/investment.api';
import { CheckDrawer } from './CheckDrawer';
import { FlagTags } from './FiguresCard';

/**
 * The principal's yearly investment check (R-RESP-5 "ten ones"): the comments recorded, his own signature over the
 * ledger's figures, which fulfils the year's duty and closes the ledger.
 */
export function ChecksCard({ enterpriseId, year, closed }: { enterpriseId: string; year: number; closed: boolean }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const q = useApiQuery(['investment', enterpriseId, 'checks', year], (signal) => investmentApi.checks(enterpriseId, year, signal));
  const [adding, setAdding] = useState(false);
  const [signing, setSigning] = useState<Check | null>(null);
  const invalidates = [...investmentQueries(enterpriseId), ['investment', enterpriseId, 'checks'], ['investment', enterpriseId, 'uses']];
  const sign = useApiMutation((v: SignOutcome) => investmentApi.signCheck(enterpriseId, signing!.id, v), {
    invalidates, onSuccess: () => { void message.success(t('investment.check.done')); setSigning(null); },
  });
  const remove = useApiMutation((id: string) => investmentApi.deleteCheck(enterpriseId, id), { invalidates });
  return (
    <Card size="small" title={t('investment.check.title')} data-testid="investment-checks"
      extra={q.data?.abilities.canCreate && !closed && <Button onClick={() => setAdding(true)}>{t('investment.check.add')}</Button>}>
      <Typography.Paragraph type="secondary">{t('investment.check.hint')}</Typography.Paragraph>
      <List<Check> loading={q.loading} dataSource={q.data?.items ?? []} locale={{ emptyText: t('investment.check.none') }}
        renderItem={(c) => (
          <List.Item actions={[
            ...(c.abilities.canSign ? [<Button key="s" type="primary" size="small" onClick={() => setSigning(c)} data-testid="check-sign">{t('investment.check.sign')}</Button>] : []),
            ...(c.abilities.canDelete ? [<Popconfirm key="d" title={t('common.delete')} onConfirm={() => remove.run(c.id).catch(() => undefined)}><Button type="link" size="small" danger>{t('common.delete')}</Button></Popconfirm>] : []),
          ]}>
            <List.Item.Meta
              title={<Space wrap><span>{formatDate(c.checkedOn)}</span>
                {c.signed ? <Tag color="success">{t('investment.check.signed', { name: c.signedByName ?? '', at: formatDateTime(c.signedAt) })}</Tag> : <Tag color="warning">{t('investment.check.unsigned')}</Tag>}
                <FlagTags figures={c.figures} /></Space>}
              description={<>
                <Typography.Paragraph style={{ marginBottom: 4 }}>{c.comments}</Typography.Paragraph>
                <Typography.Text type="secondary">{t('investment.fig.accrued')} {formatMoney(c.figures.accrued)} · {t('investment.fig.used')} {formatMoney(c.figures.used)} · {t('investment.fig.balance')} {formatMoney(c.figures.balance)}</Typography.Text>
              </>}
            />
          </List.Item>
        )} />
      {adding && <CheckDrawer enterpriseId={enterpriseId} year={year} onClose={() => setAdding(false)} />}
      {signing && (
        <SignDialog enterpriseId={enterpriseId} mode="self" title={t('investment.check.signTitle', { year })} onSign={sign.run} onClose={() => setSigning(null)}
          intro={<><Typography.Paragraph>{signing.comments}</Typography.Paragraph><Alert type="info" showIcon message={t('investment.check.signHint')} /></>} />
      )}
    </Card>
  );
}
