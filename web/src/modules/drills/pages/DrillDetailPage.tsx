import { useState } from 'react';
import { CheckOutlined, EditOutlined, SendOutlined, StopOutlined, UploadOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Col, Descriptions, Flex, Image, List, Row, Tag, Timeline, Typography, Upload } from 'antd';
import { useParams } from 'react-router';
import { ErrorState } from '../../../app/components/ErrorState';
import { PageLoading } from '../../../app/components/PageLoading';
import { usePageTitle } from '../../../app/components/PageTitle';
import { formatDateTime } from '../../../app/format';
import { useI18n } from '../../../app/i18n';
import { useApiMutation, useApiQuery } from '../../../app/useApi';
import { drillQueries, drillsApi, type DrillAction } from '../api/drills.api';
import { DrillFormDrawer } from '../components/DrillFormDrawer';
import { DrillStatusTag, PlanKindTag } from '../components/DrillTags';
import { DrillSignIn } from '../components/DrillSignIn';
import { DrillVideos } from '../components/DrillVideos';
import { EvaluateDrawer } from '../components/EvaluateDrawer';
import { NoteDrawer } from '../components/NoteDrawer';

type Drawer = { kind: 'edit' | 'evaluate' | 'void' } | { kind: 'done' | 'cancel'; action: DrillAction } | null;

/**
 * One drill: plan, scenario, time, organiser and participants, photos and videos, the evaluation and its follow-up actions, and
 * history. Managers edit, evaluate, report and void it; the principal confirms he organised it (one large button on his
 * phone); an action's owner reports it done.
 */
export function DrillDetailPage() {
  const { enterpriseId = '', id = '' } = useParams();
  const { t } = useI18n();
  const { message } = App.useApp();
  const [drawer, setDrawer] = useState<Drawer>(null);
  const { data: d, error, loading, reload, setData } = useApiQuery(['drills', enterpriseId, 'detail', id], (signal) => drillsApi.get(enterpriseId, id, signal));
  const opts = { invalidates: drillQueries(enterpriseId), onSuccess: (next: typeof d) => { if (next) setData(next); setDrawer(null); } };
  const confirm = useApiMutation(() => drillsApi.confirmPrincipal(enterpriseId, id, d?.version), opts);
  const report = useApiMutation(() => drillsApi.report(enterpriseId, id, d?.version), opts);
  const voiding = useApiMutation((reason: string) => drillsApi.void(enterpriseId, id, reason, d?.version), opts);
  const actionOpts = { invalidates: drillQueries(enterpriseId), onSuccess: () => { setDrawer(null); reload(); } };
  const done = useApiMutation((a: { id: string; note: string }) => drillsApi.done(enterpriseId, a.id, a.note), actionOpts);
  const cancel = useApiMutation((a: { id: string; note: string }) => drillsApi.cancel(enterpriseId, a.id, a.note), actionOpts);
  const hazard = useApiMutation((actionId: string) => drillsApi.hazard(enterpriseId, actionId), { ...actionOpts, onSuccess: () => { void message.success(t('drill.action.hazardOpened')); reload(); } });
  const upload = useApiMutation((files: File[]) => drillsApi.upload(enterpriseId, id, files), { invalidates: drillQueries(enterpriseId), onSuccess: () => reload() });
  usePageTitle(d?.scenario);

  if (error) return <ErrorState error={error} onRetry={reload} />;
  if (!d) return loading ? <PageLoading /> : null;
  const a = d.abilities;
  const photos = d.files.filter((f) => f.kind === 'photo');

  return (
    <Flex vertical gap={12} data-testid="drill-detail">
      <Flex justify="space-between" align="center" wrap gap={8}>
        <Typography.Title level={4} style={{ margin: 0 }}>{d.scenario}</Typography.Title>
        <Flex gap={8} wrap>
          {a.update && <Button icon={<EditOutlined />} onClick={() => setDrawer({ kind: 'edit' })} data-testid="drill-edit">{t('drill.edit')}</Button>}
          {a.evaluate && <Button type="primary" onClick={() => setDrawer({ kind: 'evaluate' })} data-testid="drill-evaluate-open">{t('drill.evaluate')}</Button>}
          {a.report && d.mustReport && <Button type="primary" icon={<SendOutlined />} loading={report.saving} onClick={() => void report.run(undefined)} data-testid="drill-report">{t('drill.report')}</Button>}
          {a.void && <Button danger icon={<StopOutlined />} onClick={() => setDrawer({ kind: 'void' })} data-testid="drill-void">{t('drill.void')}</Button>}
        </Flex>
      </Flex>
      {d.status === 'voided' && <Alert type="warning" showIcon title={t('drill.voided', { reason: d.voidReason ?? '' })} />}
      {a.confirmPrincipal && !d.byPrincipal && (
        <Alert type="info" showIcon title={t('drill.confirmPrincipalHint')} action={
          <Button type="primary" size="large" icon={<CheckOutlined />} loading={confirm.saving} onClick={() => void confirm.run(undefined)} data-testid="drill-confirm-principal">{t('drill.confirmPrincipal')}</Button>
        } />
      )}
      {a.report && d.mustReport && <Typography.Text type="secondary">{t('drill.reportHint')}</Typography.Text>}
      <Row gutter={[12, 12]}>
        <Col xs={24} lg={14}>
          <Card size="small">
            <Descriptions column={1} size="small">
              <Descriptions.Item label={t('drill.field.status')}><DrillStatusTag status={d.status} />{d.reportedAt && <Tag color="green">{t('drill.reported')} {formatDateTime(d.reportedAt)}</Tag>}</Descriptions.Item>
              <Descriptions.Item label={t('drill.field.plan')}><Flex gap={4} wrap>{d.planTitle}<PlanKindTag kind={d.planKind} /></Flex></Descriptions.Item>
              <Descriptions.Item label={t('drill.field.form')}>{t(`drill.form.${d.form}`)}</Descriptions.Item>
              <Descriptions.Item label={t('drill.field.time')}>{formatDateTime(d.startedAt)} – {formatDateTime(d.endedAt)}</Descriptions.Item>
              <Descriptions.Item label={t('drill.field.place')}>{d.place}</Descriptions.Item>
              <Descriptions.Item label={t('drill.field.organiser')}>{d.organiserName}{d.byPrincipal && <Tag color="blue" style={{ marginLeft: 8 }}>{t('drill.byPrincipal')}</Tag>}</Descriptions.Item>
              <Descriptions.Item label={t('drill.field.recordedBy')}>{d.recordedByName ?? ''}</Descriptions.Item>
            </Descriptions>
          </Card>
        </Col>
        <Col xs={24} lg={10}>
          <DrillSignIn enterpriseId={enterpriseId} drill={d} onSigned={setData} />
        </Col>
      </Row>
      <Card size="small" title={t('drill.photos')} extra={a.upload && (
        <Upload multiple accept="image/*" showUploadList={false} beforeUpload={(_f, files) => { if (_f === files[0]) void upload.run(files as unknown as File[]); return false; }}>
          <Button icon={<UploadOutlined />} loading={upload.saving} data-testid="drill-upload">{t('drill.upload')}</Button>
        </Upload>
      )}>
        {photos.length === 0 ? <Typography.Text type="secondary">{t('drill.noPhotos')}</Typography.Text> : (
          <Image.PreviewGroup><Flex gap={8} wrap>{photos.map((f) => <Image key={f.id} src={f.url} width={96} height={96} style={{ objectFit: 'cover' }} alt={f.name} />)}</Flex></Image.PreviewGroup>
        )}
      </Card>
      <DrillVideos drill={d} onUploaded={reload} />
      {d.evaluatedAt && (
        <Card size="small" title={t('drill.evaluation')}>
          <Descriptions column={1} size="small">
            <Descriptions.Item label={t('drill.wentWell')}>{d.wentWell}</Descriptions.Item>
            <Descriptions.Item label={t('drill.problems')}>{d.problems}</Descriptions.Item>
            <Descriptions.Item label={t('drill.planNeedsRevision')}>{t(d.planNeedsRevision ? 'drill.yes' : 'drill.no')}</Descriptions.Item>
          </Descriptions>
        </Card>
      )}
      <Card size="small" title={t('drill.field.actions')}>
        <List
          dataSource={d.actions} locale={{ emptyText: t('drill.action.none') }} data-testid="drill-actions"
          renderItem={(x) => (
            <List.Item actions={[
              x.abilities.done && <Button key="done" size="small" type="primary" onClick={() => setDrawer({ kind: 'done', action: x })} data-testid="drill-action-done">{t('drill.action.done')}</Button>,
              x.abilities.openHazard && <Button key="hazard" size="small" loading={hazard.saving} onClick={() => void hazard.run(x.id)}>{t('drill.action.hazard')}</Button>,
              x.abilities.cancel && <Button key="cancel" size="small" danger onClick={() => setDrawer({ kind: 'cancel', action: x })}>{t('drill.action.cancel')}</Button>,
            ].filter(Boolean)}>
              <List.Item.Meta
                title={<Flex gap={4} wrap>{x.content}{x.overdue && <Tag color="red">{t('drill.action.overdue')}</Tag>}{x.hazardId && <Tag color="orange">{t('drill.action.hazardOpened')}</Tag>}</Flex>}
                description={<span>{x.ownerName} · {t('drill.action.dueOn')} {x.dueOn} · {t(`drill.action.status.${x.status}`)}{x.doneNote ? ` · ${x.doneNote}` : ''}</span>}
              />
            </List.Item>
          )}
        />
      </Card>
      <Card size="small" title={t('drill.history')}>
        <Timeline items={d.events.map((e, i) => ({ key: i, children: <span>{formatDateTime(e.at)} · {e.actorName ?? ''} · {t(`drill.op.${e.op as 'record'}`)}{e.note ? ` · ${e.note}` : ''}</span> }))} />
      </Card>
      {drawer?.kind === 'edit' && <DrillFormDrawer enterpriseId={enterpriseId} drill={d} onSaved={(next) => { setData(next); setDrawer(null); }} onClose={() => setDrawer(null)} />}
      {drawer?.kind === 'evaluate' && <EvaluateDrawer drill={d} onSaved={(next) => { setData(next); setDrawer(null); }} onClose={() => setDrawer(null)} />}
      {drawer?.kind === 'void' && <NoteDrawer title="drill.void" label="drill.voidReason" danger saving={voiding.saving} testId="drill-void-form" onSubmit={(note) => voiding.run(note)} onClose={() => setDrawer(null)} />}
      {drawer?.kind === 'done' && <NoteDrawer title="drill.action.done" label="drill.action.doneNote" saving={done.saving} testId="drill-action-done-form" onSubmit={(note) => done.run({ id: drawer.action.id, note })} onClose={() => setDrawer(null)} />}
      {drawer?.kind === 'cancel' && <NoteDrawer title="drill.action.cancel" label="drill.action.cancelReason" danger saving={cancel.saving} testId="drill-action-cancel-form" onSubmit={(note) => cancel.run({ id: drawer.action.id, note })} onClose={() => setDrawer(null)} />}
    </Flex>
  );
}
