import { useState } from 'react';
import { EditOutlined, TeamOutlined } from '@ant-design/icons';
import { App, Button, Card, Flex, Tag, Typography } from 'antd';
import { SignDialog, type SignOutcome } from '../../../app/components/SignDialog';
import { useAuth } from '../../../app/auth';
import { formatDateTime } from '../../../app/format';
import { useI18n } from '../../../app/i18n';
import { useApiMutation, useApiQuery } from '../../../app/useApi';
import { drillQueries, drillsApi, type DrillDetail } from '../api/drills.api';

type Props = { enterpriseId: string; drill: DrillDetail; onSigned: (next: DrillDetail) => void };

/**
 * The drill's participants and their sign-in (issue 14 §3, issue 11 §3): a participant signs in on his own phone (a
 * drawn signature or his password); someone without an account signs on the organiser's or a team leader's device
 * ("sign for another": a drawing and the last four of his ID number). A listed participant not signed in shows as
 * listed only.
 */
export function DrillSignIn({ enterpriseId, drill, onSigned }: Props) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const { me } = useAuth();
  const [mode, setMode] = useState<'self' | 'other' | null>(null);
  const roster = useApiQuery(['drills', enterpriseId, 'sign-in', drill.id, drill.version], (signal) => drillsApi.signInRoster(enterpriseId, drill.id, signal));
  const sign = useApiMutation((o: SignOutcome) => drillsApi.signIn(enterpriseId, drill.id, o), {
    invalidates: drillQueries(enterpriseId),
    onSuccess: (next) => { setMode(null); void message.success(t('drill.signIn.done')); onSigned(next); roster.reload(); },
  });
  const items = roster.data?.items ?? [];
  const people = items.filter((p) => !p.signedIn && !p.hasAccount).map((p) => ({ id: p.employeeId, name: p.name, hint: p.unitName ?? undefined }));
  const signedCount = drill.participants.filter((p) => p.signIn === 'signature').length;
  const live = drill.status !== 'voided';
  // Sign for another is for the organiser's or a team leader's device: the server decides who may operate it.
  const operator = Boolean(me) && me?.role !== 'employee';
  return (
    <Card size="small" title={`${t('drill.field.participants')}（${t('drill.signIn.count', { signed: signedCount, total: drill.participants.length })}）`}
      extra={live && (
        <Flex gap={8} wrap>
          {roster.data?.selfPending && <Button size="small" type="primary" icon={<EditOutlined />} onClick={() => setMode('self')} data-testid="drill-sign-self">{t('drill.signIn.self')}</Button>}
          {operator && people.length > 0 && <Button size="small" icon={<TeamOutlined />} onClick={() => setMode('other')} data-testid="drill-sign-other">{t('drill.signIn.other')}</Button>}
        </Flex>
      )}>
      <Flex gap={4} wrap>
        {drill.participants.map((p) => (
          <Tag key={p.employeeId} color={p.signIn === 'signature' ? 'green' : undefined} title={p.signIn === 'signature' && p.signedAt ? formatDateTime(p.signedAt) : undefined}>
            {p.name}{p.signIn === 'signature' ? ` · ${t('drill.signIn.signed')}` : p.signIn === 'qr' ? ` · ${t('drill.signIn.qr')}` : ''}
          </Tag>
        ))}
      </Flex>
      {drill.participants.length > 0 && signedCount < drill.participants.length && live && (
        <Typography.Paragraph type="secondary" style={{ marginTop: 8, marginBottom: 0 }}>{t('drill.signIn.hint')}</Typography.Paragraph>
      )}
      {mode && (
        <SignDialog enterpriseId={enterpriseId} mode={mode} people={people}
          title={mode === 'self' ? t('drill.signIn.selfTitle') : t('drill.signIn.otherTitle')}
          intro={<Typography.Paragraph>{`${drill.planTitle} · ${drill.scenario} · ${formatDateTime(drill.startedAt)} · ${drill.place}`}</Typography.Paragraph>}
          onSign={sign.run} onClose={() => setMode(null)} />
      )}
    </Card>
  );
}
