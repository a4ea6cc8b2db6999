import { Button, Card, List, Popconfirm, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { formatDate } from '../../../app/format';
import { useI18n } from '../../../app/i18n';
import { useApiMutation, useApiQuery } from '../../../app/useApi';
import { investmentApi, type FeeAudit } from '../api/investment.api';
import { AuditDrawer } from './AuditDrawer';

/** The year's internal and external audits of the safety fee and their rectification. */
export function AuditsCard({ enterpriseId, year }: { enterpriseId: string; year: number }) {
  const { t } = useI18n();
  const q = useApiQuery(['investment', enterpriseId, 'audits', year], (signal) => investmentApi.audits(enterpriseId, year, signal));
  const [editing, setEditing] = useState<FeeAudit | null | undefined>(undefined);
  const remove = useApiMutation((id: string) => investmentApi.deleteAudit(enterpriseId, id), { invalidates: [['investment', enterpriseId, 'audits']] });
  const canManage = q.data?.abilities.canManage ?? false;
  return (
    <Card size="small" title={t('investment.audits.title')} data-testid="investment-audits"
      extra={canManage && <Button onClick={() => setEditing(null)}>{t('investment.audits.add')}</Button>}>
      <List<FeeAudit> loading={q.loading} dataSource={q.data?.items ?? []} locale={{ emptyText: t('investment.audits.empty') }}
        renderItem={(a) => (
          <List.Item actions={canManage ? [
            <Button key="e" type="link" size="small" onClick={() => setEditing(a)}>{t('common.edit')}</Button>,
            <Popconfirm key="d" title={t('common.delete')} onConfirm={() => remove.run(a.id).catch(() => undefined)}><Button type="link" size="small" danger>{t('common.delete')}</Button></Popconfirm>,
          ] : []}>
            <List.Item.Meta
              title={<Space wrap><span>{formatDate(a.auditedOn)}</span><Tag>{t(a.kind === 'internal' ? 'investment.audits.internal' : 'investment.audits.external')}</Tag><span>{a.auditor}</span>
                <Tag color={a.rectified ? 'success' : 'warning'}>{t(a.rectified ? 'investment.audits.rectified' : 'investment.audits.open')}</Tag></Space>}
              description={<>
                {a.findings && <Typography.Paragraph style={{ marginBottom: 4 }}>{t('investment.audits.findings')}：{a.findings}</Typography.Paragraph>}
                {a.rectification && <Typography.Paragraph type="secondary" style={{ marginBottom: 0 }}>{t('investment.audits.rectification')}：{a.rectification}</Typography.Paragraph>}
              </>}
            />
          </List.Item>
        )} />
      {editing !== undefined && <AuditDrawer enterpriseId={enterpriseId} year={year} audit={editing} onClose={() => setEditing(undefined)} />}
    </Card>
  );
}
