import { useEffect, useMemo, useState } from 'react';
import { DeleteOutlined } from '@ant-design/icons';
import { App, Button, Divider, Drawer, Flex, Form, Popconfirm, Switch, Tabs, Typography } from 'antd';
import { ErrorState } from '../../../app/components/ErrorState';
import { PageLoading } from '../../../app/components/PageLoading';
import { useShowError } from '../../../app/errors';
import { useI18n } from '../../../app/i18n';
import { useDrawerSize } from '../../../app/responsive';
import { useApiMutation, useApiQuery } from '../../../app/useApi';
import { orgApi } from '../../org/api/org.api';
import { postLabel } from '../../org/api/post-label';
import { isAccidentType, riskApi, riskQueries, type RiskDetail, type RiskPointCreate, type RiskPointUpdate } from '../api/risk.api';
import { AssessmentFields } from './AssessmentFields';
import { AssessmentHistory } from './AssessmentHistory';
import { emptyAssessment, previewAssessment, toAssessmentInput, type AssessmentValues } from './assessment-values';
import { ControllersForm } from './ControllersForm';
import { GradeTag } from './GradeTag';
import { MeasuresEditor } from './MeasuresEditor';
import { RiskAssessForm } from './RiskAssessForm';
import { RiskBasicFields, type BasicValues } from './RiskBasicFields';
import { RiskPointView } from './RiskPointView';

type Props = {
  enterpriseId: string;
  /** null: a new point. */
  pointId: string | null;
  /** The ledger's canManage; the point's own abilities narrow it further. */
  canManage: boolean;
  onClose: () => void;
  /** A new point was saved: the drawer stays open on it. */
  onCreated?: (id: string) => void;
};

type NewValues = BasicValues & { assessNow: boolean; a: AssessmentValues };

const EMPTY_FACTORS = { people: [], things: [], environment: [], management: [] };

/**
 * One risk point: what it is, its assessments, who controls it and how. A new point may be assessed as it is created.
 * Every save shows the point as the server answered it and reloads the ledger, its counts and the other views of it.
 */
export function RiskPointDrawer({ enterpriseId, pointId, canManage, onClose, onCreated }: Props) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const showError = useShowError();
  const size = useDrawerSize(820);
  const [currentId, setCurrentId] = useState(pointId);
  const [tab, setTab] = useState('basic');
  const [editing, setEditing] = useState(pointId === null);
  const [basicForm] = Form.useForm<BasicValues>();
  // The address names the open point: going back or forward to another one shows that one.
  useEffect(() => {
    if (pointId !== null) setCurrentId(pointId);
  }, [pointId]);
  const [newForm] = Form.useForm<NewValues>();

  // The rule-set in force is published on the rule-set screen, whose saves reload `['rules']`.
  const rules = useApiQuery(['rules', 'current', 'risk'], (signal) => riskApi.currentRules(signal));
  const units = useApiQuery(['org', enterpriseId, 'units'], (signal) => orgApi.units(enterpriseId, signal));
  const posts = useApiQuery(['org', enterpriseId, 'posts', 'all'], (signal) => orgApi.posts(enterpriseId, undefined, signal));
  const detail = useApiQuery(['risk', enterpriseId, 'points', 'detail', currentId], (signal) => riskApi.get(enterpriseId, currentId ?? '', signal), currentId !== null);
  const point = detail.data;
  const editable = canManage && (point?.abilities.canEdit ?? true);
  const postNames = useMemo(() => new Map((posts.data ?? []).map((p) => [p.id, postLabel(p)])), [posts.data]);

  const newValues = Form.useWatch([], newForm) as Partial<NewValues> | undefined;
  const previewGrade = newValues?.assessNow ? previewAssessment(newValues.a, rules.data?.rules).grade : null;

  const created = useApiMutation((body: RiskPointCreate) => riskApi.create(enterpriseId, body), {
    invalidates: riskQueries(enterpriseId),
    onSuccess: (p) => {
      message.success(t('risk.created', { code: p.code }));
      detail.setData(p);
      setCurrentId(p.id);
      setEditing(false);
      setTab(p.grade ? 'controllers' : 'assess');
      onCreated?.(p.id);
    },
  });
  const updated = useApiMutation((i: { id: string; body: RiskPointUpdate }) => riskApi.update(enterpriseId, i.id, i.body), {
    invalidates: riskQueries(enterpriseId),
    onSuccess: (p) => {
      message.success(t('common.saved'));
      setEditing(false);
      detail.setData(p);
    },
  });
  const archived = useApiMutation((id: string) => riskApi.archive(enterpriseId, id), {
    invalidates: riskQueries(enterpriseId),
    onSuccess: () => {
      message.success(t('risk.archived'));
      onClose();
    },
  });
  const saving = created.saving || updated.saving;

  const create = async (v: NewValues) => {
    const { assessNow, a, code, ...fields } = v;
    const body: RiskPointCreate = {
      ...fields,
      ...(code?.trim() ? { code: code.trim() } : {}),
      hazardFactors: { ...EMPTY_FACTORS, ...fields.hazardFactors },
      hasWarningSigns: !!fields.hasWarningSigns, hasMonitoring: !!fields.hasMonitoring,
      hasEmergencyEquipment: !!fields.hasEmergencyEquipment, hasEscapeRoutes: !!fields.hasEscapeRoutes,
      ...(assessNow ? { assessment: toAssessmentInput(a) } : {}),
    };
    try {
      await created.run(body);
    } catch (e) {
      showError(e, { form: newForm });
    }
  };

  const update = async (v: BasicValues) => {
    if (!point) return;
    const { code, ...fields } = v;
    try {
      await updated.run({
        id: point.id,
        body: { ...fields, ...(code?.trim() ? { code: code.trim() } : {}), hazardFactors: { ...EMPTY_FACTORS, ...fields.hazardFactors }, version: point.version },
      });
    } catch (e) {
      showError(e, { form: basicForm, onConflict: detail.reload });
    }
  };

  const archive = async () => {
    if (!point) return;
    try {
      await archived.run(point.id);
    } catch (e) {
      showError(e);
    }
  };

  const basicInitial = (p: RiskDetail): BasicValues => ({
    code: p.code, name: p.name, kind: p.kind, orgUnitId: p.orgUnitId, postIds: p.postIds, location: p.location, hazardFactors: p.hazardFactors,
    accidentTypes: p.accidentTypes.filter(isAccidentType), majorHazardSource: p.majorHazardSource, emergencyMeasures: p.emergencyMeasures,
    hasWarningSigns: p.hasWarningSigns, hasMonitoring: p.hasMonitoring, hasEmergencyEquipment: p.hasEmergencyEquipment, hasEscapeRoutes: p.hasEscapeRoutes,
  });

  let body;
  if (currentId === null) {
    body = (
      <Form<NewValues>
        form={newForm}
        layout="vertical"
        scrollToFirstError
        onFinish={(v) => void create(v)}
        data-testid="risk-create-form"
        initialValues={{
          name: '', code: '', kind: 'place', postIds: [], location: '', hazardFactors: EMPTY_FACTORS, accidentTypes: [], majorHazardSource: false,
          emergencyMeasures: '', hasWarningSigns: false, hasMonitoring: false, hasEmergencyEquipment: false, hasEscapeRoutes: false,
          assessNow: true, a: emptyAssessment('inherent', t('risk.firstAssessmentReason')),
        }}
      >
        <RiskBasicFields units={units.data} posts={posts.data} grade={previewGrade} />
        <Divider titlePlacement="start">{t('risk.tabAssess')}</Divider>
        <Form.Item name="assessNow" valuePropName="checked" label={t('risk.assessNow')}>
          <Switch data-testid="field-assess-now" />
        </Form.Item>
        {newValues?.assessNow !== false && <AssessmentFields name="a" rules={rules.data?.rules} rulesVersion={rules.data?.version} />}
      </Form>
    );
  } else if (detail.error) {
    body = <ErrorState error={detail.error} onRetry={detail.reload} />;
  } else if (!point) {
    body = <PageLoading />;
  } else {
    body = (
      <Tabs
        activeKey={tab}
        onChange={setTab}
        data-testid="risk-tabs"
        items={[
          {
            key: 'basic',
            label: t('risk.tabBasic'),
            children: editing ? (
              <Form<BasicValues> form={basicForm} layout="vertical" scrollToFirstError onFinish={(v) => void update(v)} initialValues={basicInitial(point)} data-testid="risk-edit-form">
                <RiskBasicFields units={units.data} posts={posts.data} grade={point.grade} />
              </Form>
            ) : <RiskPointView enterpriseId={enterpriseId} point={point} postNames={postNames} />,
          },
          {
            key: 'assess',
            label: t('risk.tabAssess'),
            children: (
              <Flex vertical gap={16}>
                {editable && point.abilities.canAssess && <RiskAssessForm enterpriseId={enterpriseId} point={point} rules={rules.data} onSaved={detail.setData} />}
                <Typography.Title level={5} style={{ margin: 0 }}>{t('risk.history')}</Typography.Title>
                <AssessmentHistory assessments={point.assessments} />
              </Flex>
            ),
          },
          { key: 'controllers', label: t('risk.tabControllers'), children: <ControllersForm enterpriseId={enterpriseId} point={point} editable={editable} onSaved={detail.setData} /> },
          { key: 'measures', label: t('risk.tabMeasures'), children: <MeasuresEditor enterpriseId={enterpriseId} point={point} posts={posts.data} editable={editable} onSaved={detail.setData} /> },
        ]}
      />
    );
  }

  const footer = currentId === null
    ? (
      <Flex justify="flex-end" gap={8}>
        <Button onClick={onClose}>{t('common.cancel')}</Button>
        <Button type="primary" loading={saving} onClick={() => newForm.submit()} data-testid="risk-save">{t('common.save')}</Button>
      </Flex>
    )
    : point && editable && tab === 'basic' && (
      <Flex justify="space-between" gap={8} wrap>
        <Popconfirm title={t('risk.archiveConfirm', { name: point.name })} onConfirm={() => void archive()} okButtonProps={{ danger: true }} okText={t('common.delete')} cancelText={t('common.cancel')}>
          <Button danger icon={<DeleteOutlined />} data-testid="risk-archive">{t('risk.archive')}</Button>
        </Popconfirm>
        {editing
          ? (
            <Flex gap={8}>
              <Button onClick={() => setEditing(false)}>{t('common.cancel')}</Button>
              <Button type="primary" loading={saving} onClick={() => basicForm.submit()} data-testid="risk-save">{t('common.save')}</Button>
            </Flex>
          )
          : <Button type="primary" onClick={() => setEditing(true)} data-testid="risk-edit">{t('common.edit')}</Button>}
      </Flex>
    );

  return (
    <Drawer
      open
      size={size}
      onClose={onClose}
      destroyOnHidden
      data-testid="risk-drawer"
      title={point ? <Flex gap={8} align="center" wrap><span>{point.code} {point.name}</span><GradeTag grade={point.grade} testId="risk-drawer-grade" /></Flex> : t('risk.create')}
      footer={footer || undefined}
    >
      {body}
    </Drawer>
  );
}
