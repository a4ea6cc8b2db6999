import { Alert, App, Button, Card, Descriptions, Flex, List, Popconfirm, Select, Space, Tag, Typography, Upload } from 'antd';
import { useState } from 'react';
import { useParams } from 'react-router';
import { ErrorState } from '../../../app/components/ErrorState';
import { PageHeader } from '../../../app/components/PageHeader';
import { PageLoading } from '../../../app/components/PageLoading';
import { useShowError } from '../../../app/errors';
import { formatDate, formatDateTime } from '../../../app/format';
import { useI18n } from '../../../app/i18n';
import { useApiMutation, useApiQuery } from '../../../app/useApi';
import { followupApi, followupQueries, type Followup } from '../api/followup.api';
import { ActionDrawer } from '../components/ActionDrawer';
import { ActionList } from '../components/ActionList';
import { FindingDrawer } from '../components/FindingDrawer';
import { InterviewDrawer } from '../components/InterviewDrawer';
import { InterviewList } from '../components/InterviewList';
import { InvestigationDrawer } from '../components/InvestigationDrawer';
import { InvestigationHistory } from '../components/InvestigationHistory';

type Drawer = 'investigation' | 'correctFinding' | 'interview' | 'action' | 'finding' | null;

/**
 * 事故后续处理 (issue 14 §4–5): one accident's investigation (decision, findings, actions), its interviews, the
 * regulators' findings and its consequences (risk points, the 安责险 insurer). Each button shows only when the server
 * says the caller may act.
 */
export function AccidentFollowupPage() {
  const { enterpriseId = '', id = '' } = useParams();
  const { t } = useI18n();
  const { message } = App.useApp();
  const showError = useShowError();
  const [drawer, setDrawer] = useState<Drawer>(null);
  const [riskPoint, setRiskPoint] = useState<string | undefined>();
  const { data, error, loading, reload } = useApiQuery(['accident-followup', enterpriseId, id], (signal) => followupApi.get(enterpriseId, id, signal));
  const canLink = data?.abilities.linkRisk ?? false;
  const points = useApiQuery(['accident-risk-points', enterpriseId], (signal) => followupApi.riskPoints(enterpriseId, signal), canLink);
  const act = useApiMutation((run: () => Promise<Followup>) => run(), { invalidates: followupQueries(enterpriseId) });
  const evidence = useApiMutation((v: { id: string; files: File[] }) => followupApi.uploadFindingFiles(enterpriseId, v.id, v.files), { invalidates: followupQueries(enterpriseId) });
  const run = (f: () => Promise<Followup>) => act.run(f).then(() => message.success(t('common.saved'))).catch((e: unknown) => showError(e));
  if (error) return <ErrorState error={error} onRetry={reload} />;
  if (loading || !data) return <PageLoading />;
  const a = data.accident;
  const inv = data.investigation;
  const ab = data.abilities;
  return (
    <div data-testid="accident-followup-page">
      <PageHeader title={t('accidentFollowup.crumb')} sub={a.enterpriseName} />
      <Space orientation="vertical" size={16} style={{ width: '100%' }}>
        {a.kind === 'near_miss' && <Alert type="info" showIcon message={t('accidentFollowup.nearMiss')} />}
        {a.kind === 'accident' && !a.receivedAt && <Alert type="warning" showIcon message={t('accidentFollowup.notReported')} />}
        {data.interviewDueOn && data.interviews.length === 0 && (
          <Alert type={data.interviewOverdue ? 'error' : 'warning'} showIcon data-testid="interview-due"
            message={t(data.interviewOverdue ? 'accidentFollowup.interviewOverdue' : 'accidentFollowup.interviewDue', { day: data.interviewDueOn })} />
        )}
        {data.decisionDueOn && !inv && (
          <Alert type={data.decisionOverdue ? 'error' : 'warning'} showIcon
            message={t(data.decisionOverdue ? 'accidentFollowup.decisionOverdue' : 'accidentFollowup.decisionDue', { day: data.decisionDueOn })} />
        )}
        {data.creditOffer && <Alert type="error" showIcon message={t('accidentFollowup.creditOffer')} />}

        <Card title={t('accidentFollowup.accident')} size="small">
          <Typography.Paragraph>{a.summary}</Typography.Paragraph>
          <Descriptions size="small" column={{ xs: 1, sm: 2 }} items={[
            { key: 'o', label: t('accidentFollowup.occurredAt'), children: formatDateTime(a.occurredAt) },
            { key: 'p', label: t('accidentFollowup.place'), children: a.place || '—' },
            { key: 'r', label: t('accidentFollowup.receivedAt'), children: formatDateTime(a.receivedAt) },
            { key: 'g', label: t('accidentFollowup.grade'), children: a.grade ? t(`accidentFollowup.grade.${a.grade}`) : '—' },
            { key: 'c', label: t('accidentFollowup.casualties'), children: t('accidentFollowup.casualtiesText', { deaths: a.deaths, missing: a.missing, serious: a.seriousInjuries, minor: a.minorInjuries }) },
            { key: 'l', label: t('accidentFollowup.loss'), children: a.directLoss },
          ]} />
        </Card>

        <Card title={t('accidentFollowup.investigation')} size="small" extra={inv && <Tag color={inv.status === 'concluded' ? 'green' : 'blue'}>{t(`accidentFollowup.status.${inv.status}`)}</Tag>}>
          <Flex gap={8} wrap style={{ marginBottom: 12 }}>
            {ab.open && a.grade !== 'larger' && a.grade !== 'major' && a.grade !== 'especially_major' && (
              <Button type="primary" loading={act.saving} onClick={() => run(() => followupApi.open(enterpriseId, id, 'district'))} data-testid="open-district">{t('accidentFollowup.open.district')}</Button>
            )}
            {ab.open && (a.grade === 'larger' || a.grade === 'major' || a.grade === 'especially_major') && (
              <Button type="primary" loading={act.saving} onClick={() => run(() => followupApi.open(enterpriseId, id, 'higher'))}>{t('accidentFollowup.open.higher')}</Button>
            )}
            {ab.entrust && (
              <Popconfirm title={t('accidentFollowup.entrustConfirm')} onConfirm={() => run(() => followupApi.entrust(enterpriseId, id))}>
                <Button loading={act.saving} data-testid="entrust">{t('accidentFollowup.entrust')}</Button>
              </Popconfirm>
            )}
            {ab.edit && <Button onClick={() => setDrawer('investigation')} data-testid="edit-investigation">{t('accidentFollowup.edit')}</Button>}
            {ab.correctFinding && inv && <Button onClick={() => setDrawer('correctFinding')} data-testid="correct-finding">{t('accidentFollowup.correctFinding')}</Button>}
            {ab.conclude && inv && (
              <Popconfirm title={t('accidentFollowup.concludeConfirm')} onConfirm={() => run(() => followupApi.conclude(enterpriseId, id, inv.version))}>
                <Button danger loading={act.saving}>{t('accidentFollowup.conclude')}</Button>
              </Popconfirm>
            )}
          </Flex>
          {!inv ? <Typography.Text type="secondary">{t('accidentFollowup.noInvestigation')}</Typography.Text> : (
            <Descriptions size="small" column={1} items={[
              { key: 'by', label: t('accidentFollowup.conductedBy'), children: t(`accidentFollowup.conductedBy.${inv.conductedBy}`) },
              { key: 'team', label: t('accidentFollowup.team'), children: inv.team.map((p) => [p.name, p.role, p.organisation].filter(Boolean).join('、')).join('；') || '—' },
              { key: 'cd', label: t('accidentFollowup.causeDirect'), children: inv.causeDirect || '—' },
              { key: 'ci', label: t('accidentFollowup.causeIndirect'), children: inv.causeIndirect || '—' },
              { key: 'cm', label: t('accidentFollowup.causeManagement'), children: inv.causeManagement || '—' },
              { key: 'why', label: t('accidentFollowup.fiveWhys'), children: inv.fiveWhys.length ? <ol style={{ margin: 0, paddingInlineStart: 18 }}>{inv.fiveWhys.map((w, i) => <li key={i}>{w}</li>)}</ol> : '—' },
              { key: 'resp', label: t('accidentFollowup.responsibility'), children: t(`accidentFollowup.responsibility.${inv.responsibilityAccident === null ? 'none' : inv.responsibilityAccident ? 'yes' : 'no'}`) },
              { key: 'pf', label: t('accidentFollowup.personFindings'), children: inv.personFindings.length ? (
                <List size="small" dataSource={inv.personFindings} renderItem={(p) => (
                  <List.Item>
                    <Space orientation="vertical" size={0}>
                      <span>{p.name}{p.role ? `（${p.role}）` : ''}：{p.finding}</span>
                      {p.duties.flatMap((d) => d.texts.map((text, j) => (
                        <Typography.Text key={`${d.listId}-${j}`} type="secondary">{t('accidentFollowup.dutyOption', { list: d.listName, version: d.version, n: (d.items[j] ?? 0) + 1, item: text })}</Typography.Text>
                      )))}
                    </Space>
                  </List.Item>
                )} />
              ) : '—' },
              ...(inv.conductedBy === 'higher' ? [{ key: 'hr', label: t('accidentFollowup.higherReport'), children: inv.higherReport || '—' }] : []),
              { key: 'les', label: t('accidentFollowup.lessons'), children: (
                <Space orientation="vertical" size={0}>
                  <span style={{ whiteSpace: 'pre-wrap' }}>{inv.lessons || '—'}</span>
                  {inv.lessonsPublishedAt && <Typography.Text type="secondary">{t('accidentFollowup.lessonsPublished', { at: formatDate(inv.lessonsPublishedAt) })}</Typography.Text>}
                </Space>
              ) },
            ]} />
          )}
        </Card>

        <Card title={t('accidentFollowup.actions')} size="small" extra={ab.addAction && <Button size="small" onClick={() => setDrawer('action')} data-testid="add-action">{t('accidentFollowup.addAction')}</Button>}>
          <ActionList enterpriseId={enterpriseId} actions={data.actions} />
        </Card>

        <Card title={t('accidentFollowup.interviews')} size="small" extra={ab.interview && <Button size="small" type="primary" onClick={() => setDrawer('interview')} data-testid="record-interview">{t('accidentFollowup.recordInterview')}</Button>}>
          <InterviewList enterpriseId={enterpriseId} interviews={data.interviews} accidentId={id} accidentSummary={a.summary} />
        </Card>

        {inv && (
          <Card title={t('accidentFollowup.history')} size="small">
            <InvestigationHistory history={data.history} />
          </Card>
        )}

        <Card title={t('accidentFollowup.findings')} size="small" extra={ab.finding && <Button size="small" danger onClick={() => setDrawer('finding')} data-testid="add-finding">{t('accidentFollowup.addFinding')}</Button>}>
          <List size="small" dataSource={data.findings} locale={{ emptyText: t('accidentFollowup.empty') }} renderItem={(f) => (
            <List.Item>
              <Space orientation="vertical" size={0}>
                <Space wrap><Tag color="red">{t(`accidentFollowup.findingKind.${f.kind}`)}</Tag><span>{formatDate(f.foundOn)}</span>{f.officeName && <span>{f.officeName}</span>}</Space>
                <span>{f.description}</span>
                <Space wrap>
                  {(f.files ?? []).map((x) => <a key={x.id} href={x.url} target="_blank" rel="noreferrer">{x.name}</a>)}
                  {ab.finding && (
                    <Upload multiple showUploadList={false} beforeUpload={(file, all) => {
                      if (file === all[0]) evidence.run({ id: f.id, files: all }).catch((e: unknown) => showError(e));
                      return false;
                    }}>
                      <Button size="small" loading={evidence.saving}>{t('accidentFollowup.upload')}</Button>
                    </Upload>
                  )}
                </Space>
              </Space>
            </List.Item>
          )} />
        </Card>

        <Card title={t('accidentFollowup.riskLinks')} size="small">
          {canLink && (
            <Flex gap={8} wrap style={{ marginBottom: 12 }}>
              <Select style={{ minWidth: 240 }} showSearch optionFilterProp="label" value={riskPoint} onChange={setRiskPoint} placeholder={t('accidentFollowup.riskPoint')}
                loading={points.loading} options={(points.data ?? []).map((p) => ({ value: p.id, label: `${p.code} ${p.name}` }))} data-testid="risk-point-select" />
              <Popconfirm title={t('accidentFollowup.riskLinkHint')} disabled={!riskPoint} onConfirm={() => riskPoint && run(() => followupApi.linkRisk(enterpriseId, id, riskPoint))}>
                <Button disabled={!riskPoint} loading={act.saving}>{t('accidentFollowup.linkRisk')}</Button>
              </Popconfirm>
            </Flex>
          )}
          <List size="small" dataSource={data.riskLinks} locale={{ emptyText: t('accidentFollowup.empty') }} renderItem={(r) => (
            <List.Item>
              <Space wrap>
                <span>{r.code} {r.name}</span>
                {r.grade !== null && <Tag color={r.grade === 1 ? 'red' : 'orange'}>{t('accidentFollowup.gradeN', { n: r.grade })}</Tag>}
                {r.controlFailing && <Tag color="red">{t('accidentFollowup.controlFailing')}</Tag>}
                {r.reassessDue && <span>{t('accidentFollowup.reassessDue', { day: r.reassessDue })}</span>}
              </Space>
            </List.Item>
          )} />
        </Card>

        <Card title={t('accidentFollowup.insurer')} size="small"
          extra={ab.notifyInsurer && <Button size="small" loading={act.saving} onClick={() => run(() => followupApi.notifyInsurer(enterpriseId, id))}>{t('accidentFollowup.notifyInsurer')}</Button>}>
          {data.insurerNotices.length === 0 ? <Typography.Text type="secondary">{t('accidentFollowup.noInsurerNotice')}</Typography.Text>
            : data.insurerNotices.map((n) => <div key={n.id}>{t('accidentFollowup.insurerNotice', { insurer: n.institutionName, policy: n.policyNumber, at: formatDateTime(n.createdAt) })}</div>)}
        </Card>
      </Space>
      {drawer === 'investigation' && inv && <InvestigationDrawer enterpriseId={enterpriseId} accidentId={id} investigation={inv} onClose={() => setDrawer(null)} />}
      {drawer === 'correctFinding' && inv && <InvestigationDrawer mode="correct" enterpriseId={enterpriseId} accidentId={id} investigation={inv} onClose={() => setDrawer(null)} />}
      {drawer === 'interview' && <InterviewDrawer enterpriseId={enterpriseId} accidentId={id} onClose={() => setDrawer(null)} />}
      {drawer === 'action' && <ActionDrawer enterpriseId={enterpriseId} accidentId={id} onClose={() => setDrawer(null)} />}
      {drawer === 'finding' && <FindingDrawer enterpriseId={enterpriseId} accidentId={id} onClose={() => setDrawer(null)} />}
    </div>
  );
}
