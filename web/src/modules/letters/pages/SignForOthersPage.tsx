import { useState } from 'react';
import { EditOutlined } from '@ant-design/icons';
import { App, Button, Card, Empty, Flex, List, Typography } from 'antd';
import { useParams } from 'react-router';
import { useMe } from '../../../app/auth';
import { ErrorState } from '../../../app/components/ErrorState';
import { PageHeader } from '../../../app/components/PageHeader';
import { SignDialog } from '../../../app/components/SignDialog';
import { useI18n } from '../../../app/i18n';
import { useApiMutation, useApiQuery } from '../../../app/useApi';
import { letterQueries, lettersApi, type LetterRow } from '../api/letters.api';
import { LetterSheet } from '../components/LetterSheet';

/**
 * 代签: a team leader's (or a kiosk's) page for the people of his branch who have no account. Each reads their letter
 * here, draws their signature on this device and types the last four of their ID number (R-RESP-3, issue 11 §3).
 */
export function SignForOthersPage() {
  const { t } = useI18n();
  const { message } = App.useApp();
  const me = useMe();
  const enterpriseId = me.scope.enterpriseId ?? '';
  const { id = '' } = useParams();
  const [open, setOpen] = useState<LetterRow | null>(null);
  const [signing, setSigning] = useState(false);
  const query = { status: 'pending', withoutAccount: 'true', pageSize: 200, sort: 'unit' };
  const people = useApiQuery(['letters', enterpriseId, 'campaign', id, 'proxy'], (signal) => lettersApi.letters(enterpriseId, id, query, signal), !!enterpriseId);
  const letter = useApiQuery(['letters', enterpriseId, 'letter', open?.id], (signal) => lettersApi.letter(enterpriseId, open!.id, signal), !!open);
  const sign = useApiMutation((v: Parameters<typeof lettersApi.sign>[2]) => {
    const target = (people.data?.items ?? []).find((l) => l.employeeId === (v.method === 'proxy_pad' ? v.employeeId : ''));
    return lettersApi.sign(enterpriseId, target?.id ?? open!.id, v);
  }, {
    invalidates: letterQueries(enterpriseId),
    onSuccess: (l) => { void message.success(t('letters.proxy.done', { name: l.employeeName })); setSigning(false); setOpen(null); },
  });
  const items = people.data?.items ?? [];

  return (
    <div data-testid="sign-for-others-page">
      <PageHeader title={t('letters.proxy.title')} />
      <Typography.Paragraph type="secondary">{t('letters.proxy.hint')}</Typography.Paragraph>
      {people.error ? <ErrorState error={people.error} onRetry={people.reload} /> : open ? (
        <Card size="small" extra={<Button onClick={() => setOpen(null)}>{t('common.back')}</Button>}>
          {letter.data && <LetterSheet letter={letter.data} />}
          <Flex justify="center" style={{ marginTop: 16 }}>
            <Button type="primary" size="large" icon={<EditOutlined />} disabled={!letter.data?.abilities.canSignForOther} onClick={() => setSigning(true)} data-testid="proxy-sign">
              {t('letters.proxy.sign')}
            </Button>
          </Flex>
        </Card>
      ) : items.length === 0 && !people.loading ? <Empty description={t('letters.proxy.empty')} /> : (
        <List
          loading={people.loading} dataSource={items} data-testid="proxy-people"
          renderItem={(l) => (
            <List.Item onClick={() => setOpen(l)} style={{ cursor: 'pointer' }} actions={[<Button key="open" type="link">{t('letters.proxy.sign')}</Button>]}>
              <List.Item.Meta title={l.employeeName} description={l.orgUnitName} />
            </List.Item>
          )}
        />
      )}
      {signing && open && (
        <SignDialog
          enterpriseId={enterpriseId} mode="other" title={letter.data?.title ?? t('letters.proxy.sign')}
          people={items.map((l) => ({ id: l.employeeId, name: l.employeeName, hint: l.orgUnitName }))} defaultPerson={open.employeeId}
          onSign={sign.run} onClose={() => setSigning(false)}
        />
      )}
    </div>
  );
}
