import { useState } from 'react';
import { CameraOutlined, EditOutlined, UserSwitchOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Descriptions, Empty, Flex, Image, List, Tag, Typography } from 'antd';
import { Link, useNavigate, useParams } from 'react-router';
import { ErrorState } from '../../../app/components/ErrorState';
import { PageLoading } from '../../../app/components/PageLoading';
import { usePageTitle } from '../../../app/components/PageTitle';
import { formatDateTime } from '../../../app/format';
import { useI18n } from '../../../app/i18n';
import { useApiQuery } from '../../../app/useApi';
import { keyMomentsApi } from '../api/key-moments.api';
import { DeleteMomentButton } from '../components/DeleteMomentButton';
import { EditMomentDrawer } from '../components/EditMomentDrawer';
import { DayTag, KindTag, StateTag } from '../components/KeyMomentTags';
import { LeaderDrawer } from '../components/LeaderDrawer';

/**
 * One key moment: its days, each with its check-ins (photo, place, note, who and when) or flagged missed, the on-duty
 * leader (a manager names him), and the holiday or resumption check plans covering it. The one on duty checks in here.
 */
export function KeyMomentDetailPage() {
  const { enterpriseId = '', id = '' } = useParams();
  const { t } = useI18n();
  const navigate = useNavigate();
  const [drawer, setDrawer] = useState<'leader' | 'edit' | null>(null);
  const { data: m, error, loading, reload, setData } = useApiQuery(['key-moments', enterpriseId, 'detail', id], (signal) => keyMomentsApi.get(enterpriseId, id, signal));
  usePageTitle(m?.name);
  if (error) return <ErrorState error={error} onRetry={reload} />;
  if (!m) return loading ? <PageLoading /> : null;

  return (
    <div data-testid="key-moment-detail-page">
      <Card style={{ marginBottom: 16 }}>
        <Flex vertical gap={8}>
          <Flex gap={6} wrap align="center"><KindTag kind={m.kind} /><StateTag state={m.state} /><Tag>{t(`keyMoment.source.${m.source}`)}</Tag></Flex>
          <Typography.Title level={4} style={{ margin: 0 }}>{m.name}</Typography.Title>
          <Typography.Text type="secondary">{m.startsOn === m.endsOn ? m.startsOn : `${m.startsOn} ～ ${m.endsOn}`}</Typography.Text>
          {m.shutdownFrom && m.shutdownTo && <Typography.Text type="secondary">{t('keyMoment.shutdown', { from: m.shutdownFrom, to: m.shutdownTo })}</Typography.Text>}
          <Descriptions size="small" column={{ xs: 1, md: 2 }} items={[
            { key: 'leader', label: t('keyMoment.field.leader'), children: m.leader.isPrincipal ? t('keyMoment.principal') : m.leader.name },
            { key: 'progress', label: t('keyMoment.field.progress'), children: t('keyMoment.progress', { checked: m.checkedDays, days: m.days }) },
            ...(m.note ? [{ key: 'note', label: t('keyMoment.field.note'), children: m.note }] : []),
          ]} />
          {m.missingDays > 0 && <Alert type="error" showIcon title={t('keyMoment.missing', { n: m.missingDays })} />}
          <Flex gap={8} wrap>
            {m.abilities.checkIn && (
              <Link to={`/enterprises/${enterpriseId}/key-moments/${id}/check-in`}>
                <Button type="primary" size="large" icon={<CameraOutlined />} data-testid="key-moment-check-in">{t('keyMoment.checkIn')}</Button>
              </Link>
            )}
            {!m.abilities.checkIn && m.checkInRefusal && m.state === 'ongoing' && (
              <Typography.Text type="secondary">{t(`keyMoment.checkInRefusal.${m.checkInRefusal}`)}</Typography.Text>
            )}
            {m.abilities.manage && <Button icon={<UserSwitchOutlined />} onClick={() => setDrawer('leader')} data-testid="key-moment-name-leader">{t('keyMoment.nameLeader')}</Button>}
            {m.abilities.edit && <Button icon={<EditOutlined />} onClick={() => setDrawer('edit')} data-testid="key-moment-edit-open">{t('keyMoment.edit')}</Button>}
            {m.abilities.delete && <DeleteMomentButton moment={m} onDeleted={() => void navigate(`/enterprises/${enterpriseId}/key-moments`, { replace: true })} />}
          </Flex>
        </Flex>
      </Card>
      <Card title={t('keyMoment.field.days')} style={{ marginBottom: 16 }}>
        <List
          dataSource={m.dayList}
          renderItem={(d) => (
            <List.Item data-testid={`key-moment-day-${d.day}`}>
              <Flex vertical gap={8} style={{ width: '100%' }}>
                <Flex gap={8} align="center"><strong>{d.day}</strong><DayTag status={d.status} /></Flex>
                {d.checkins.map((c) => (
                  <Flex key={c.id} gap={12} align="start" wrap>
                    <Image src={c.photoUrl} width={96} height={72} style={{ objectFit: 'cover', borderRadius: 6 }} alt={t('keyMoment.photo')} />
                    <Flex vertical gap={2}>
                      <span>{c.userName} · {formatDateTime(c.at)}</span>
                      <Typography.Text type="secondary">{t('keyMoment.field.location')}：{c.locationText}</Typography.Text>
                      {c.latitude !== null && c.longitude !== null && (
                        <Typography.Text type="secondary" style={{ fontSize: 12 }}>{t('keyMoment.coordinates', { lat: c.latitude, lng: c.longitude })}</Typography.Text>
                      )}
                      {c.note && <span>{c.note}</span>}
                    </Flex>
                  </Flex>
                ))}
              </Flex>
            </List.Item>
          )}
        />
      </Card>
      <Card title={t('keyMoment.checkPlans')}>
        {m.checkPlans.length === 0 ? <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('keyMoment.checkPlansNone')} /> : (
          <List dataSource={m.checkPlans} renderItem={(p) => (
            <List.Item>
              <Flex gap={8} align="center" wrap>
                <span>{p.name}</span>
                <Typography.Text type="secondary">{p.startsOn}{p.endsOn ? ` ～ ${p.endsOn}` : ''}</Typography.Text>
              </Flex>
            </List.Item>
          )} />
        )}
      </Card>
      {drawer === 'leader' && <LeaderDrawer moment={m} onClose={() => setDrawer(null)} onSaved={(next) => { setData(next); setDrawer(null); }} />}
      {drawer === 'edit' && <EditMomentDrawer moment={m} onClose={() => setDrawer(null)} onSaved={(next) => { setData(next); setDrawer(null); }} />}
    </div>
  );
}
