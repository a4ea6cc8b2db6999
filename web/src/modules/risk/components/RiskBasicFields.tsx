import { useMemo } from 'react';
import { Alert, Checkbox, Col, Form, Row, Select, Switch } from 'antd';
import { useI18n } from '../../../app/i18n';
import type { OrgUnit, Post } from '../../org/api/org.api';
import { postLabel } from '../../org/api/post-label';
import { OrgUnitSelect } from '../../org/components/OrgUnitSelect';
import type { Grade } from '../api/risk-grading';
import { ACCIDENT_TYPES, FACTOR_CLASSES, R8_FIELDS, R8_ITEMS, RISK_KINDS, type RiskPointFields } from '../api/risk.api';
import { LimitedInput } from '../../../app/components/LimitedInput';
import { LimitedTextArea } from '../../../app/components/LimitedTextArea';

type Props = {
  units: OrgUnit[] | undefined;
  posts: Post[] | undefined;
  /** The point's grade (or the previewed one): R-RISK-8 items are asked for grades 1–2 only. */
  grade: Grade | null;
  disabled?: boolean;
};

export type BasicValues = Omit<RiskPointFields, 'code'> & { code?: string };

/** What a risk point is: kind, name, where, which posts, its hazard factors by class and the accidents they may cause. */
export function RiskBasicFields({ units, posts, grade, disabled }: Props) {
  const { t, tx } = useI18n();
  const postOptions = useMemo(() => (posts ?? []).map((p) => ({ value: p.id, label: postLabel(p) })), [posts]);
  const required = { required: true, message: t('validation.required') };
  return (
    <Row gutter={16}>
      <Col xs={24} md={16}>
        <Form.Item name="name" label={t('risk.name')} rules={[{ ...required, whitespace: true }]}>
          <LimitedInput max={200} disabled={disabled} data-testid="field-risk-name" />
        </Form.Item>
      </Col>
      <Col xs={24} md={8}>
        <Form.Item name="code" label={t('risk.code')} extra={t('risk.codeHint')}>
          <LimitedInput max={40} disabled={disabled} data-testid="field-risk-code" />
        </Form.Item>
      </Col>
      <Col xs={24} md={12}>
        <Form.Item name="kind" label={t('risk.kindLabel')} rules={[required]}>
          <Select disabled={disabled} options={RISK_KINDS.map((k) => ({ value: k, label: t(`risk.kind.${k}`) }))} data-testid="field-risk-kind" />
        </Form.Item>
      </Col>
      <Col xs={24} md={12}>
        <Form.Item name="orgUnitId" label={t('risk.orgUnit')} rules={[required]}>
          <OrgUnitSelect units={units} placeholder={t('risk.orgUnit')} testId="field-risk-unit" />
        </Form.Item>
      </Col>
      <Col xs={24} md={12}>
        <Form.Item name="postIds" label={t('risk.posts')} extra={t('risk.postsHint')}>
          <Select mode="multiple" allowClear disabled={disabled} options={postOptions} showSearch={{ optionFilterProp: 'label' }} data-testid="field-risk-posts" />
        </Form.Item>
      </Col>
      <Col xs={24} md={12}>
        <Form.Item name="location" label={t('risk.location')}>
          <LimitedInput max={200} disabled={disabled} data-testid="field-risk-location" />
        </Form.Item>
      </Col>
      {FACTOR_CLASSES.map((c) => (
        <Col xs={24} md={12} key={c}>
          <Form.Item name={['hazardFactors', c]} label={t(`risk.factor.${c}`)}>
            <Select mode="tags" disabled={disabled} open={false} suffixIcon={null} tokenSeparators={['，', ',', '；', ';']} placeholder={t('risk.factorPlaceholder')} data-testid={`field-risk-factor-${c}`} />
          </Form.Item>
        </Col>
      ))}
      <Col xs={24} md={16}>
        <Form.Item name="accidentTypes" label={t('risk.accidentTypes')}>
          <Select mode="multiple" allowClear disabled={disabled} options={ACCIDENT_TYPES.map((a) => ({ value: a, label: tx(`accident.${a}`, a) }))} data-testid="field-risk-accidents" />
        </Form.Item>
      </Col>
      <Col xs={24} md={8}>
        <Form.Item name="majorHazardSource" label={t('risk.majorHazardSource')} valuePropName="checked">
          <Switch disabled={disabled} data-testid="field-risk-mhs" />
        </Form.Item>
      </Col>
      <Col xs={24}>
        <Form.Item name="emergencyMeasures" label={t('risk.emergencyMeasures')}>
          <LimitedTextArea rows={3} max={2000} disabled={disabled} data-testid="field-risk-emergency" />
        </Form.Item>
      </Col>
      {grade !== null && grade <= 2 && (
        <Col xs={24}>
          <Alert type="warning" showIcon title={t('risk.r8.title')} style={{ marginBottom: 12 }} />
          <Row gutter={[8, 0]}>
            {R8_ITEMS.map((item) => (
              <Col xs={24} sm={12} key={item}>
                <Form.Item name={R8_FIELDS[item]} valuePropName="checked" style={{ marginBottom: 8 }}>
                  <Checkbox disabled={disabled} data-testid={`field-risk-r8-${item}`}>{t(`risk.r8.${item}`)}</Checkbox>
                </Form.Item>
              </Col>
            ))}
          </Row>
        </Col>
      )}
    </Row>
  );
}
