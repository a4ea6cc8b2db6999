import { ArrowDownOutlined, ArrowUpOutlined, DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Col, Flex, Form, InputNumber, Row, Typography } from 'antd';
import { FormDrawer } from '../../../app/components/FormDrawer';
import { LimitedInput } from '../../../app/components/LimitedInput';
import { LimitedTextArea } from '../../../app/components/LimitedTextArea';
import { useI18n } from '../../../app/i18n';
import { useApiMutation } from '../../../app/useApi';
import { dutiesApi, dutyQueries, type DutyItem, type ListDetail } from '../api/duties.api';

type Values = { items: DutyItem[]; note: string };
const BLANK: DutyItem = { content: '', scope: '', criterion: '', points: 5, source: '' };

/**
 * The list editor: the draft's items (content, scope, criterion, points, source), in order. A list whose version is in
 * force is never changed: saving makes (or updates) the next version's draft, which takes effect once published.
 */
export function DraftEditorDrawer({ enterpriseId, list, onClose }: { enterpriseId: string; list: ListDetail; onClose: () => void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const save = useApiMutation((v: Values) => dutiesApi.saveDraft(enterpriseId, list.id, { items: v.items, note: v.note ?? '' }), {
    invalidates: [dutyQueries(enterpriseId).all],
    onSuccess: () => { void message.success(t('dutyList.draftSaved')); onClose(); },
  });
  const items = Form.useWatch('items', form) ?? [];
  const total = items.reduce((s, i) => s + (Number(i?.points) || 0), 0);
  const start = list.draft ?? list.current;
  const nextVersion = list.draft?.version ?? Math.max(0, ...list.versions.map((v) => v.version)) + 1;
  return (
    <FormDrawer<Values>
      title={t('dutyList.editTitle', { name: list.name, version: nextVersion })}
      form={form}
      width={960}
      initialValues={{ items: start?.items ?? [BLANK], note: list.draft?.note ?? '' }}
      onSubmit={save.run}
      saving={save.saving}
      onClose={onClose}
      testId="duty-draft-drawer"
      okText={t('dutyList.saveDraft')}
      intro={<Alert type="info" showIcon style={{ marginBottom: 16 }} message={list.current ? t('dutyList.editHintCurrent', { version: list.current.version }) : t('dutyList.editHintDraft')} />}
    >
      <Form.List name="items" rules={[{ validator: async (_, v?: DutyItem[]) => { if (!v?.length) throw new Error(t('dutyList.itemsRequired')); } }]}>
        {(fields, { add, remove, move }, { errors }) => (
          <>
            {fields.map((field, index) => (
              <Card
                key={field.key}
                size="small"
                style={{ marginBottom: 12 }}
                title={t('dutyItem.numbered', { n: index + 1 })}
                extra={(
                  <Flex gap={4}>
                    <Button size="small" type="text" icon={<ArrowUpOutlined />} disabled={index === 0} onClick={() => move(index, index - 1)} aria-label={t('dutyList.moveUp')} />
                    <Button size="small" type="text" icon={<ArrowDownOutlined />} disabled={index === fields.length - 1} onClick={() => move(index, index + 1)} aria-label={t('dutyList.moveDown')} />
                    <Button size="small" type="text" danger icon={<DeleteOutlined />} onClick={() => remove(field.name)} aria-label={t('common.delete')} data-testid="duty-item-remove" />
                  </Flex>
                )}
                data-testid="duty-item-card"
              >
                <Form.Item name={[field.name, 'content']} label={t('dutyItem.content')} rules={[{ required: true, whitespace: true, message: t('validation.required') }]}>
                  <LimitedTextArea max={500} autoSize={{ minRows: 2 }} data-testid="duty-item-content" />
                </Form.Item>
                <Row gutter={12}>
                  <Col xs={24} md={10}>
                    <Form.Item name={[field.name, 'scope']} label={t('dutyItem.scope')}><LimitedInput max={200} /></Form.Item>
                  </Col>
                  <Col xs={24} md={4}>
                    <Form.Item name={[field.name, 'points']} label={t('dutyItem.points')} rules={[{ required: true, message: t('validation.required') }]}>
                      <InputNumber min={0} max={100} step={0.5} style={{ width: '100%' }} data-testid="duty-item-points" />
                    </Form.Item>
                  </Col>
                  <Col xs={24} md={10}>
                    <Form.Item name={[field.name, 'source']} label={t('dutyItem.source')}><LimitedInput max={200} /></Form.Item>
                  </Col>
                </Row>
                <Form.Item name={[field.name, 'criterion']} label={t('dutyItem.criterion')} style={{ marginBottom: 0 }}>
                  <LimitedTextArea max={500} autoSize={{ minRows: 1 }} />
                </Form.Item>
              </Card>
            ))}
            <Flex justify="space-between" align="center" wrap gap={8} style={{ marginBottom: 16 }}>
              <Button icon={<PlusOutlined />} onClick={() => add({ ...BLANK })} data-testid="duty-item-add">{t('dutyList.addItem')}</Button>
              <Typography.Text type={total === 100 ? 'secondary' : 'warning'} data-testid="duty-points-total">{t('dutyList.pointsTotal', { points: total })}</Typography.Text>
            </Flex>
            <Form.ErrorList errors={errors} />
          </>
        )}
      </Form.List>
      <Form.Item name="note" label={t('dutyList.changeNote')} extra={t('dutyList.changeNoteHint')}>
        <LimitedTextArea max={500} autoSize={{ minRows: 2 }} />
      </Form.Item>
    </FormDrawer>
  );
}
