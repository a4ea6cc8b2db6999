import { Alert, Card, Checkbox, Flex, Form, Radio, Space, Tooltip, Typography } from 'antd';
import { useIsMobile } from '../../../app/responsive';
import { useI18n, type MessageKey } from '../../../app/i18n';
import { DIRECT_CONDITIONS, LEC_VALUES, LS_VALUES, MES_VALUES, type Method, type RiskRuleSet } from '../api/risk-grading';
import { METHODS, previewAssessment, type AssessmentValues } from './assessment-values';
import { GradeTag } from './GradeTag';
import { LimitedTextArea } from '../../../app/components/LimitedTextArea';

type Props = {
  /** Where the values live in the surrounding form. */
  name: string;
  rules: RiskRuleSet | undefined;
  rulesVersion: number | undefined;
};

type ValuePicker = { method: Exclude<Method, 'DIRECT'>; factor: string; values: readonly number[] };

const PICKERS: ValuePicker[] = [
  { method: 'LEC', factor: 'L', values: LEC_VALUES.L },
  { method: 'LEC', factor: 'E', values: LEC_VALUES.E },
  { method: 'LEC', factor: 'C', values: LEC_VALUES.C },
  { method: 'LS', factor: 'L', values: LS_VALUES.L },
  { method: 'LS', factor: 'S', values: LS_VALUES.S },
  { method: 'MES', factor: 'M', values: MES_VALUES.M },
  { method: 'MES', factor: 'E', values: MES_VALUES.E },
  { method: 'MES', factor: 'S', values: MES_VALUES.S },
];

/**
 * R-RISK-3 and the scoring methods: each factor is picked from its published list (never typed), and the grade is
 * previewed live with the rule-set in force. The server computes the grade it stores.
 */
export function AssessmentFields({ name, rules, rulesVersion }: Props) {
  const { t, tx } = useI18n();
  const phone = useIsMobile();
  const form = Form.useFormInstance();
  const values = Form.useWatch([name], form) as Partial<AssessmentValues> | undefined;
  const methods = values?.methods ?? [];
  const preview = previewAssessment(values, rules);

  return (
    <Flex vertical gap={4}>
      <Form.Item name={[name, 'stage']} label={t('risk.stageLabel')}>
        <Radio.Group optionType="button" options={(['inherent', 'residual'] as const).map((s) => ({ value: s, label: t(`risk.stage.${s}`) }))} data-testid="assess-stage" />
      </Form.Item>
      <Form.Item name={[name, 'methods']} label={t('risk.methods')} rules={[{ required: true, type: 'array', min: 1, message: t('risk.pickMethod') }]} extra={t('risk.methodsHint')}>
        <Checkbox.Group options={METHODS.map((m) => ({ value: m, label: t(`risk.method.${m}`) }))} data-testid="assess-methods" />
      </Form.Item>
      {METHODS.filter((m) => methods.includes(m)).map((m) => (
        <Card key={m} size="small" title={t(`risk.method.${m}`)} style={{ marginBottom: 12 }} data-testid={`assess-${m}`}>
          {m === 'DIRECT'
            ? (
              <Form.Item name={[name, 'DIRECT', 'conditions']} extra={t('risk.directHint')} style={{ marginBottom: 0 }}>
                <Checkbox.Group style={{ display: 'flex', flexDirection: 'column', gap: 6 }} options={DIRECT_CONDITIONS.map((c) => ({ value: c, label: t(`risk.direct.${c}`) }))} />
              </Form.Item>
            )
            : PICKERS.filter((p) => p.method === m).map((p) => (
              <Form.Item
                key={p.factor}
                name={[name, p.method, p.factor]}
                label={t(`risk.factorName.${p.method}.${p.factor}` as MessageKey)}
                rules={[{ required: true, message: t('risk.pickValue') }]}
                style={{ marginBottom: 8 }}
              >
                <Radio.Group
                  optionType="button"
                  buttonStyle="solid"
                  size={phone ? 'large' : 'small'}
                  style={phone ? { display: 'flex', flexWrap: 'wrap', gap: 4 } : undefined}
                  data-testid={`assess-${p.method}-${p.factor}`}
                >
                  {p.values.map((v) => (
                    <Tooltip key={v} title={tx(`risk.value.${p.method}.${p.factor}.${v}`, '')}>
                      {/* Issue 10: on a phone each value is a 44 × 44 px touch target (24 px was too small to hit). */}
                      <Radio.Button value={v} style={phone ? { minWidth: 48, height: 44, lineHeight: '42px', textAlign: 'center' } : undefined}>{v}</Radio.Button>
                    </Tooltip>
                  ))}
                </Radio.Group>
              </Form.Item>
            ))}
        </Card>
      ))}
      <Alert
        type={preview.grade === 1 ? 'error' : preview.grade === 2 ? 'warning' : 'info'}
        data-testid="assess-preview"
        title={
          <Space wrap>
            <span>{t('risk.previewGrade')}</span>
            {preview.grade ? <GradeTag grade={preview.grade} testId="assess-preview-grade" /> : <Typography.Text type="secondary">{t('risk.previewIncomplete')}</Typography.Text>}
            {preview.grade && rules && <span>{t('risk.previewControl', { level: t(`risk.level.${rules.controlLevel[preview.grade]}`), months: rules.reassessMonths[preview.grade] })}</span>}
          </Space>
        }
        description={
          <Flex vertical gap={2}>
            {preview.results.map((r) => (
              <span key={r.method}>
                {t(`risk.methodShort.${r.method}`)}{r.formula ? `${t('risk.p.colon')}${r.formula}` : ''} → {t(`risk.grade.${r.grade}`)}
              </span>
            ))}
            {preview.results.length > 1 && <span>{t('risk.strictest')}</span>}
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>{t('risk.rulesVersion', { v: rulesVersion ?? '–' })}</Typography.Text>
          </Flex>
        }
      />
      <Form.Item name={[name, 'reason']} label={t('risk.reason')} rules={[{ required: true, whitespace: true, message: t('risk.reasonRequired') }]} style={{ marginTop: 12 }}>
        <LimitedTextArea rows={2} max={500} placeholder={t('risk.reasonPlaceholder')} data-testid="assess-reason" />
      </Form.Item>
    </Flex>
  );
}
