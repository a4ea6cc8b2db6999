import { useState } from 'react';
import { Alert, Button, Flex, Popconfirm, Radio, Select, Typography } from 'antd';
import { useI18n } from '../../../app/i18n';
import type { RiskMap } from '../api/risk-map.api';
import type { Draft } from './RiskMapCanvas';

type Props = {
  map: RiskMap;
  draft: (Draft & { pointId: string }) | null;
  saving: boolean;
  onStart: (pointId: string, type: Draft['type']) => void;
  onUndo: () => void;
  onFinish: () => void;
  onCancel: () => void;
  onUnplace: (pointId: string) => void;
};

/** "Place" mode: pick a point, then a marker (one click) or an area (clicks, then finish) on the plan. */
export function PlacementPanel({ map, draft, saving, onStart, onUndo, onFinish, onCancel, onUnplace }: Props) {
  const { t } = useI18n();
  const [pointId, setPointId] = useState<string | undefined>();
  const [type, setType] = useState<Draft['type']>('marker');
  const onPlan = map.points.some((p) => p.id === pointId);
  const label = (p: { code: string; name: string; grade: number | null }) => `${p.code} ${p.name}${p.grade ? ` · ${t(`risk.gradeShort.${p.grade as 1 | 2 | 3 | 4}`)}` : ''}`;

  if (draft) {
    return (
      <Flex vertical gap={8} data-testid="map-placing">
        <Alert type="info" showIcon title={draft.type === 'marker' ? t('risk.map.markerHint') : t('risk.map.polygonHint')} />
        {draft.type === 'polygon' && (
          <>
            <Typography.Text>{t('risk.map.vertices', { n: draft.vertices.length })}</Typography.Text>
            <Flex gap={8} wrap>
              <Button onClick={onUndo} disabled={draft.vertices.length === 0}>{t('risk.map.undo')}</Button>
              <Button type="primary" onClick={onFinish} disabled={draft.vertices.length < 3} loading={saving} data-testid="map-finish">{t('risk.map.finish')}</Button>
            </Flex>
          </>
        )}
        <Button onClick={onCancel} data-testid="map-cancel">{t('common.cancel')}</Button>
      </Flex>
    );
  }

  return (
    <Flex vertical gap={8} data-testid="map-place-panel">
      <Select
        showSearch={{ optionFilterProp: 'label' }}
        placeholder={t('risk.map.placePoint')}
        value={pointId}
        onChange={setPointId}
        options={[
          { label: t('risk.map.unplacedGroup'), options: map.unplaced.map((p) => ({ value: p.id, label: label(p) })) },
          { label: t('risk.map.placedGroup'), options: map.points.map((p) => ({ value: p.id, label: label(p) })) },
        ]}
        data-testid="map-place-point"
      />
      <Radio.Group value={type} onChange={(e) => setType(e.target.value as Draft['type'])} optionType="button" data-testid="map-place-type"
        options={[{ value: 'marker', label: t('risk.map.marker') }, { value: 'polygon', label: t('risk.map.polygon') }]} />
      <Flex gap={8} wrap>
        <Button type="primary" disabled={!pointId} onClick={() => pointId && onStart(pointId, type)} data-testid="map-place-start">{t('risk.map.place')}</Button>
        {onPlan && pointId && (
          <Popconfirm title={t('risk.map.unplace')} onConfirm={() => onUnplace(pointId)} okText={t('common.ok')} cancelText={t('common.cancel')}>
            <Button danger>{t('risk.map.unplace')}</Button>
          </Popconfirm>
        )}
      </Flex>
    </Flex>
  );
}
