import { useState } from 'react';
import { CheckOutlined, EditOutlined, PlusOutlined, StopOutlined } from '@ant-design/icons';
import { App, Button, Card, Descriptions, Empty, Flex, List, Tag, Timeline, Typography } from 'antd';
import { useParams } from 'react-router';
import { ErrorState } from '../../../app/components/ErrorState';
import { PageLoading } from '../../../app/components/PageLoading';
import { usePageTitle } from '../../../app/components/PageTitle';
import { useShowError } from '../../../app/errors';
import { formatDate, formatDateTime } from '../../../app/format';
import { useI18n } from '../../../app/i18n';
import { MEANING_TAG } from '../../../app/palette';
import { useApiMutation, useApiQuery } from '../../../app/useApi';
import { keyMomentsApi, mentoringQueries } from '../api/key-moments.api';
import { MentorshipStatusTag } from '../components/KeyMomentTags';
import { MentorshipFormDrawer } from '../components/MentorshipFormDrawer';
import { ReasonDrawer } from '../components/ReasonDrawer';
import { SkillDrawer } from '../components/SkillDrawer';

/** One mentorship: mentor, apprentice, post, period; its skills, which the mentor signs off; complete, edit, cancel. */
export function MentorshipDetailPage() {
  const { enterpriseId = '', id = '' } = useParams();
  const { t } = useI18n();
  const { modal } = App.useApp();
  const showError = useShowError();
  const [drawer, setDrawer] = useState<'edit' | 'skill' | 'cancel' | null>(null);
  const { data: m, error, loading, reload, setData } = useApiQuery(['mentoring', enterpriseId, 'detail', id], (signal) => keyMomentsApi.mentorship(enterpriseId, id, signal));
  const invalidates = mentoringQueries(enterpriseId);
  const sign = useApiMutation((skillId: string) => keyMomentsApi.signSkill(enterpriseId, id, skillId), { invalidates, onSuccess: setData });
  const remove = useApiMutation((skillId: string) => keyMomentsApi.removeSkill(enterpriseId, id, skillId), { invalidates, onSuccess: setData });
  const complete = useApiMutation((version: number) => keyMomentsApi.complete(enterpriseId, id, version), { invalidates, onSuccess: setData });
  const cancel = useApiMutation((reason: string) => keyMomentsApi.cancel(enterpriseId, id, reason, m?.version ?? 1), {
    invalidates, onSuccess: (next) => { setData(next); setDrawer(null); },
  });
  usePageTitle(m ? `${m.mentor.name} → ${m.apprentice.name}` : null);
  if (error) return <ErrorState error={error} onRetry={reload} />;
  if (!m) return loading ? <PageLoading /> : null;
  const run = (p: Promise<unknown>) => { p.catch((e: unknown) => showError(e)); };

  return (
    <div data-testid="mentorship-detail-page" data-status={m.status}>
      <Card style={{ marginBottom: 16 }}>
        <Flex vertical gap={8}>
          <Flex gap={6} align="center" wrap><MentorshipStatusTag status={m.status} />{m.overdue && <Tag color={MEANING_TAG.danger}>{t('mentorship.overdue')}</Tag>}</Flex>
          <Descriptions size="small" column={{ xs: 1, md: 2 }} items={[
            { key: 'mentor', label: t('mentorship.field.mentor'), children: m.mentor.unitName ? `${m.mentor.name}（${m.mentor.unitName}）` : m.mentor.name },
            { key: 'apprentice', label: t('mentorship.field.apprentice'), children: m.apprentice.unitName ? `${m.apprentice.name}（${m.apprentice.unitName}）` : m.apprentice.name },
            { key: 'post', label: t('mentorship.field.post'), children: m.postName ?? '—' },
            { key: 'period', label: t('mentorship.field.period'), children: `${m.startsOn} ～ ${m.endsOn}` },
            ...(m.note ? [{ key: 'note', label: t('mentorship.field.note'), children: m.note }] : []),
            ...(m.cancelReason ? [{ key: 'reason', label: t('mentorship.cancelReason'), children: m.cancelReason }] : []),
          ]} />
          <Flex gap={8} wrap>
            {m.abilities.complete && (
              <Button type="primary" icon={<CheckOutlined />} loading={complete.saving} data-testid="mentorship-complete"
                onClick={() => modal.confirm({ title: t('mentorship.complete'), content: t('mentorship.completeHint'), okText: t('mentorship.complete'), cancelText: t('common.cancel'),
                  onOk: () => run(complete.run(m.version)) })}>{t('mentorship.complete')}</Button>
            )}
            {m.abilities.update && <Button icon={<EditOutlined />} onClick={() => setDrawer('edit')}>{t('mentorship.edit')}</Button>}
            {m.abilities.cancel && <Button danger icon={<StopOutlined />} onClick={() => setDrawer('cancel')}>{t('mentorship.cancel')}</Button>}
          </Flex>
        </Flex>
      </Card>
      <Card title={t('mentorship.field.skills')} style={{ marginBottom: 16 }}
        extra={m.abilities.addSkill && <Button icon={<PlusOutlined />} onClick={() => setDrawer('skill')}>{t('mentorship.skill.add')}</Button>}>
        {m.skillList.length === 0 ? <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('mentorship.skill.none')} /> : (
          <List dataSource={m.skillList} renderItem={(s) => (
            <List.Item data-testid={`mentorship-skill-${s.id}`} actions={[
              ...(s.abilities.sign ? [<Button key="sign" type="primary" size="small" loading={sign.saving && sign.input === s.id} onClick={() => run(sign.run(s.id))}>{t('mentorship.skill.sign')}</Button>] : []),
              ...(s.abilities.remove ? [<Button key="remove" size="small" danger onClick={() => run(remove.run(s.id))}>{t('mentorship.skill.remove')}</Button>] : []),
            ]}>
              <Flex vertical gap={2}>
                <Flex gap={6} align="center"><Tag>{t(`mentorship.skill.kind.${s.kind}`)}</Tag><span>{s.title}</span></Flex>
                {s.signedAt && <Typography.Text type="success" style={{ fontSize: 12 }}>{t('mentorship.skill.signed', { name: s.signedByName ?? '', at: formatDate(s.signedAt) })}</Typography.Text>}
              </Flex>
            </List.Item>
          )} />
        )}
      </Card>
      <Card title={t('mentorship.history')}>
        <Timeline items={m.events.map((e, i) => ({ key: i, children: `${formatDateTime(e.at)} ${t(`mentorship.op.${e.op}`)} ${e.actorName ?? ''}${e.note ? `：${e.note}` : ''}` }))} />
      </Card>
      {drawer === 'edit' && <MentorshipFormDrawer enterpriseId={enterpriseId} mentorship={m} onClose={() => setDrawer(null)} onSaved={(next) => { setData(next); setDrawer(null); }} />}
      {drawer === 'skill' && <SkillDrawer mentorship={m} onClose={() => setDrawer(null)} onSaved={(next) => { setData(next); setDrawer(null); }} />}
      {drawer === 'cancel' && <ReasonDrawer saving={cancel.saving} onSubmit={(reason) => cancel.run(reason)} onClose={() => setDrawer(null)} />}
    </div>
  );
}
