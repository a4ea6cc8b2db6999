import { App, Button, Card, Input, Table } from 'antd';
import { useState } from 'react';
import { useShowError } from '../../../app/errors';
import { useI18n } from '../../../app/i18n';
import { useApiMutation, useApiQuery } from '../../../app/useApi';
import { accidentsApi, type DutyPhone } from '../api/accidents.api';

/** The duty phones alerted when an accident is reported to an office; the district admin edits them. */
export function DutyPhones() {
  const { t } = useI18n();
  const { message } = App.useApp();
  const showError = useShowError();
  const { data, loading } = useApiQuery(['accidents', 'duty-phones'], (signal) => accidentsApi.dutyPhones(signal));
  const [edits, setEdits] = useState<Record<string, { phone: string; contact: string }>>({});
  const save = useApiMutation(accidentsApi.saveDutyPhone, { invalidates: [['accidents', 'duty-phones']] });
  const key = (r: DutyPhone) => `${r.officeKind}:${r.officeId}`;
  const value = (r: DutyPhone) => edits[key(r)] ?? { phone: r.phone ?? '', contact: r.contact };
  const set = (r: DutyPhone, patch: Partial<{ phone: string; contact: string }>) => setEdits((e) => ({ ...e, [key(r)]: { ...value(r), ...patch } }));
  return (
    <Card title={t('accidents.phones.title')} size="small" data-testid="duty-phones">
      <Table<DutyPhone> rowKey={key} size="small" loading={loading} pagination={false} dataSource={data?.items ?? []} scroll={{ x: true }} columns={[
        { title: t('accidents.phones.office'), dataIndex: 'officeName' },
        {
          title: t('accidents.phones.phone'), key: 'p',
          render: (_: unknown, r) => (data?.canEdit ? <Input value={value(r).phone} onChange={(e) => set(r, { phone: e.target.value })} style={{ width: 160 }} /> : (r.phone ?? t('accidents.phones.unset'))),
        },
        {
          title: t('accidents.phones.contact'), key: 'c',
          render: (_: unknown, r) => (data?.canEdit ? <Input value={value(r).contact} onChange={(e) => set(r, { contact: e.target.value })} style={{ width: 120 }} /> : r.contact),
        },
        ...(data?.canEdit ? [{
          title: '', key: 's', render: (_: unknown, r: DutyPhone) => (
            <Button size="small" disabled={!edits[key(r)]} loading={save.saving && save.input?.officeId === r.officeId} onClick={() => {
              save.run({ officeKind: r.officeKind, officeId: r.officeId, ...value(r) }).then(() => message.success(t('common.save')), (e: unknown) => showError(e));
            }}>{t('common.save')}</Button>
          ),
        }] : []),
      ]} />
    </Card>
  );
}
