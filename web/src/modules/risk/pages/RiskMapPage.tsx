import { lazy, Suspense, useCallback, useEffect, useState } from 'react';
import { DeleteOutlined, PrinterOutlined, UnorderedListOutlined, UploadOutlined } from '@ant-design/icons';
import { App, Button, Card, Col, Empty, Popconfirm, Row, Select, Space } from 'antd';
import { Link, useSearchParams } from 'react-router';
import { useMe } from '../../../app/auth';
import { ErrorState } from '../../../app/components/ErrorState';
import { PageHeader } from '../../../app/components/PageHeader';
import { PageLoading } from '../../../app/components/PageLoading';
import { useShowError } from '../../../app/errors';
import { useI18n } from '../../../app/i18n';
import { useApiMutation, useApiQuery } from '../../../app/useApi';
import { enterprisesApi } from '../../enterprises/api/enterprises.api';
import { riskMapApi, riskMapQueries } from '../api/risk-map.api';
import type { Shape } from '../api/risk.api';
import { MapLegend } from '../components/MapLegend';
import { MapPointPanel } from '../components/MapPointPanel';
import { RiskMapCanvas, type Draft } from '../components/RiskMapCanvas';
import { useRiskEnterprise } from '../components/useRiskEnterprise';

// Editing tools (forms, upload) load only for managers who use them: the map itself must be quick to show.
const FloorPlanUploadModal = lazy(async () => ({ default: (await import('../components/FloorPlanUploadModal')).FloorPlanUploadModal }));
const PlacementPanel = lazy(async () => ({ default: (await import('../components/PlacementPanel')).PlacementPanel }));

/** Up to this many points the shapes carry their codes; beyond, the plan stays legible without them. */
const LABEL_LIMIT = 80;

/** 一企一分布图: choose a plan, see its points in the four colours, click one for details; managers upload and draw. */
export function RiskMapPage() {
  const { t } = useI18n();
  const me = useMe();
  const { message } = App.useApp();
  const showError = useShowError();
  const { enterpriseId = '', drillDown, base } = useRiskEnterprise();
  const [params, setParams] = useSearchParams();
  const planParam = params.get('plan') ?? undefined;
  const [selected, setSelected] = useState<string | null>(null);
  const [uploading, setUploading] = useState(false);
  const [draft, setDraft] = useState<(Draft & { pointId: string }) | null>(null);

  const plans = useApiQuery(['risk', enterpriseId, 'floor-plans'], (signal) => riskMapApi.plans(enterpriseId, signal), !!enterpriseId);
  const map = useApiQuery(['risk', enterpriseId, 'map', planParam ?? null], (signal) => riskMapApi.map(enterpriseId, planParam, signal), !!enterpriseId);
  const enterprise = useApiQuery(['enterprises', 'detail', enterpriseId], (signal) => enterprisesApi.get(enterpriseId, signal), drillDown);
  const data = map.data;
  const plan = data?.floorPlan ?? null;

  // With the plan in the address, fetch its image alongside the data instead of after it.
  useEffect(() => {
    if (!enterpriseId || !planParam) return;
    const img = new Image();
    img.src = riskMapApi.imageUrl(enterpriseId, planParam);
  }, [enterpriseId, planParam]);
  const canManage = !drillDown && (data?.canManage ?? false);

  const choosePlan = (id: string) => {
    setSelected(null);
    setDraft(null);
    setParams({ plan: id });
  };

  const place = useApiMutation((i: { pointId: string; floorPlanId: string | null; shape: Shape | null }) => riskMapApi.place(enterpriseId, i.pointId, i.floorPlanId, i.shape), {
    invalidates: riskMapQueries(enterpriseId),
    onSuccess: (_, { pointId, shape }) => {
      message.success(shape ? t('risk.map.placed') : t('common.saved'));
      setDraft(null);
      setSelected(shape ? pointId : null);
    },
  });
  const removed = useApiMutation((id: string) => riskMapApi.remove(enterpriseId, id), {
    invalidates: riskMapQueries(enterpriseId),
    onSuccess: () => {
      message.success(t('common.deleted'));
      setParams({});
    },
  });

  const { run: runPlace } = place;
  const save = useCallback(async (pointId: string, shape: Shape | null) => {
    if (!plan) return;
    try {
      await runPlace({ pointId, floorPlanId: shape ? plan.id : null, shape });
    } catch (e) {
      showError(e);
    }
  }, [plan, runPlace, showError]);

  const planClick = useCallback((x: number, y: number) => {
    if (!draft) return;
    if (draft.type === 'marker') {
      void save(draft.pointId, { type: 'marker', x, y });
      return;
    }
    setDraft({ ...draft, vertices: [...draft.vertices, [x, y]] });
  }, [draft, save]);

  const removePlan = async () => {
    if (!plan) return;
    try {
      await removed.run(plan.id);
    } catch (e) {
      showError(e);
    }
  };

  if (!enterpriseId) return <Empty description={t('enterprise.pickFirst')} />;
  const name = drillDown ? enterprise.data?.name : me.scope.name;

  return (
    <div data-testid="risk-map-page">
      <PageHeader
        title={t('risk.map.title')}
        sub={name}
        extra={
          <>
            {(plans.data?.items.length ?? 0) > 0 && (
              <Select
                style={{ minWidth: 200 }}
                value={plan?.id}
                onChange={choosePlan}
                placeholder={t('risk.map.pickPlan')}
                options={plans.data?.items.map((p) => ({ value: p.id, label: `${p.name} · ${t('risk.map.pointsOnPlan', { n: p.pointCount })}` }))}
                data-testid="map-plan-select"
              />
            )}
            <Link to={base}><Button icon={<UnorderedListOutlined />}>{t('risk.ledgerTitle')}</Button></Link>
            {plan && <Link to={`/risk/print/${enterpriseId}/map/${plan.id}`}><Button icon={<PrinterOutlined />} data-testid="map-print">{t('risk.map.print')}</Button></Link>}
            {canManage && <Button type="primary" icon={<UploadOutlined />} onClick={() => setUploading(true)} data-testid="map-upload">{t('risk.map.upload')}</Button>}
          </>
        }
      />
      {map.error ? <ErrorState error={map.error} onRetry={map.reload} /> : !data ? <PageLoading /> : !plan ? (
        <Card><Empty description={<>{t('risk.map.noPlans')}<br />{canManage && t('risk.map.noPlansHint')}</>} /></Card>
      ) : (
        <Row gutter={[16, 16]}>
          <Col xs={24} xl={17}>
            <Card size="small" styles={{ body: { padding: 8 } }}>
              <RiskMapCanvas
                imageUrl={riskMapApi.imageUrl(enterpriseId, plan.id)}
                width={plan.width}
                height={plan.height}
                points={data.points}
                selectedId={selected}
                onSelect={setSelected}
                draft={draft}
                onPlanClick={planClick}
                labels={data.points.length <= LABEL_LIMIT}
              />
            </Card>
          </Col>
          <Col xs={24} xl={7}>
            <Space orientation="vertical" size={16} style={{ width: '100%' }}>
              <Card size="small" title={t('risk.map.legend')}>
                <MapLegend legend={data.legend} unplaced={data.unplaced.length} />
              </Card>
              <Card size="small" title={t('risk.map.details')}>
                <MapPointPanel point={data.points.find((p) => p.id === selected)} ledgerPath={base} />
              </Card>
              {canManage && (
                <Card
                  size="small"
                  title={t('risk.map.place')}
                  extra={(
                    <Popconfirm title={t('risk.map.deletePlanConfirm', { name: plan.name })} onConfirm={() => void removePlan()} okButtonProps={{ danger: true }} okText={t('common.delete')} cancelText={t('common.cancel')}>
                      <Button type="text" danger size="small" icon={<DeleteOutlined />}>{t('risk.map.deletePlan')}</Button>
                    </Popconfirm>
                  )}
                >
                  <Suspense fallback={null}>
                    <PlacementPanel
                      map={data}
                      draft={draft}
                      saving={place.saving}
                      onStart={(pointId, type) => {
                        setSelected(null);
                        setDraft({ pointId, type, vertices: [] });
                      }}
                      onUndo={() => draft && setDraft({ ...draft, vertices: draft.vertices.slice(0, -1) })}
                      onFinish={() => draft && void save(draft.pointId, { type: 'polygon', points: draft.vertices })}
                      onCancel={() => setDraft(null)}
                      onUnplace={(id) => void save(id, null)}
                    />
                  </Suspense>
                </Card>
              )}
            </Space>
          </Col>
        </Row>
      )}
      {uploading && (
        <Suspense fallback={null}>
          <FloorPlanUploadModal
            enterpriseId={enterpriseId}
            onClose={() => setUploading(false)}
            onUploaded={(p) => {
              setUploading(false);
              message.success(t('risk.map.uploaded'));
              choosePlan(p.id);
            }}
          />
        </Suspense>
      )}
    </div>
  );
}
