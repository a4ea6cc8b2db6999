import { useState } from 'react';
import { EditOutlined, FileAddOutlined, PrinterOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, DatePicker, Empty, Flex, List, Spin, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { Link } from 'react-router';
import { useMe } from '../../../app/auth';
import { ErrorState } from '../../../app/components/ErrorState';
import { PageHeader } from '../../../app/components/PageHeader';
import { SignDialog } from '../../../app/components/SignDialog';
import { formatTime } from '../../../app/format';
import { useI18n } from '../../../app/i18n';
import { MEANING_TAG } from '../../../app/palette';
import { useApiMutation, useApiQuery } from '../../../app/useApi';
import { lettersApi, noticeQueries } from '../api/letters.api';
import { DailyNoticeDrawer } from '../components/DailyNoticeDrawer';
import { DailyNoticeSheet } from '../components/DailyNoticeSheet';

const STATUS_MEANING = { draft: 'warning', posted: 'done' } as const;

/**
 * 风险研判与承诺公告 (R-COM-1, issue 11 §6) of a hazardous-chemical enterprise: today's notice — filled in by the principal
 * or a safety manager, signed by the principal in person, which posts it — printed for the gate, and the month's
 * history with its posted and owed days.
 */
export function DailyNoticePage() {
  const { t } = useI18n();
  const { message } = App.useApp();
  const me = useMe();
  const enterpriseId = me.scope.enterpriseId ?? '';
  const [month, setMonth] = useState<string | undefined>();
  const [picked, setPicked] = useState<string | null>(null);
  const [filling, setFilling] = useState(false);
  const [editing, setEditing] = useState(false);
  const [signing, setSigning] = useState(false);
  const list = useApiQuery(['daily-notices', enterpriseId, 'month', month ?? ''], (signal) => lettersApi.noticeMonth(enterpriseId, month, signal), !!enterpriseId);
  const m = list.data;
  const chosen = picked ?? m?.todayNotice?.id ?? null;
  const one = useApiQuery(['daily-notices', enterpriseId, 'one', chosen], (signal) => lettersApi.notice(enterpriseId, chosen!, signal), !!chosen);
  const n = one.data;
  const sign = useApiMutation((o: Parameters<typeof lettersApi.signNotice>[2]) => lettersApi.signNotice(enterpriseId, n!.id, o, n!.version), {
    invalidates: noticeQueries(enterpriseId), onSuccess: () => { void message.success(t('dailyNotice.posted')); setSigning(false); },
  });

  return (
    <div data-testid="daily-notice-page">
      <PageHeader
        title={t('dailyNotice.title')}
        sub={m ? t('dailyNotice.monthCounts', { posted: m.postedDays, owed: m.owedDays }) : undefined}
        extra={m?.abilities.canDraft && (
          <Button type="primary" icon={<FileAddOutlined />} onClick={() => setFilling(true)} data-testid="daily-notice-fill">{t('dailyNotice.fill')}</Button>
        )}
      />
      <Typography.Paragraph type="secondary">{t('dailyNotice.hint')}</Typography.Paragraph>
      {list.error ? <ErrorState error={list.error} onRetry={list.reload} /> : !m ? <Spin /> : (
        <>
          {!m.applies && <Alert type="info" showIcon style={{ marginBottom: 12 }} message={t('dailyNotice.notApplicable')} />}
          {m.applies && !m.todayNotice && (
            <Alert type="warning" showIcon style={{ marginBottom: 12 }} message={t('dailyNotice.todayMissing', { day: m.today })} />
          )}
          <Flex gap={16} wrap align="flex-start">
            <div style={{ flex: '1 1 520px', minWidth: 0 }}>
              {!chosen ? <Empty description={t('dailyNotice.empty')} /> : one.error ? <ErrorState error={one.error} onRetry={one.reload} /> : !n ? <Spin /> : (
                <Card
                  size="small"
                  title={<Flex gap={8} align="center" wrap>{n.day}<Tag color={MEANING_TAG[STATUS_MEANING[n.status]]}>{t(`dailyNotice.status.${n.status}`)}</Tag></Flex>}
                  extra={<Flex gap={8} wrap>
                    {n.abilities.canEdit && <Button icon={<EditOutlined />} onClick={() => setEditing(true)} data-testid="daily-notice-edit">{t('dailyNotice.edit')}</Button>}
                    {n.abilities.canSign && <Button type="primary" icon={<EditOutlined />} onClick={() => setSigning(true)} data-testid="daily-notice-sign">{t('dailyNotice.sign')}</Button>}
                    <Link to={`/letters/print/${enterpriseId}/daily-notices/${n.id}`}><Button icon={<PrinterOutlined />} data-testid="daily-notice-print">{t('dailyNotice.print')}</Button></Link>
                  </Flex>}
                >
                  {n.status === 'draft' && !n.abilities.canSign && (
                    <Alert type="info" showIcon style={{ marginBottom: 12 }} message={t(n.today ? 'dailyNotice.signOnlyPrincipal' : 'dailyNotice.notToday')} />
                  )}
                  <DailyNoticeSheet n={n} />
                </Card>
              )}
            </div>
            <Card
              size="small" style={{ flex: '1 1 280px', maxWidth: '100%' }}
              title={t('dailyNotice.history')}
              extra={<DatePicker picker="month" allowClear={false} value={dayjs(`${m.month}-01`)} onChange={(d) => { setMonth(d ? d.format('YYYY-MM') : undefined); setPicked(null); }}
                disabledDate={(d) => d.isAfter(dayjs(m.today), 'month')} data-testid="daily-notice-month" />}
            >
              <List
                size="small" dataSource={m.items} locale={{ emptyText: t('dailyNotice.monthEmpty') }}
                renderItem={(x) => (
                  <List.Item onClick={() => setPicked(x.id)} style={{ cursor: 'pointer', background: x.id === chosen ? '#f0f5ff' : undefined }}>
                    <List.Item.Meta
                      title={<Flex gap={6} wrap>{x.day}<Tag color={MEANING_TAG[STATUS_MEANING[x.status]]}>{t(`dailyNotice.status.${x.status}`)}</Tag></Flex>}
                      description={[
                        t('dailyNotice.brief', { hot: x.hotWork, confined: x.confinedSpace, total: x.specialWorkTotal }),
                        x.postedAt ? t('dailyNotice.postedAtShort', { at: formatTime(x.postedAt) }) : null,
                      ].filter(Boolean).join(' · ')}
                    />
                  </List.Item>
                )}
              />
            </Card>
          </Flex>
        </>
      )}
      {filling && m && (
        <DailyNoticeDrawer enterpriseId={enterpriseId} principalName={m.defaults.principalName} onClose={() => setFilling(false)}
          onSaved={(x) => { setFilling(false); setPicked(x.id); }} />
      )}
      {editing && n && <DailyNoticeDrawer enterpriseId={enterpriseId} notice={n} principalName={n.principalName} onClose={() => setEditing(false)} onSaved={() => setEditing(false)} />}
      {signing && n && (
        <SignDialog enterpriseId={enterpriseId} mode="self" title={t('dailyNotice.signTitle')} intro={<Typography.Paragraph strong>{n.commitment}</Typography.Paragraph>}
          onSign={sign.run} onClose={() => setSigning(false)} />
      )}
    </div>
  );
}
