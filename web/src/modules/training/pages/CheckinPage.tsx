import { Button, Card, Result } from 'antd';
import { useState } from 'react';
import { useParams } from 'react-router';
import { useApiMutation } from '../../../app/useApi';
import { trainingApi } from '../api/training.api';
import { useI18n } from '../../../app/i18n';

/** Opened from a session's QR code on the employee's phone: one tap checks him in. */
export function CheckinPage() {
  const { token = '' } = useParams();
  const { t } = useI18n();
  const [done, setDone] = useState<{ title: string; hours: number; already: boolean } | null>(null);
  const go = useApiMutation(() => trainingApi.checkIn(token), { invalidates: [['training', 'me']], onSuccess: (r) => setDone(r) });
  if (done) {
    return <Result status="success" title={done.already ? t('training.checkin.already', { title: done.title }) : t('training.checkin.done', { title: done.title, hours: done.hours })} />;
  }
  return (
    <Card title={t('training.checkin.title')} style={{ maxWidth: 480, margin: '0 auto' }} data-testid="training-checkin">
      <Button type="primary" size="large" block loading={go.saving} onClick={() => go.run(undefined).catch(() => undefined)}>{t('training.checkin.confirm')}</Button>
    </Card>
  );
}
