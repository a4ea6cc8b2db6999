import { App, Form, Select } from 'antd';
import { useMemo } from 'react';
import { FormDrawer } from '../../../app/components/FormDrawer';
import { useI18n } from '../../../app/i18n';
import { useApiMutation, useApiQuery } from '../../../app/useApi';
import { useRemoteSearch } from '../../../app/useRemoteSearch';
import { employeesApi } from '../../employees/api/employees.api';
import { orgApi } from '../../org/api/org.api';
import { dutiesApi, dutyQueries, type ListDetail } from '../api/duties.api';

type Values = { ids: string[] };

/**
 * Whom a list applies to: a post list to posts (one list per post: a post that had another list moves to this one),
 * a department list to units, a personal list to named people.
 */
export function AssignDrawer({ enterpriseId, list, onClose }: { enterpriseId: string; list: ListDetail; onClose: () => void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const posts = useApiQuery(['org', enterpriseId, 'posts', 'all'], (signal) => orgApi.posts(enterpriseId, undefined, signal), list.level === 'post');
  const units = useApiQuery(['org', enterpriseId, 'units'], (signal) => orgApi.units(enterpriseId, signal), list.level === 'department');
  const people = useRemoteSearch(async (q, signal) => (await employeesApi.list(enterpriseId, { q, status: 'active', pageSize: 50 }, signal)).items, `${enterpriseId}-${list.level}`);
  const save = useApiMutation((v: Values) => dutiesApi.assign(enterpriseId, list.id, {
    postIds: list.level === 'post' ? v.ids : [], employeeIds: list.level === 'person' ? v.ids : [], orgUnitIds: list.level === 'department' ? v.ids : [],
  }), {
    invalidates: [dutyQueries(enterpriseId).all],
    onSuccess: () => { void message.success(t('common.saved')); onClose(); },
  });
  const options = useMemo(() => {
    const chosen = list.targets.map((x) => ({ value: x.id, label: x.type === 'employee' ? `${x.name}（${x.unitPath}）` : x.type === 'post' ? `${x.unitPath} / ${x.name}` : x.unitPath }));
    const more = list.level === 'post' ? (posts.data ?? []).map((p) => ({ value: p.id, label: `${p.unitPath} / ${p.name}` }))
      : list.level === 'department' ? (units.data ?? []).map((u) => ({ value: u.id, label: u.name }))
        : people.options.map((m) => ({ value: m.id, label: `${m.name}（${m.orgUnitName}）` }));
    const seen = new Set<string>();
    return [...chosen, ...more].filter((o) => (seen.has(o.value) ? false : (seen.add(o.value), true)));
  }, [list, posts.data, units.data, people.options]);
  return (
    <FormDrawer<Values>
      title={t('dutyList.assignTitle', { name: list.name })}
      form={form}
      initialValues={{ ids: list.targets.map((x) => x.id) }}
      onSubmit={save.run}
      saving={save.saving}
      onClose={onClose}
      testId="duty-assign-drawer"
      intro={<p>{t(`dutyAssignHint.${list.level}`)}</p>}
    >
      <Form.Item name="ids" label={t(`dutyTargets.${list.level}`)}>
        <Select
          mode="multiple"
          data-testid="duty-assign-select"
          options={options}
          loading={posts.loading || units.loading || people.loading}
          showSearch
          optionFilterProp="label"
          onSearch={list.level === 'person' ? people.search : undefined}
          filterOption={list.level === 'person' ? false : undefined}
        />
      </Form.Item>
    </FormDrawer>
  );
}
