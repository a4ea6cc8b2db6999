import { useState } from 'react';
import { DeleteOutlined, EditOutlined, PlusOutlined } from '@ant-design/icons';
import { App, Button, Checkbox, Flex, Form, Modal, Popconfirm, Table, Tag } from 'antd';
import { ErrorState } from '../../../app/components/ErrorState';
import { useShowError } from '../../../app/errors';
import { useI18n } from '../../../app/i18n';
import { useApiMutation, useApiQuery } from '../../../app/useApi';
import { checksApi, type EnterpriseItem, type EnterpriseItemInput } from '../api/checks.api';
import { LimitedInput } from '../../../app/components/LimitedInput';
import { LimitedTextArea } from '../../../app/components/LimitedTextArea';

type Props = { enterpriseId: string; selected?: string[]; onSelect?: (ids: string[]) => void; disabledIds?: Set<string> };

/** The enterprise's own check items (R-HAZ-1: "enterprises add their own"); a picker when given a selection. */
export function OwnItemsManager({ enterpriseId, selected, onSelect, disabledIds }: Props) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const showError = useShowError();
  const { data, error, loading, reload } = useApiQuery(['check-items', enterpriseId, 'own'], (signal) => checksApi.ownItems(enterpriseId, signal));
  const [editing, setEditing] = useState<EnterpriseItem | 'new' | null>(null);
  const [form] = Form.useForm<EnterpriseItemInput>();
  const manage = !!data?.canManage && !onSelect;
  const write = useApiMutation(
    async ({ item, v }: { item: EnterpriseItem | 'new'; v: EnterpriseItemInput }) => {
      if (item === 'new') await checksApi.createOwnItem(enterpriseId, v);
      else await checksApi.updateOwnItem(enterpriseId, item.id, v);
    },
    {
      invalidates: [['check-items', enterpriseId]],
      onSuccess: () => {
        message.success(t('common.saved'));
        setEditing(null);
      },
    },
  );
  const remove = useApiMutation((id: string) => checksApi.deleteOwnItem(enterpriseId, id), {
    invalidates: [['check-items', enterpriseId]],
    onSuccess: () => message.success(t('common.deleted')),
  });

  const save = async (v: EnterpriseItemInput) => {
    if (!editing) return;
    try {
      await write.run({ item: editing, v });
    } catch (e) {
      showError(e, { form });
    }
  };

  if (error) return <ErrorState error={error} onRetry={reload} />;
  return (
    <div data-testid="own-check-items">
      {manage && (
        <Flex justify="flex-end" style={{ marginBottom: 12 }}>
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')}>{t('ownItem.create')}</Button>
        </Flex>
      )}
      <Table<EnterpriseItem>
        size="small"
        rowKey="id"
        loading={loading}
        dataSource={data?.items}
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        scroll={{ x: 'max-content' }}
        rowSelection={onSelect ? { selectedRowKeys: selected, onChange: (keys) => onSelect(keys.map(String)), getCheckboxProps: (r) => ({ disabled: disabledIds?.has(r.id) }) } : undefined}
        columns={[
          { key: 'category', dataIndex: 'category', title: t('library.category') },
          {
            key: 'content', dataIndex: 'content', title: t('library.content'),
            render: (v: string, r) => <div style={{ maxWidth: 480, whiteSpace: 'normal' }}>{r.majorCriterion && <Tag color="red">{t('check.majorCriterion')}</Tag>}{v}</div>,
          },
          { key: 'method', dataIndex: 'method', title: t('check.method'), render: (v: string) => <div style={{ maxWidth: 280, whiteSpace: 'normal' }}>{v || '—'}</div> },
          ...(manage ? [{
            key: 'actions', title: t('common.actions'),
            render: (_: unknown, r: EnterpriseItem) => (
              <Flex>
                <Button type="link" size="small" icon={<EditOutlined />} aria-label={t('common.edit')} onClick={() => setEditing(r)} />
                <Popconfirm
                  title={t('ownItem.deleteConfirm')}
                  okButtonProps={{ danger: true }}
                  okText={t('common.delete')}
                  cancelText={t('common.cancel')}
                  onConfirm={() => remove.run(r.id).catch(showError)}
                >
                  <Button type="link" size="small" danger icon={<DeleteOutlined />} aria-label={t('common.delete')} />
                </Popconfirm>
              </Flex>
            ),
          }] : []),
        ]}
      />
      {editing && (
        <Modal
          open
          title={editing === 'new' ? t('ownItem.create') : t('common.edit')}
          okText={t('common.save')}
          cancelText={t('common.cancel')}
          confirmLoading={write.saving}
          onOk={() => form.submit()}
          onCancel={() => setEditing(null)}
          destroyOnHidden
        >
          <Form<EnterpriseItemInput>
            form={form}
            layout="vertical"
            preserve={false}
            initialValues={editing === 'new' ? { category: '', content: '', method: '', basis: '', majorCriterion: false } : editing}
            onFinish={(v) => void save(v)}
          >
            <Form.Item name="category" label={t('library.category')} rules={[{ required: true, whitespace: true, message: t('validation.required') }]}>
              <LimitedInput max={50} />
            </Form.Item>
            <Form.Item name="content" label={t('library.content')} rules={[{ required: true, whitespace: true, message: t('validation.required') }]}>
              <LimitedTextArea rows={3} max={500} />
            </Form.Item>
            <Form.Item name="method" label={t('check.method')}>
              <LimitedTextArea rows={2} max={500} />
            </Form.Item>
            <Form.Item name="basis" label={t('library.basis')}>
              <LimitedTextArea rows={2} max={500} />
            </Form.Item>
            <Form.Item name="majorCriterion" valuePropName="checked">
              <Checkbox>{t('ownItem.major')}</Checkbox>
            </Form.Item>
          </Form>
        </Modal>
      )}
    </div>
  );
}
