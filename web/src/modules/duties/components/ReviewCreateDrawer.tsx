import { App, DatePicker, Form, Radio, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useMemo } from 'react';
import { FormDrawer } from '../../../app/components/FormDrawer';
import { LimitedTextArea } from '../../../app/components/LimitedTextArea';
import { useI18n } from '../../../app/i18n';
import { useApiMutation, useApiQuery } from '../../../app/useApi';
import { dutiesApi, dutyQueries } from '../api/duties.api';

type Values = { reviewedOn: Dayjs; changed: boolean; reason: string; versions: string[] };

/**
 * The yearly "梳理完善" record: when the system was reviewed, whether anything changed — if not, why not; if so, the
 * new versions published in the review, which are its evidence. The principal signs it afterwards.
 */
export function ReviewCreateDrawer({ enterpriseId, onClose }: { enterpriseId: string; onClose: () => void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const changed = Form.useWatch('changed', form) ?? true;
  // Lists published lately, with every published version to choose from.
  const lists = useApiQuery(['duties', enterpriseId, 'lists', 'review-picker'], (signal) => dutiesApi.lists(enterpriseId, { pageSize: 200, sort: 'updatedAt', order: 'desc' }, signal));
  const options = useMemo(() => (lists.data?.items ?? []).filter((l) => l.currentVersion !== null).flatMap((l) => {
    const versions = Array.from({ length: l.currentVersion ?? 0 }, (_, i) => (l.currentVersion ?? 0) - i);
    return versions.map((v) => ({ value: `${l.id}:${v}`, label: t('dutyReview.versionOption', { name: l.name, version: v }) }));
  }), [lists.data, t]);
  const create = useApiMutation((v: Values) => dutiesApi.createReview(enterpriseId, {
    reviewedOn: v.reviewedOn.format('YYYY-MM-DD'), changed: v.changed, reason: v.reason ?? '',
    versions: v.changed ? (v.versions ?? []).map((x) => ({ listId: x.split(':')[0]!, version: Number(x.split(':')[1]) })) : [],
  }), {
    invalidates: [dutyQueries(enterpriseId).reviews],
    onSuccess: () => { void message.success(t('dutyReview.created')); onClose(); },
  });
  return (
    <FormDrawer<Values>
      title={t('dutyReview.create')}
      form={form}
      width={560}
      initialValues={{ reviewedOn: dayjs(), changed: true, reason: '', versions: [] }}
      onSubmit={create.run}
      saving={create.saving}
      onClose={onClose}
      testId="duty-review-create"
    >
      <Form.Item name="reviewedOn" label={t('dutyReview.reviewedOn')} rules={[{ required: true, message: t('validation.required') }]}>
        <DatePicker style={{ width: 200 }} disabledDate={(d) => d.isAfter(dayjs(), 'day')} />
      </Form.Item>
      <Form.Item name="changed" label={t('dutyReview.changed')}>
        <Radio.Group options={[{ value: true, label: t('dutyReview.changedYes') }, { value: false, label: t('dutyReview.changedNo') }]} />
      </Form.Item>
      {changed && (
        <Form.Item name="versions" label={t('dutyReview.versions')} extra={t('dutyReview.versionsHint')} rules={[{ required: true, message: t('dutyReview.versionsRequired') }]}>
          <Select mode="multiple" options={options} loading={lists.loading} optionFilterProp="label" data-testid="duty-review-versions" />
        </Form.Item>
      )}
      <Form.Item
        name="reason"
        label={changed ? t('dutyReview.whatChanged') : t('dutyReview.whyNot')}
        rules={changed ? [] : [{ required: true, whitespace: true, message: t('validation.required') }]}
      >
        <LimitedTextArea max={1000} autoSize={{ minRows: 3 }} data-testid="duty-review-reason" />
      </Form.Item>
    </FormDrawer>
  );
}
