import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Col, Form, Row, Select, Typography } from 'antd';
import type { FormListFieldData } from 'antd';
import { useI18n } from '../../../app/i18n';
import { CHECK_CYCLES } from '../api/risk.api';
import { LimitedInput } from '../../../app/components/LimitedInput';

type Props = { field: FormListFieldData; postOptions: { value: string; label: string }[] };

/** R-RISK-5: the check items a measure yields (content, method, cycle, post) for hazard investigation. */
export function CheckItemsList({ field, postOptions }: Props) {
  const { t } = useI18n();
  return (
    <Form.List name={[field.name, 'checkItems']}>
      {(items, { add, remove }) => (
        <div style={{ paddingLeft: 12, borderLeft: '2px solid #e6ecf5' }}>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>{t('risk.checkItems')}</Typography.Text>
          {items.map((item) => (
            <Row key={item.key} gutter={8} align="top" wrap>
              <Col xs={24} md={9}>
                <Form.Item name={[item.name, 'content']} rules={[{ required: true, whitespace: true, message: t('validation.required') }]} style={{ marginBottom: 8 }}>
                  <LimitedInput placeholder={t('risk.checkContent')} max={500} data-testid="check-content" />
                </Form.Item>
              </Col>
              <Col xs={12} md={5}>
                <Form.Item name={[item.name, 'method']} style={{ marginBottom: 8 }}>
                  <LimitedInput placeholder={t('risk.checkMethod')} max={200} />
                </Form.Item>
              </Col>
              <Col xs={12} md={4}>
                <Form.Item name={[item.name, 'cycle']} rules={[{ required: true, message: t('validation.required') }]} style={{ marginBottom: 8 }}>
                  <Select placeholder={t('risk.checkCycle')} options={CHECK_CYCLES.map((c) => ({ value: c, label: t(`risk.cycle.${c}`) }))} />
                </Form.Item>
              </Col>
              <Col xs={20} md={5}>
                <Form.Item name={[item.name, 'postId']} style={{ marginBottom: 8 }}>
                  <Select allowClear placeholder={t('risk.checkPost')} options={postOptions} showSearch={{ optionFilterProp: 'label' }} />
                </Form.Item>
              </Col>
              <Col xs={4} md={1}>
                <Button type="text" danger icon={<DeleteOutlined />} onClick={() => remove(item.name)} aria-label={t('common.delete')} />
              </Col>
            </Row>
          ))}
          <Button type="link" size="small" icon={<PlusOutlined />} onClick={() => add({ content: '', method: '', cycle: 'daily', postId: null })} style={{ paddingLeft: 0 }}>
            {t('risk.addCheckItem')}
          </Button>
        </div>
      )}
    </Form.List>
  );
}
