import { useState } from 'react';
import { EditOutlined, PrinterOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Empty, Flex, Spin } from 'antd';
import { Link } from 'react-router';
import { ErrorState } from '../../../app/components/ErrorState';
import { PageHeader } from '../../../app/components/PageHeader';
import { SignDialog } from '../../../app/components/SignDialog';
import { useI18n } from '../../../app/i18n';
import { useApiMutation, useApiQuery } from '../../../app/useApi';
import { letterQueries, lettersApi, type LetterDetail } from '../api/letters.api';
import { LetterStatusTag } from '../components/LetterTags';
import { LetterSheet } from '../components/LetterSheet';

/** 我的责任书: the person's letters on a phone, the pending one first: read it, then sign with the pad or the password. */
export function MyLettersPage() {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [signing, setSigning] = useState<LetterDetail | null>(null);
  const mine = useApiQuery(['letters', 'mine'], (signal) => lettersApi.mine(signal));
  const sign = useApiMutation((v: Parameters<typeof lettersApi.sign>[2]) => lettersApi.sign(signing!.enterpriseId, signing!.id, v), {
    invalidates: signing ? letterQueries(signing.enterpriseId) : [['letters']],
    onSuccess: () => { void message.success(t('letters.mine.signed')); setSigning(null); },
  });
  const items = [...(mine.data?.items ?? [])].sort((a, b) => Number(b.abilities.canSign) - Number(a.abilities.canSign));

  return (
    <div data-testid="my-letters-page" style={{ maxWidth: 800, margin: '0 auto' }}>
      <PageHeader title={t('letters.mine.title')} />
      {mine.error ? <ErrorState error={mine.error} onRetry={mine.reload} /> : !mine.data ? <Spin /> : items.length === 0 ? <Empty description={t('letters.mine.empty')} /> : (
        <Flex vertical gap={16}>
          {items.map((l) => (
            <Card key={l.id} size="small" title={<Flex gap={8} align="center" wrap>{`${l.year} ${l.title}`}<LetterStatusTag status={l.status} /></Flex>}
              extra={<Link to={`/letters/print/${l.enterpriseId}/letters/${l.id}`}><PrinterOutlined /> {t('letters.print')}</Link>} data-testid="my-letter">
              {l.abilities.canSign && l.dueOn && <Alert type="warning" showIcon style={{ marginBottom: 12 }} message={t('letters.mine.due', { date: l.dueOn })} />}
              <LetterSheet letter={l} />
              {l.abilities.canSign && (
                <Flex justify="center" style={{ marginTop: 16 }}>
                  <Button type="primary" size="large" icon={<EditOutlined />} onClick={() => setSigning(l)} data-testid="my-letter-sign">{t('letters.mine.sign')}</Button>
                </Flex>
              )}
            </Card>
          ))}
        </Flex>
      )}
      {signing && (
        <SignDialog enterpriseId={signing.enterpriseId} mode="self" title={`${signing.year} ${signing.title}`} onSign={sign.run} onClose={() => setSigning(null)} />
      )}
    </div>
  );
}
