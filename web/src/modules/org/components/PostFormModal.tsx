import { AutoComplete, Form, Input, Modal, Switch, type ButtonProps } from 'antd';
import { useShowError } from '../../../app/errors';
import { useI18n } from '../../../app/i18n';
import { useApiMutation } from '../../../app/useApi';
import { orgApi, orgQueries, type Post, type PostInput } from '../api/org.api';
import { LimitedInput } from '../../../app/components/LimitedInput';
import { useApiQuery } from '../../../app/useApi';
import { certificatesApi } from '../../certificates/api/certificates.api';

type Props = { enterpriseId: string; orgUnitId: string; post?: Post; onClose: () => void; onSaved: () => void };
type Values = { name: string; keyPost: boolean; specialOperation: boolean; certificateType: string };

/** A post (岗位) of a unit: key posts and special operations (特种作业, which need a certificate type) are flagged. */
export function PostFormModal({ enterpriseId, orgUnitId, post, onClose, onSaved }: Props) {
  const { t } = useI18n();
  const showError = useShowError();
  const [form] = Form.useForm<Values>();
  const save = useApiMutation(
    async (body: Omit<PostInput, 'orgUnitId'>) => {
      if (post) await orgApi.updatePost(enterpriseId, post.id, body);
      else await orgApi.createPost(enterpriseId, { orgUnitId, ...body });
    },
    { invalidates: orgQueries(enterpriseId), onSuccess: () => onSaved() },
  );
  const special = Form.useWatch('specialOperation', form) ?? post?.specialOperation ?? false;
  const catalogue = useApiQuery(['certificates', enterpriseId, 'catalogue'], (signal) => certificatesApi.catalogue(enterpriseId, signal), special);

  const submit = async (values: Values) => {
    const body = {
      name: values.name.trim(),
      keyPost: values.keyPost,
      specialOperation: values.specialOperation,
      certificateType: values.specialOperation ? values.certificateType.trim() || null : null,
    };
    try {
      await save.run(body);
    } catch (e) {
      showError(e, { form });
    }
  };

  return (
    <Modal
      open
      title={post ? t('post.edit') : t('post.create')}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      confirmLoading={save.saving}
      destroyOnHidden
      okButtonProps={{ 'data-testid': 'post-save' } as ButtonProps}
    >
      <Form<Values>
        form={form}
        layout="vertical"
        initialValues={{
          name: post?.name ?? '', keyPost: post?.keyPost ?? false,
          specialOperation: post?.specialOperation ?? false, certificateType: post?.certificateType ?? '',
        }}
        onFinish={(v) => void submit(v)}
      >
        <Form.Item name="name" label={t('post.name')} rules={[{ required: true, whitespace: true, message: t('validation.required') }, { max: 100, message: t('validation.maxLength', { n: 100 }) }]}>
          <LimitedInput autoFocus max={100} data-testid="post-name" />
        </Form.Item>
        <Form.Item name="keyPost" label={t('post.keyPost')} valuePropName="checked" extra={t('post.keyPostHint')}>
          <Switch data-testid="post-key" />
        </Form.Item>
        <Form.Item name="specialOperation" label={t('post.specialOperation')} valuePropName="checked" extra={t('post.specialOperationHint')}>
          <Switch data-testid="post-special" />
        </Form.Item>
        {special && (
          <Form.Item name="certificateType" label={t('post.certificateType')} extra={t('post.certificateTypePick')} rules={[{ required: true, whitespace: true, message: t('post.certificateRequired') }]}>
            {/* R-TRN-2 (issue 13 §2): the catalogue's types are offered; free text is still accepted (matched by name and aliases). */}
            <AutoComplete
              options={(catalogue.data?.types ?? []).filter((c) => c.kind !== 'safety_qualification').map((c) => ({ value: c.name, label: c.name }))}
              filterOption={(input, option) => String(option?.value ?? '').includes(input)}
            >
              <Input maxLength={100} placeholder={t('post.certificatePlaceholder')} data-testid="post-certificate" />
            </AutoComplete>
          </Form.Item>
        )}
      </Form>
    </Modal>
  );
}
