import type { ReactNode } from 'react';
import { App, Card, Flex, Form, InputNumber, Skeleton, Tag, Typography } from 'antd';
import { ErrorState } from '../../../app/components/ErrorState';
import { FormDrawer } from '../../../app/components/FormDrawer';
import { LimitedTextArea } from '../../../app/components/LimitedTextArea';
import { useI18n } from '../../../app/i18n';
import { useApiMutation, useApiQuery } from '../../../app/useApi';
import { dutiesApi, dutyQueries, type Person } from '../api/duties.api';
import { GradeTag } from './GradeTag';

type Values = { scores: Record<string, number | null>; comment: string };

/** The assessor's sheet: one score per duty item of the person's current lists, within its points; the grade follows. */
export function ScoreDrawer({ enterpriseId, campaignId, employeeId, onClose }: { enterpriseId: string; campaignId: string; employeeId: string; onClose: () => void }) {
  const person = useApiQuery(['duties', enterpriseId, 'campaigns', campaignId, 'person', employeeId], (signal) => dutiesApi.person(enterpriseId, campaignId, employeeId, signal));
  if (person.error) return <FormShell onClose={onClose}><ErrorState error={person.error} onRetry={person.reload} /></FormShell>;
  if (!person.data) return <FormShell onClose={onClose}><Skeleton active /></FormShell>;
  return <ScoreForm enterpriseId={enterpriseId} campaignId={campaignId} person={person.data} onClose={onClose} readOnly={!person.data.canScore} />;
}

/** The drawer while the sheet loads or when it cannot. */
function FormShell({ onClose, children }: { onClose: () => void; children: ReactNode }) {
  const { t } = useI18n();
  const [form] = Form.useForm();
  return <FormDrawer title={t('dutyAssess.scoreTitle')} form={form} onSubmit={async () => undefined} saving={false} onClose={onClose} okDisabled>{children}</FormDrawer>;
}

function ScoreForm({ enterpriseId, campaignId, person, onClose, readOnly }: { enterpriseId: string; campaignId: string; person: Person; onClose: () => void; readOnly: boolean }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const save = useApiMutation((v: Values) => dutiesApi.score(enterpriseId, campaignId, person.employeeId, {
    items: person.items.map((i) => ({ key: i.key, score: Number(v.scores[i.key] ?? 0) })), comment: v.comment ?? '',
  }), {
    invalidates: [dutyQueries(enterpriseId).campaigns],
    onSuccess: (p) => { void message.success(t('dutyAssess.scored', { name: p.name, total: p.total ?? 0 })); onClose(); },
  });
  const scores = Form.useWatch('scores', form) ?? {};
  const total = person.items.reduce((s, i) => s + (Number(scores[i.key]) || 0), 0);
  const max = person.items.reduce((s, i) => s + i.points, 0);
  return (
    <FormDrawer<Values>
      title={t('dutyAssess.scoreTitleOf', { name: person.name })}
      form={form}
      width={720}
      initialValues={{ scores: Object.fromEntries(person.items.map((i) => [i.key, i.score])), comment: person.comment }}
      onSubmit={save.run}
      saving={save.saving}
      onClose={onClose}
      okDisabled={readOnly}
      testId="duty-score-drawer"
      intro={(
        <Flex gap={8} wrap align="center" style={{ marginBottom: 12 }}>
          <Typography.Text type="secondary">{person.unitName}{person.postNames.length ? ` · ${person.postNames.join('、')}` : ''}</Typography.Text>
          <GradeTag grade={person.grade} />
          {readOnly && <Tag>{t('dutyAssess.readOnly')}</Tag>}
        </Flex>
      )}
    >
      {person.items.map((i, n) => (
        <Card key={i.key} size="small" style={{ marginBottom: 8 }} data-testid="duty-score-item">
          <Flex justify="space-between" gap={12} wrap>
            <div style={{ flex: '1 1 280px', minWidth: 0 }}>
              <div>{n + 1}. {i.content}</div>
              {i.criterion && <Typography.Text type="secondary" style={{ fontSize: 12 }}>{t('dutyItem.criterion')}：{i.criterion}</Typography.Text>}
              {i.listName && <Typography.Text type="secondary" style={{ fontSize: 12, display: 'block' }}>{t('dutyAssess.fromList', { name: i.listName, version: i.version ?? 1 })}</Typography.Text>}
            </div>
            <Form.Item name={['scores', i.key]} style={{ marginBottom: 0 }} rules={[{ required: true, message: t('validation.required') }]}>
              <InputNumber min={0} max={i.points} step={0.5} addonAfter={`/ ${i.points}`} disabled={readOnly} style={{ width: 140 }} data-testid="duty-score-input" />
            </Form.Item>
          </Flex>
        </Card>
      ))}
      <Typography.Paragraph strong style={{ marginTop: 8 }} data-testid="duty-score-total">{t('dutyAssess.runningTotal', { total, max })}</Typography.Paragraph>
      <Form.Item name="comment" label={t('dutyAssess.comment')}>
        <LimitedTextArea max={1000} autoSize={{ minRows: 2 }} disabled={readOnly} />
      </Form.Item>
    </FormDrawer>
  );
}
