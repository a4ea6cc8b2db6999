import { useMemo } from 'react';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { App, Button, Card, Empty, Flex, Form, List, Space, Tag, Typography } from 'antd';
import { useShowError } from '../../../app/errors';
import { useI18n } from '../../../app/i18n';
import { useApiMutation } from '../../../app/useApi';
import type { Post } from '../../org/api/org.api';
import { postLabel } from '../../org/api/post-label';
import { MEASURE_CATEGORIES, riskApi, riskQueries, type Measure, type MeasureCategory, type RiskDetail } from '../api/risk.api';
import { CheckItemsList } from './CheckItemsList';
import { EmployeeSelect } from '../../../app/components/EmployeeSelect';
import { LimitedTextArea } from '../../../app/components/LimitedTextArea';

type Props = { enterpriseId: string; point: RiskDetail; posts: Post[] | undefined; editable: boolean; onSaved: (p: RiskDetail) => void };
type Values = Record<MeasureCategory, Omit<Measure, 'category'>[]>;

/** R-RISK-5: the measures of a point in the seven categories, each with an owner and its check items; saved as a whole. */
export function MeasuresEditor({ enterpriseId, point, posts, editable, onSaved }: Props) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const showError = useShowError();
  const [form] = Form.useForm<Values>();
  const save = useApiMutation((measures: Measure[]) => riskApi.setMeasures(enterpriseId, point.id, measures), {
    invalidates: riskQueries(enterpriseId),
    onSuccess: (saved) => {
      message.success(t('common.saved'));
      onSaved(saved);
    },
  });
  const postOptions = useMemo(() => (posts ?? []).map((p) => ({ value: p.id, label: postLabel(p) })), [posts]);
  const postName = useMemo(() => new Map((posts ?? []).map((p) => [p.id, postLabel(p)])), [posts]);
  const initial = useMemo(() => {
    const v = Object.fromEntries(MEASURE_CATEGORIES.map((c) => [c, [] as Omit<Measure, 'category'>[]])) as Values;
    for (const m of point.measures) v[m.category].push({ content: m.content, ownerEmployeeId: m.ownerEmployeeId, ownerName: m.ownerName, checkItems: m.checkItems });
    return v;
  }, [point.measures]);
  const owners = useMemo(() => point.measures.flatMap((m) => (m.ownerEmployeeId && m.ownerName ? [{ id: m.ownerEmployeeId, name: m.ownerName, unitName: null }] : [])), [point.measures]);

  if (!editable) {
    if (point.measures.length === 0) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('risk.noMeasures')} />;
    return (
      <Flex vertical gap={12} data-testid="risk-measures">
        {MEASURE_CATEGORIES.filter((c) => initial[c].length > 0).map((c) => (
          <Card key={c} size="small" title={t(`risk.measure.${c}`)}>
            <List
              size="small"
              dataSource={initial[c]}
              renderItem={(m) => (
                <List.Item>
                  <Flex vertical gap={4}>
                    <span>{m.content}{m.ownerName ? <Typography.Text type="secondary">{t('risk.p.paren', { x: `${t('risk.owner')}${t('risk.p.colon')}${m.ownerName}` })}</Typography.Text> : null}</span>
                    {m.checkItems.map((ci, i) => (
                      <Space key={ci.id ?? i} size={4} wrap style={{ fontSize: 12 }}>
                        <Tag>{t(`risk.cycle.${ci.cycle}`)}</Tag>
                        <span>{ci.content}</span>
                        {ci.method && <Typography.Text type="secondary">{ci.method}</Typography.Text>}
                        {ci.postId && <Typography.Text type="secondary">· {postName.get(ci.postId) ?? ''}</Typography.Text>}
                      </Space>
                    ))}
                  </Flex>
                </List.Item>
              )}
            />
          </Card>
        ))}
      </Flex>
    );
  }

  const submit = async (v: Values) => {
    const measures: Measure[] = MEASURE_CATEGORIES.flatMap((c) => (v[c] ?? []).map((m) => ({
      category: c,
      content: m.content.trim(),
      ownerEmployeeId: m.ownerEmployeeId ?? null,
      checkItems: (m.checkItems ?? []).map((ci) => ({ content: ci.content.trim(), method: (ci.method ?? '').trim(), cycle: ci.cycle, postId: ci.postId ?? null })),
    })));
    try {
      await save.run(measures);
    } catch (e) {
      showError(e);
    }
  };

  return (
    <Form<Values> form={form} layout="vertical" initialValues={initial} onFinish={(v) => void submit(v)} data-testid="risk-measures">
      <Typography.Paragraph type="secondary">{t('risk.measuresHint')}</Typography.Paragraph>
      {MEASURE_CATEGORIES.map((c) => (
        <Card key={c} size="small" title={t(`risk.measure.${c}`)} style={{ marginBottom: 12 }} data-testid={`measures-${c}`}>
          <Form.List name={c}>
            {(fields, { add, remove }) => (
              <Flex vertical gap={8}>
                {fields.map((field) => (
                  <div key={field.key} style={{ background: '#fafbfc', borderRadius: 6, padding: 8 }}>
                    <Flex gap={8} align="start" wrap>
                      <Form.Item name={[field.name, 'content']} rules={[{ required: true, whitespace: true, message: t('validation.required') }]} style={{ flex: '2 1 260px', marginBottom: 8 }}>
                        <LimitedTextArea autoSize={{ minRows: 1, maxRows: 4 }} max={1000} placeholder={t('risk.measureContent')} data-testid="measure-content" />
                      </Form.Item>
                      <Form.Item name={[field.name, 'ownerEmployeeId']} style={{ flex: '1 1 180px', marginBottom: 8 }}>
                        <EmployeeSelect enterpriseId={enterpriseId} placeholder={t('risk.pickEmployee')} initial={owners} />
                      </Form.Item>
                      <Button type="text" danger icon={<DeleteOutlined />} onClick={() => remove(field.name)} aria-label={t('common.delete')} />
                    </Flex>
                    <CheckItemsList field={field} postOptions={postOptions} />
                  </div>
                ))}
                <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({ content: '', ownerEmployeeId: null, checkItems: [] })} data-testid={`measure-add-${c}`}>
                  {t('risk.addMeasure')}
                </Button>
              </Flex>
            )}
          </Form.List>
        </Card>
      ))}
      <Flex justify="flex-end">
        <Button type="primary" htmlType="submit" loading={save.saving} data-testid="measures-save">{t('common.save')}</Button>
      </Flex>
    </Form>
  );
}
