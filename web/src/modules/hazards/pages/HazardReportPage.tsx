import { useEffect, useState } from 'react';
import { CheckCircleFilled, PlusOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Collapse, Empty, Flex, Form, Input, Result, Select, Tag, Typography } from 'antd';
import { Link, useSearchParams } from 'react-router';
import { useAuth, useMe } from '../../../app/auth';
import { useShowError } from '../../../app/errors';
import { useI18n } from '../../../app/i18n';
import { useApiMutation, useApiQuery } from '../../../app/useApi';
import { EnterprisePicker } from '../../enterprises/components/EnterprisePicker';
import { checksApi } from '../api/checks.api';
import { hazardQueries, hazardsApi, type HazardLevel, type HazardReportInput } from '../api/hazards.api';
import { HazardUnitSelect } from '../components/HazardUnitSelect';
import { PhotoUploadField } from '../components/PhotoUploadField';
import { LimitedInput } from '../../../app/components/LimitedInput';
import { LimitedTextArea } from '../../../app/components/LimitedTextArea';

type Values = { photoIds: string[]; title: string; description: string; location: string; level: HazardLevel; riskPointId?: string; orgUnitId?: string };
type Done = { id: string; code: string };

const CHIP = { padding: '4px 10px', border: '1px solid #d9d9d9', fontSize: 14 } as const;

/**
 * R-HAZ-6: anyone reports a hazard in three taps — photo, title (tap a suggestion from the post's risk points),
 * submit. Opened from a post's QR code as /report?enterpriseId=…&postId=…, or from the hazard list.
 */
export function HazardReportPage() {
  const { t } = useI18n();
  const me = useMe();
  const { can } = useAuth();
  const showError = useShowError();
  const [params, setParams] = useSearchParams();
  const [form] = Form.useForm<Values>();
  const [uploading, setUploading] = useState(false);
  const [done, setDone] = useState<Done | null>(null);
  const own = me.scope.enterpriseId;
  const enterpriseId = params.get('enterpriseId') ?? own ?? undefined;
  const postId = params.get('postId') ?? undefined;
  const ctx = useApiQuery(['org', enterpriseId, 'report-context', postId], (signal) => checksApi.reportContext(enterpriseId!, postId!, signal), !!enterpriseId && !!postId);
  // Insurers and service institutions do not read the enterprise's units: their reports go where the server puts them.
  const units = useApiQuery(['org', enterpriseId, 'hazard-units'], (signal) => hazardsApi.units(enterpriseId!, signal), !!enterpriseId && can('hazard.read'));
  const report = useApiMutation((body: HazardReportInput) => hazardsApi.report(enterpriseId!, body), {
    invalidates: enterpriseId ? hazardQueries(enterpriseId) : [],
    onSuccess: (res) => setDone({ id: res.id, code: res.code }),
  });
  // The unit is preselected: the post's (a QR code), else the reporter's own (his team, the workshop he leads).
  const defaultUnitId = ctx.data?.orgUnit.id ?? units.data?.defaultUnitId;
  useEffect(() => {
    if (defaultUnitId) form.setFieldsValue({ orgUnitId: defaultUnitId });
  }, [form, defaultUnitId]);
  const title = Form.useWatch('title', form);
  const riskPointId = Form.useWatch('riskPointId', form);
  // The post's own risk points first: a worker at a post usually reports about what is in front of them.
  const points = [...(ctx.data?.riskPoints ?? [])].sort((a, b) => Number(b.atPost) - Number(a.atPost));
  const problems = t('hazardReporting.commonProblems').split('|');

  const submit = async (v: Values) => {
    if (!enterpriseId) return;
    try {
      await report.run({
        title: v.title.trim(),
        description: v.description?.trim() ?? '',
        location: v.location?.trim() ?? '',
        level: v.level,
        riskPointId: v.riskPointId,
        // A stale QR code (post deleted) still reports, in the unit chosen on the form.
        postId: ctx.data ? postId : undefined,
        orgUnitId: ctx.data?.orgUnit.id ?? v.orgUnitId,
        photoIds: v.photoIds ?? [],
      });
    } catch (e) {
      showError(e, { form });
    }
  };

  if (done && enterpriseId) {
    return (
      <Card data-testid="hazard-report-done">
        <Result
          status="success"
          title={t('hazardReporting.doneTitle', { code: done.code })}
          // R-HAZ-6 points are for the enterprise's own people: an insurer, an assessor or an officer earns none.
          subTitle={t(me.scope.enterpriseId ? 'hazardReporting.doneBody' : 'hazardReporting.doneBodyOutside')}
          extra={[
            <Button
              key="again"
              type="primary"
              icon={<PlusOutlined />}
              onClick={() => {
                setDone(null);
                form.resetFields();
              }}
              data-testid="hazard-report-again"
            >
              {t('hazardReporting.again')}
            </Button>,
            // Insurers and service institutions report but do not read the ledger: they follow it under 我上报的.
            can('hazard.read')
              ? <Link key="view" to={`/enterprises/${enterpriseId}/hazards/${done.id}`}><Button data-testid="hazard-report-view">{t('hazardReporting.view')}</Button></Link>
              : <Link key="mine" to="/my-reports"><Button data-testid="hazard-report-mine">{t('hazardReporting.myReports')}</Button></Link>,
          ]}
        />
      </Card>
    );
  }

  return (
    <div data-testid="hazard-report-page" style={{ maxWidth: 640, margin: '0 auto' }}>
      <Typography.Title level={4} style={{ marginTop: 0 }}>{t('hazardReporting.title')}</Typography.Title>
      {!own && (
        <Card size="small" style={{ marginBottom: 12 }}>
          <EnterprisePicker value={enterpriseId} style={{ width: '100%' }} onChange={(id) => setParams(id ? { enterpriseId: id } : {})} />
        </Card>
      )}
      {!enterpriseId ? <Empty description={t('enterprise.pickFirst')} /> : (
        <Card>
          {ctx.error && <Alert type="warning" showIcon style={{ marginBottom: 16 }} title={t('hazardReporting.postUnknown')} />}
          {ctx.data && (
            <Alert
              type="info"
              showIcon
              style={{ marginBottom: 16 }}
              title={t('hazardReporting.atPost', { post: ctx.data.post.name, unit: ctx.data.orgUnit.name })}
              data-testid="hazard-report-post"
            />
          )}
          <Form<Values>
            form={form}
            layout="vertical"
            requiredMark={false}
            initialValues={{ photoIds: [], title: '', description: '', location: '', level: 'general', orgUnitId: defaultUnitId }}
            onFinish={(v) => void submit(v)}
          >
            <Form.Item name="photoIds" label={t('hazardReporting.step1')}>
              <PhotoUploadField enterpriseId={enterpriseId} label={t('hazardPhoto.take')} testId="hazard-report-photo" block onUploading={setUploading} />
            </Form.Item>
            <Form.Item
              name="title"
              label={t('hazardReporting.step2')}
              rules={[{ required: true, whitespace: true, message: t('hazardReporting.titleRequired') }]}
              style={{ marginBottom: 8 }}
            >
              <LimitedInput size="large" max={200} placeholder={t('hazardReporting.titlePlaceholder')} allowClear data-testid="hazard-report-title" />
            </Form.Item>
            <Flex gap={6} wrap style={{ marginBottom: 16 }} data-testid="hazard-report-suggestions">
              {problems.map((p) => (
                <Tag.CheckableTag key={p} checked={title === p} onChange={() => form.setFieldsValue({ title: p })} style={CHIP}>{p}</Tag.CheckableTag>
              ))}
            </Flex>
            {points.length > 0 && (
              <Form.Item label={t('hazardReporting.where')}>
                <Flex gap={6} wrap data-testid="hazard-report-risk-points">
                  {points.map((r) => (
                    <Tag.CheckableTag
                      key={r.id}
                      checked={riskPointId === r.id}
                      onChange={(on) => form.setFieldsValue({ riskPointId: on ? r.id : undefined, location: on ? r.location : '' })}
                      style={CHIP}
                    >
                      {r.name}
                    </Tag.CheckableTag>
                  ))}
                </Flex>
              </Form.Item>
            )}
            <Form.Item name="riskPointId" hidden><Input /></Form.Item>
            {!ctx.data && units.data && (
              <Form.Item name="orgUnitId" label={t('hazard.orgUnit')}>
                <HazardUnitSelect units={units.data.units} testId="hazard-report-unit" />
              </Form.Item>
            )}
            <Collapse
              ghost
              size="small"
              style={{ marginBottom: 16 }}
              items={[{
                key: 'more',
                label: t('hazardReporting.more'),
                forceRender: true,
                children: (
                  <>
                    <Form.Item name="location" label={t('hazard.location')}>
                      <LimitedInput max={200} />
                    </Form.Item>
                    <Form.Item name="description" label={t('hazard.description')}>
                      <LimitedTextArea rows={3} max={2000} />
                    </Form.Item>
                    <Form.Item name="level" label={t('hazard.level')} extra={t('hazardReporting.levelHint')}>
                      <Select options={[{ value: 'general', label: t('hazardLevel.general') }, { value: 'major', label: t('hazardLevel.major') }]} />
                    </Form.Item>
                  </>
                ),
              }]}
            />
            <Button
              type="primary"
              size="large"
              block
              htmlType="submit"
              icon={<CheckCircleFilled />}
              loading={report.saving}
              disabled={uploading}
              data-testid="hazard-report-submit"
            >
              {t('hazardReporting.submit')}
            </Button>
          </Form>
        </Card>
      )}
    </div>
  );
}
