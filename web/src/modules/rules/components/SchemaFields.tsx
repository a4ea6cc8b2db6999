import { Card, Checkbox, Col, Form, Input, InputNumber, Row, Select, Switch } from 'antd';
import { LimitedInput } from '../../../app/components/LimitedInput';
import { numberRange } from '../../../app/components/number-rules';
import { useI18n } from '../../../app/i18n';
import type { SchemaNode } from '../api/rules.api';
import { fieldLabel, isObjectNode, optionLabel } from './rule-values';

type Props = { node: SchemaNode; fields: Record<string, string>; path?: string[] };

const isType = (node: SchemaNode, type: string) => node.type === type || (Array.isArray(node.type) && node.type.includes(type));

/**
 * A form drawn from a rule-set's JSON Schema: nested objects as cards, numbers, enums, lists of enum values, switches
 * and text. The form's values sit under `value`, as the API takes them.
 */
export function SchemaFields({ node, fields, path = [] }: Props) {
  const { t } = useI18n();
  if (isObjectNode(node)) {
    const children = Object.entries(node.properties!);
    const leaves = children.filter(([, c]) => !isObjectNode(c));
    const groups = children.filter(([, c]) => isObjectNode(c));
    return (
      <>
        {leaves.length > 0 && (
          <Row gutter={[16, 0]}>
            {leaves.map(([key, child]) => (
              <Col xs={24} md={12} xl={8} key={key}>
                <SchemaFields node={child} fields={fields} path={[...path, key]} />
              </Col>
            ))}
          </Row>
        )}
        {groups.map(([key, child]) => (
          <Card key={key} size="small" title={fieldLabel(fields, [...path, key])} style={{ marginBottom: 16 }}>
            <SchemaFields node={child} fields={fields} path={[...path, key]} />
          </Card>
        ))}
      </>
    );
  }
  const name = ['value', ...path];
  const label = fieldLabel(fields, path);
  const testId = `rule-field-${path.join('-')}`;
  if (node.enum) {
    return (
      <Form.Item name={name} label={label} rules={[{ required: true }]}>
        <Select data-testid={testId} options={node.enum.map((v) => ({ value: v, label: optionLabel(fields, v) }))} />
      </Form.Item>
    );
  }
  if (isType(node, 'array') && node.items?.enum) {
    return (
      <Form.Item name={name} label={label}>
        <Checkbox.Group data-testid={testId} options={node.items.enum.map((v) => ({ value: v, label: optionLabel(fields, v) }))} />
      </Form.Item>
    );
  }
  if (isType(node, 'integer') || isType(node, 'number')) {
    const range = numberRange(t, { min: node.minimum, max: node.maximum, above: node.exclusiveMinimum, below: node.exclusiveMaximum });
    return (
      <Form.Item name={name} label={label} rules={[{ required: true, message: t('validation.required') }, ...range]}>
        <InputNumber data-testid={testId} precision={isType(node, 'integer') ? 0 : undefined} style={{ width: '100%' }} />
      </Form.Item>
    );
  }
  if (isType(node, 'boolean')) {
    return (
      <Form.Item name={name} label={label} valuePropName="checked">
        <Switch data-testid={testId} />
      </Form.Item>
    );
  }
  return (
    <Form.Item name={name} label={label} rules={[{ required: true }]}>
      {node.maxLength === undefined ? <Input data-testid={testId} /> : <LimitedInput max={node.maxLength} data-testid={testId} />}
    </Form.Item>
  );
}
