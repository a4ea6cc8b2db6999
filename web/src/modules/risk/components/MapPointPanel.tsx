import { Button, Descriptions, Typography } from 'antd';
import { Link } from 'react-router';
import { useI18n } from '../../../app/i18n';
import type { MapPoint } from '../api/risk-map.api';
import { GradeTag } from './GradeTag';
import { RiskFlags } from './RiskFlags';

/** The clicked point's essentials, with a way into its full record in the ledger. */
export function MapPointPanel({ point, ledgerPath }: { point: MapPoint | undefined; ledgerPath: string }) {
  const { t } = useI18n();
  if (!point) return <Typography.Text type="secondary">{t('risk.map.clickHint')}</Typography.Text>;
  return (
    <div data-testid="map-point-panel">
      <Descriptions column={1} size="small" styles={{ label: { width: 88 } }}>
        <Descriptions.Item label={t('risk.name')}><Typography.Text strong data-testid="map-point-name">{point.code} {point.name}</Typography.Text></Descriptions.Item>
        <Descriptions.Item label={t('risk.gradeLabel')}><GradeTag grade={point.grade} /></Descriptions.Item>
        <Descriptions.Item label={t('risk.kindLabel')}>{t(`risk.kind.${point.kind}`)}</Descriptions.Item>
        <Descriptions.Item label={t('risk.orgUnit')}>{point.orgUnitName}</Descriptions.Item>
        <Descriptions.Item label={t('risk.flags')}><RiskFlags missingR8={point.missingR8} overdue={false} controlFailing={point.controlFailing} /></Descriptions.Item>
      </Descriptions>
      <Link to={`${ledgerPath}?point=${point.id}`}><Button size="small" style={{ marginTop: 8 }} data-testid="map-open-point">{t('risk.map.openInLedger')}</Button></Link>
    </div>
  );
}
