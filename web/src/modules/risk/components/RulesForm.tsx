import { Button, Card, Checkbox, Col, Flex, Form, InputNumber, Row, Select, Typography } from 'antd';
import { numberRange } from '../../../app/components/number-rules';
import { useI18n } from '../../../app/i18n';
import { CONTROL_LEVELS, DIRECT_CONDITIONS, type RiskRuleSet } from '../api/risk-grading';
import { GRADES } from './grade-style';
import { LimitedTextArea } from '../../../app/components/LimitedTextArea';

type Values = { rules: RiskRuleSet; note: string };
type Props = { initial: RiskRuleSet; defaults: RiskRuleSet; saving: boolean; onSave: (v: Values) => void };

const METHODS = [['lec', 'LEC'], ['ls', 'LS'], ['mes', 'MES']] as const;

/** The [cfg] values of RULES.md §3: score bands per method, direct-judgement conditions, control levels, re-assessment months. */
export function RulesForm({ initial, defaults, saving, onSave }: Props) {
  const { t } = useI18n();
  const [form] = Form.useForm<Values>();
  const decreasing = (method: 'lec' | 'ls' | 'mes') => ({
    validator: async () => {
      const b = form.getFieldValue(['rules', method]) as RiskRuleSet['lec'];
      if (!(b.g1 > b.g2 && b.g2 > b.g3)) throw new Error(t('risk.rules.bandsOrder'));
    },
  });
  return (
    <Form<Values> form={form} layout="vertical" initialValues={{ rules: initial, note: '' }} onFinish={onSave} data-testid="risk-rules-form">
      <Card size="small" title={t('risk.rules.bands')} style={{ marginBottom: 16 }}>
        <Typography.Paragraph type="secondary">{t('risk.rules.bandsHint')}</Typography.Paragraph>
        <Row gutter={[16, 0]}>
          {METHODS.map(([m, label]) => (
            <Col xs={24} key={m}>
              <Flex gap={12} wrap align="center">
                <Typography.Text strong style={{ width: 48 }}>{label}</Typography.Text>
                {(['g1', 'g2', 'g3'] as const).map((g) => (
                  <Form.Item key={g} name={['rules', m, g]} label={t(`risk.rules.${g}`)} layout="horizontal" dependencies={[['rules', m]]}
                    rules={[{ required: true, message: t('validation.required') }, ...numberRange(t, { min: 0 }), decreasing(m)]} style={{ marginBottom: 8 }}>
                    <InputNumber style={{ width: 96 }} data-testid={`rules-${m}-${g}`} />
                  </Form.Item>
                ))}
              </Flex>
            </Col>
          ))}
        </Row>
      </Card>
      <Card size="small" title={t('risk.rules.direct')} style={{ marginBottom: 16 }}>
        <Form.Item name={['rules', 'directConditions']} style={{ marginBottom: 0 }}>
          <Checkbox.Group style={{ display: 'flex', flexDirection: 'column', gap: 6 }} options={DIRECT_CONDITIONS.map((c) => ({ value: c, label: t(`risk.direct.${c}`) }))} />
        </Form.Item>
      </Card>
      <Card size="small" title={`${t('risk.rules.controlLevel')} · ${t('risk.rules.reassessMonths')}`} style={{ marginBottom: 16 }}>
        <Row gutter={[16, 0]}>
          {GRADES.map((g) => (
            <Col xs={24} md={12} xl={6} key={g}>
              <Typography.Text strong>{t(`risk.grade.${g}`)}</Typography.Text>
              <Form.Item name={['rules', 'controlLevel', String(g)]} label={t('risk.controlLevel')} style={{ marginBottom: 8 }}>
                <Select options={CONTROL_LEVELS.map((l) => ({ value: l, label: t(`risk.level.${l}`) }))} />
              </Form.Item>
              <Form.Item name={['rules', 'reassessMonths', String(g)]} label={t('risk.rules.reassessMonths')} rules={[{ required: true, message: t('validation.required') }, ...numberRange(t, { min: 1, max: 60 })]}>
                <InputNumber precision={0} style={{ width: '100%' }} />
              </Form.Item>
            </Col>
          ))}
        </Row>
      </Card>
      <Form.Item name="note" label={t('risk.rules.note')}>
        <LimitedTextArea rows={2} max={500} data-testid="rules-note" />
      </Form.Item>
      <Flex justify="flex-end" gap={8} wrap>
        <Button onClick={() => form.setFieldsValue({ rules: defaults })}>{t('risk.rules.reset')}</Button>
        <Button type="primary" htmlType="submit" loading={saving} data-testid="rules-save">{t('risk.rules.save')}</Button>
      </Flex>
    </Form>
  );
}
