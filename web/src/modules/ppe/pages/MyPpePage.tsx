import { App, Button, Card, Empty, Flex, Skeleton, Tag, Typography } from 'antd';
import { useState } from 'react';
import { ErrorState } from '../../../app/components/ErrorState';
import { PageHeader } from '../../../app/components/PageHeader';
import { SignDialog } from '../../../app/components/SignDialog';
import { MEANING_TAG } from '../../../app/palette';
import { useApiMutation, useApiQuery } from '../../../app/useApi';
import { useMe } from '../../../app/auth';
import { ppeApi, ppeQueries, type PpeIssue } from '../api/ppe.api';
import { IssueStatusTag } from '../components/IssueStatusTag';
import { useI18n } from '../../../app/i18n';

/**
 * 我的劳动防护用品 (R-PPE-1), on a phone: what the person was issued, awaiting his receipt first, which he signs with his
 * drawn signature or password; and what his posts require, with whether he holds it.
 */
export function MyPpePage() {
  const { t } = useI18n();
  const { message } = App.useApp();
  const me = useMe();
  const mine = useApiQuery(['ppe', 'mine'], (signal) => ppeApi.mine(signal));
  const [signing, setSigning] = useState<PpeIssue | null>(null);
  const sign = useApiMutation((i: { id: string; body: Parameters<typeof ppeApi.signMine>[1] }) => ppeApi.signMine(i.id, i.body),
    { invalidates: ppeQueries(me.scope.enterpriseId ?? undefined), onSuccess: () => { void message.success(t('myPpe.signed')); setSigning(null); } });
  if (mine.error) return <ErrorState error={mine.error} onRetry={mine.reload} />;
  const d = mine.data;
  const issues = d ? [...d.issues].sort((a, b) => Number(b.status === 'awaiting') - Number(a.status === 'awaiting')) : [];
  return (
    <div data-testid="my-ppe-page">
      <PageHeader title={t('myPpe.title')} />
      <Typography.Paragraph type="secondary">{t('myPpe.hint')}</Typography.Paragraph>
      {!d ? <Skeleton active /> : !d.person ? <Empty description={t('myPpe.noPerson')} /> : (
        <>
          {issues.length === 0 ? <Empty description={t('myPpe.none')} /> : (
            <Flex vertical gap={8} data-testid="my-ppe-issues">
              {issues.map((i) => (
                <Card key={i.id} size="small" data-testid="my-ppe-issue"
                  title={<Flex wrap gap={6} align="center">{`${i.itemName} × ${i.quantity}`}<IssueStatusTag issue={i} /></Flex>}
                  extra={i.status === 'awaiting' && <Button type="primary" onClick={() => setSigning(i)} data-testid="my-ppe-sign">{t('myPpe.sign')}</Button>}>
                  <div>{`${t('ppe.col.issuedOn')} ${i.issuedOn} · ${t('ppe.col.next')} ${i.nextReplacement ?? t('ppe.cycle.none')}`}</div>
                  {i.standard && <Typography.Text type="secondary" style={{ fontSize: 12 }}>{i.standard}</Typography.Text>}
                </Card>
              ))}
            </Flex>
          )}
          {d.required.length > 0 && (
            <Card size="small" title={t('myPpe.required')} style={{ marginTop: 16 }}>
              <Flex wrap gap={6}>
                {d.required.map((r) => (
                  <Tag key={`${r.postName}:${r.item}`} color={r.issued ? MEANING_TAG.done : MEANING_TAG.warning}>
                    {`${r.itemName} × ${r.quantity}（${r.issued ? t('myPpe.issued') : t('myPpe.notIssued')}）`}
                  </Tag>
                ))}
              </Flex>
            </Card>
          )}
        </>
      )}
      {signing && me.scope.enterpriseId && (
        <SignDialog enterpriseId={me.scope.enterpriseId} mode="self" title={t('ppe.signFor.title')}
          intro={t('ppe.signFor.intro', { name: signing.employeeName, item: signing.itemName, quantity: signing.quantity, issuedOn: signing.issuedOn })}
          onSign={async (o) => {
            if (o.method === 'pad') await sign.run({ id: signing.id, body: { method: 'pad', imageAttachmentId: o.imageAttachmentId, device: o.device } });
            else if (o.method === 'password') await sign.run({ id: signing.id, body: { method: 'password', password: o.password, device: o.device } });
          }}
          onClose={() => setSigning(null)} />
      )}
    </div>
  );
}
