import { Descriptions, Space, Tag, Typography } from 'antd';
import { Link } from 'react-router';
import { formatDate } from '../../../app/format';
import { useI18n } from '../../../app/i18n';
import { MEANING_TAG } from '../../../app/palette';
import { FACTOR_CLASSES, R8_FIELDS, R8_ITEMS, type RiskDetail } from '../api/risk.api';
import { GradeTag } from './GradeTag';
import { RiskFlags } from './RiskFlags';

type Props = { enterpriseId: string; point: RiskDetail; postNames: Map<string, string> };

/** A point as read by someone who may not change it (or before they choose to). */
export function RiskPointView({ enterpriseId, point, postNames }: Props) {
  const { t, tx } = useI18n();
  const list = (xs: string[]) => (xs.length ? xs.join(t('risk.p.list')) : '—');
  return (
    <Descriptions column={1} size="small" bordered data-testid="risk-point-view" styles={{ label: { width: 140 } }}>
      <Descriptions.Item label={t('risk.code')}>{point.code}</Descriptions.Item>
      <Descriptions.Item label={t('risk.name')}>{point.name}</Descriptions.Item>
      <Descriptions.Item label={t('risk.kindLabel')}>{t(`risk.kind.${point.kind}`)}</Descriptions.Item>
      <Descriptions.Item label={t('risk.gradeLabel')}>
        <Space wrap>
          <GradeTag grade={point.grade} />
          {point.inherentGrade && <Typography.Text type="secondary">{t('risk.stage.inherent')}{t('risk.p.colon')}{t(`risk.gradeShort.${point.inherentGrade}`)}</Typography.Text>}
          {point.residualGrade && <Typography.Text type="secondary">{t('risk.stage.residual')}{t('risk.p.colon')}{t(`risk.gradeShort.${point.residualGrade}`)}</Typography.Text>}
          {point.scores && <Typography.Text type="secondary">{point.scores}</Typography.Text>}
        </Space>
      </Descriptions.Item>
      <Descriptions.Item label={t('risk.controlLevel')}>{point.controlLevel ? t(`risk.level.${point.controlLevel}`) : '—'}</Descriptions.Item>
      <Descriptions.Item label={t('risk.reassessDue')}>{formatDate(point.reassessDue)}</Descriptions.Item>
      <Descriptions.Item label={t('risk.flags')}><RiskFlags missingR8={point.missingR8} overdue={point.overdue} controlFailing={point.controlFailing} /></Descriptions.Item>
      <Descriptions.Item label={t('risk.orgUnit')}>{point.orgUnitName}</Descriptions.Item>
      <Descriptions.Item label={t('risk.posts')}>
        {point.postIds.length === 0 ? '—' : (
          <Space wrap size={4}>
            {point.postIds.map((id) => (
              <Link key={id} to={`/risk/print/${enterpriseId}/posts/${id}`} data-testid="risk-post-card-link">
                <Tag color="blue">{postNames.get(id) ?? id} · {t('risk.card.short')}</Tag>
              </Link>
            ))}
          </Space>
        )}
      </Descriptions.Item>
      <Descriptions.Item label={t('risk.location')}>{point.location || '—'}</Descriptions.Item>
      {FACTOR_CLASSES.map((c) => <Descriptions.Item key={c} label={t(`risk.factor.${c}`)}>{list(point.hazardFactors[c])}</Descriptions.Item>)}
      <Descriptions.Item label={t('risk.accidentTypes')}>{list(point.accidentTypes.map((a) => tx(`accident.${a}`, a)))}</Descriptions.Item>
      <Descriptions.Item label={t('risk.majorHazardSource')}>{point.majorHazardSource ? t('common.yes') : t('common.no')}</Descriptions.Item>
      <Descriptions.Item label={t('risk.emergencyMeasures')}><span style={{ whiteSpace: 'pre-wrap' }}>{point.emergencyMeasures || '—'}</span></Descriptions.Item>
      {point.grade !== null && point.grade <= 2 && (
        <Descriptions.Item label={t('risk.r8.short')}>
          <Space wrap size={4}>
            {R8_ITEMS.map((i) => <Tag key={i} color={point[R8_FIELDS[i]] ? MEANING_TAG.done : MEANING_TAG.danger}>{point[R8_FIELDS[i]] ? '✓' : '✗'} {t(`risk.r8.${i}`)}</Tag>)}
          </Space>
        </Descriptions.Item>
      )}
    </Descriptions>
  );
}
