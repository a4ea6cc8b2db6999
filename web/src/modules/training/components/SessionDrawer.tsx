import { App, Button, Card, Descriptions, Drawer, InputNumber, Popconfirm, Select, Space, Table, Tag, Typography, Upload } from 'antd';
import { QrcodeOutlined, UploadOutlined } from '@ant-design/icons';
import { useState } from 'react';
import { SignDialog, type SignOutcome } from '../../../app/components/SignDialog';
import { formatDate, formatDateTime } from '../../../app/format';
import { useIsMobile } from '../../../app/responsive';
import { useApiMutation, useApiQuery } from '../../../app/useApi';
import { trainingApi, trainingQueries, type SessionDetail } from '../api/training.api';
import { useI18n } from '../../../app/i18n';

type Row = SessionDetail['attendance'][number];

/**
 * One session: its details, the QR check-in (a short-lived code people scan with their phones), the shared device
 * where people without an account draw their signature and type their ID's last four, the attendance list with exam
 * results, and the materials.
 */
export function SessionDrawer({ enterpriseId, id, onClose }: { enterpriseId: string; id: string; onClose: () => void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const mobile = useIsMobile();
  const q = useApiQuery(['training', enterpriseId, 'session', id], (signal) => trainingApi.session(enterpriseId, id, signal));
  const s = q.data;
  const [qr, setQr] = useState<{ svg: string; expiresAt: string; fullUrl: string } | null>(null);
  const [proxy, setProxy] = useState(false);
  const [adding, setAdding] = useState<string | undefined>();
  const invalidates = [...trainingQueries(enterpriseId), ['training', enterpriseId, 'session', id]];
  const roster = useApiQuery(['training', enterpriseId, 'roster', id], (signal) => trainingApi.roster(enterpriseId, id, signal), !!s?.abilities.canRecord);
  const openQr = useApiMutation(() => trainingApi.checkin(enterpriseId, id), { invalidates, onSuccess: (r) => setQr(r) });
  const signFor = useApiMutation((v: SignOutcome) => trainingApi.proxy(enterpriseId, id, v), { invalidates: [...invalidates, ['training', enterpriseId, 'roster', id]], onSuccess: () => setProxy(false) });
  const result = useApiMutation((v: { employeeId: string; score?: number | null; passed?: boolean | null }) =>
    trainingApi.result(enterpriseId, id, v.employeeId, { score: v.score, passed: v.passed }), { invalidates: [...invalidates, ['training', enterpriseId, 'roster', id]] });
  const remove = useApiMutation((employeeId: string) => trainingApi.removeAttendance(enterpriseId, id, employeeId), { invalidates });
  const upload = useApiMutation((file: File) => trainingApi.uploadMaterial(enterpriseId, id, file), { invalidates });
  const people = (roster.data?.items ?? []).filter((p) => !p.attended && !p.hasAccount).map((p) => ({ id: p.employeeId, name: p.name, hint: p.unitName }));
  const paper = (roster.data?.items ?? []).filter((p) => !p.attended);
  return (
    <Drawer open width={mobile ? '100%' : 760} title={s ? `${s.courseName} · ${s.title}` : t('training.session.detail')} onClose={onClose} loading={q.loading}>
      {s && (
        <Space direction="vertical" size="middle" style={{ width: '100%' }} data-testid="session-drawer">
          <Descriptions size="small" column={mobile ? 1 : 2} items={[
            { key: 'd', label: t('training.col.heldOn'), children: formatDate(s.heldOn) },
            { key: 'h', label: t('training.col.hours'), children: s.hours },
            { key: 'tr', label: t('training.col.trainer'), children: s.trainer || '—' },
            { key: 'e', label: t('training.field.examHeld'), children: s.examHeld ? '✓' : '—' },
            ...(s.note ? [{ key: 'n', label: t('training.field.note'), children: s.note }] : []),
          ]} />
          {s.abilities.canRecord && (
            <Space wrap>
              <Button icon={<QrcodeOutlined />} onClick={() => openQr.run(undefined).catch(() => undefined)} loading={openQr.saving} data-testid="session-qr">{t('training.session.qr')}</Button>
              <Button onClick={() => setProxy(true)} disabled={!people.length} data-testid="session-proxy">{t('training.session.proxy')}</Button>
            </Space>
          )}
          {qr && (
            <Card size="small" style={{ textAlign: 'center' }} data-testid="session-qr-code">
              <img alt={t('training.session.qr')} style={{ width: 240, height: 240 }} src={`data:image/svg+xml;charset=utf-8,${encodeURIComponent(qr.svg)}`} />
              <Typography.Paragraph>{t('training.session.qrHint', { until: formatDateTime(qr.expiresAt) })}</Typography.Paragraph>
              <Typography.Text type="secondary" copyable>{qr.fullUrl}</Typography.Text>
            </Card>
          )}
          <Card size="small" title={`${t('training.session.attendance')}（${s.attendance.length}）`}
            extra={s.abilities.canManage && paper.length > 0 && (
              <Space>
                <Select style={{ width: 180 }} showSearch optionFilterProp="label" placeholder={t('training.session.addPerson')} value={adding} onChange={setAdding}
                  options={paper.map((p) => ({ value: p.employeeId, label: `${p.name}（${p.unitName}）` }))} />
                <Button disabled={!adding} onClick={() => { if (adding) void result.run({ employeeId: adding }).then(() => setAdding(undefined)).catch(() => undefined); }}>{t('common.save')}</Button>
              </Space>
            )}>
            <Table<Row> rowKey="employeeId" size="small" dataSource={s.attendance} pagination={false} scroll={{ x: true }}
              columns={[
                { title: t('training.col.name'), dataIndex: 'name' },
                { title: t('training.unit'), dataIndex: 'unitName' },
                { title: t('training.col.type'), dataIndex: 'method', render: (m: Row['method'], r) => <Space><Tag>{t(`training.method.${m}`)}</Tag>{r.signed && <Tag color="success">{t('training.signed')}</Tag>}</Space> },
                ...(s.examHeld ? [{
                  title: t('training.session.result'), key: 'r',
                  render: (_: unknown, r: Row) => (s.abilities.canManage ? (
                    <Space>
                      <InputNumber size="small" min={0} max={1000} defaultValue={r.score ?? undefined} style={{ width: 72 }}
                        onBlur={(e) => { const v = e.target.value === '' ? null : Number(e.target.value); if (v !== r.score) void result.run({ employeeId: r.employeeId, score: v, passed: r.passed }).catch(() => undefined); }} />
                      <Select size="small" style={{ width: 96 }} value={r.passed === null ? undefined : r.passed ? 'y' : 'n'}
                        onChange={(v: 'y' | 'n') => void result.run({ employeeId: r.employeeId, score: r.score, passed: v === 'y' }).catch(() => undefined)}
                        options={[{ value: 'y', label: t('training.session.passed') }, { value: 'n', label: t('training.session.failed') }]} />
                    </Space>
                  ) : `${r.score ?? '—'} ${r.passed === null ? '' : r.passed ? t('training.session.passed') : t('training.session.failed')}`),
                }] : []),
                ...(s.abilities.canManage ? [{
                  title: '', key: 'x',
                  render: (_: unknown, r: Row) => !r.signed && (
                    <Popconfirm title={t('common.delete')} onConfirm={() => remove.run(r.employeeId).catch(() => undefined)}><Button type="link" size="small" danger>{t('common.delete')}</Button></Popconfirm>
                  ),
                }] : []),
              ]} />
          </Card>
          <Card size="small" title={t('training.session.materials')}
            extra={s.abilities.canManage && (
              <Upload showUploadList={false} beforeUpload={(file) => { void upload.run(file).then(() => message.success(t('training.session.upload'))).catch(() => undefined); return false; }}>
                <Button size="small" icon={<UploadOutlined />} loading={upload.saving}>{t('training.session.upload')}</Button>
              </Upload>
            )}>
            {s.materials.length === 0 ? '—' : s.materials.map((m) => <div key={m.id}><a href={trainingApi.materialUrl(enterpriseId, m.id)} target="_blank" rel="noreferrer">{m.name || m.id}</a></div>)}
          </Card>
        </Space>
      )}
      {proxy && s && (
        <SignDialog enterpriseId={enterpriseId} mode="other" people={people} title={t('training.session.proxyTitle')}
          intro={<Typography.Paragraph>{`${s.courseName} · ${s.title} · ${formatDate(s.heldOn)} · ${s.hours}`}</Typography.Paragraph>}
          onSign={signFor.run} onClose={() => setProxy(false)} />
      )}
    </Drawer>
  );
}
