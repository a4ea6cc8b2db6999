import { Button, Form, Input, Select, Space } from 'antd';
import { FormDrawer } from '../../../app/components/FormDrawer';
import { LimitedTextArea } from '../../../app/components/LimitedTextArea';
import { useI18n } from '../../../app/i18n';
import { useApiMutation, useApiQuery } from '../../../app/useApi';
import { followupApi, followupQueries, peopleFromText, peopleToText, type Investigation } from '../api/followup.api';

type PersonValues = { name: string; role: string; finding: string; duties: string[] };
type Values = {
  team: string; causeDirect: string; causeIndirect: string; causeManagement: string; fiveWhys: string; responsibility: 'yes' | 'no' | 'none';
  persons: PersonValues[]; higherReport: string; lessons: string; reason: string;
};

/** A duty item cited as `listId|version|index`. */
const citation = (listId: string, version: number, index: number) => `${listId}|${version}|${index}`;

type Props = { enterpriseId: string; accidentId: string; investigation: Investigation; onClose: () => void; mode?: 'edit' | 'correct' };

/** The persons' findings as the API takes them: each citation `listId|version|index` grouped by list version. */
function personFindings(persons: PersonValues[]) {
  return persons.map((p) => {
    const byList = new Map<string, { listId: string; version: number; items: number[] }>();
    for (const c of p.duties ?? []) {
      const [listId = '', version = '0', index = '0'] = c.split('|');
      const key = `${listId}|${version}`;
      const entry = byList.get(key) ?? { listId, version: Number(version), items: [] };
      entry.items.push(Number(index));
      byList.set(key, entry);
    }
    return { name: p.name, employeeId: null, role: p.role ?? '', finding: p.finding, duties: [...byList.values()] };
  });
}

/**
 * The investigators' form: team, causes and 5-why, the responsibility finding and the findings on persons, each citing
 * items of the duty lists in force on the accident's day (offered from the server), the higher report, the lessons.
 * In `correct` mode (a concluded investigation) only the responsibility finding changes, with the reason required.
 */
export function InvestigationDrawer({ enterpriseId, accidentId, investigation, onClose, mode = 'edit' }: Props) {
  const { t } = useI18n();
  const [form] = Form.useForm<Values>();
  const correcting = mode === 'correct';
  const lists = useApiQuery(['accident-duty-lists', enterpriseId, accidentId], (signal) => followupApi.dutyLists(enterpriseId, accidentId, signal));
  const save = useApiMutation((v: Values) => {
    const persons = v.persons ?? [];
    if (correcting) {
      return followupApi.correctFinding(enterpriseId, accidentId, {
        responsibilityAccident: v.responsibility === 'yes', personFindings: personFindings(persons), reason: v.reason, version: investigation.version,
      });
    }
    return followupApi.update(enterpriseId, accidentId, {
      team: peopleFromText(v.team ?? ''), causeDirect: v.causeDirect ?? '', causeIndirect: v.causeIndirect ?? '', causeManagement: v.causeManagement ?? '',
      fiveWhys: (v.fiveWhys ?? '').split('\n').map((s) => s.trim()).filter(Boolean),
      responsibilityAccident: v.responsibility === 'none' ? null : v.responsibility === 'yes',
      personFindings: personFindings(persons),
      higherReport: v.higherReport ?? '', lessons: v.lessons ?? '', version: investigation.version,
    });
  }, { invalidates: followupQueries(enterpriseId) });
  const options = (lists.data?.lists ?? []).flatMap((l) => l.items.map((item, i) => ({
    value: citation(l.listId, l.version, i), label: t('accidentFollowup.dutyOption', { list: l.listName, version: l.version, n: i + 1, item }),
  })));
  const inv = investigation;
  return (
    <FormDrawer<Values>
      title={t(correcting ? 'accidentFollowup.correctFinding' : 'accidentFollowup.edit')} form={form} width={640} saving={save.saving} onClose={onClose}
      testId={correcting ? 'correct-finding-drawer' : 'investigation-drawer'}
      onSubmit={async (v) => { await save.run(v); onClose(); }}
      initialValues={{
        team: peopleToText(inv.team), causeDirect: inv.causeDirect, causeIndirect: inv.causeIndirect, causeManagement: inv.causeManagement,
        fiveWhys: inv.fiveWhys.join('\n'), responsibility: inv.responsibilityAccident === null ? 'none' : inv.responsibilityAccident ? 'yes' : 'no',
        persons: inv.personFindings.map((p) => ({ name: p.name, role: p.role, finding: p.finding, duties: p.duties.flatMap((d) => d.items.map((i) => citation(d.listId, d.version, i))) })),
        higherReport: inv.higherReport, lessons: inv.lessons, reason: '',
      }}
    >
      {!correcting && (
        <>
          <Form.Item name="team" label={t('accidentFollowup.team')} extra={t('accidentFollowup.teamHint')}><Input.TextArea rows={3} /></Form.Item>
          <Form.Item name="causeDirect" label={t('accidentFollowup.causeDirect')}><LimitedTextArea rows={2} max={4000} /></Form.Item>
          <Form.Item name="causeIndirect" label={t('accidentFollowup.causeIndirect')}><LimitedTextArea rows={2} max={4000} /></Form.Item>
          <Form.Item name="causeManagement" label={t('accidentFollowup.causeManagement')}><LimitedTextArea rows={2} max={4000} /></Form.Item>
          <Form.Item name="fiveWhys" label={t('accidentFollowup.fiveWhys')}><Input.TextArea rows={5} /></Form.Item>
        </>
      )}
      <Form.Item name="responsibility" label={t('accidentFollowup.responsibility')}>
        <Select data-testid="investigation-responsibility"
          options={(correcting ? ['yes', 'no'] as const : ['none', 'yes', 'no'] as const).map((v) => ({ value: v, label: t(`accidentFollowup.responsibility.${v}`) }))} />
      </Form.Item>
      <Form.List name="persons">
        {(fields, { add, remove }) => (
          <Form.Item label={t('accidentFollowup.personFindings')}>
            {fields.map((f) => (
              <Space key={f.key} direction="vertical" style={{ width: '100%', marginBottom: 12, padding: 8, border: '1px solid #eee', borderRadius: 6 }}>
                <Space wrap>
                  <Form.Item name={[f.name, 'name']} rules={[{ required: true, message: t('validation.required') }]} noStyle><Input placeholder={t('accidentFollowup.personName')} style={{ width: 140 }} /></Form.Item>
                  <Form.Item name={[f.name, 'role']} noStyle><Input placeholder={t('accidentFollowup.personRole')} style={{ width: 140 }} /></Form.Item>
                  <Button danger onClick={() => remove(f.name)}>{t('common.delete')}</Button>
                </Space>
                <Form.Item name={[f.name, 'finding']} rules={[{ required: true, message: t('validation.required') }]} noStyle>
                  <Input.TextArea rows={2} placeholder={t('accidentFollowup.personFinding')} />
                </Form.Item>
                <Form.Item name={[f.name, 'duties']} noStyle>
                  <Select mode="multiple" options={options} placeholder={t('accidentFollowup.personDuties')} style={{ width: '100%' }} loading={lists.loading} />
                </Form.Item>
              </Space>
            ))}
            <Button onClick={() => add({ name: '', role: '', finding: '', duties: [] })}>{t('accidentFollowup.addPerson')}</Button>
          </Form.Item>
        )}
      </Form.List>
      {!correcting && inv.conductedBy === 'higher' && <Form.Item name="higherReport" label={t('accidentFollowup.higherReport')}><LimitedTextArea rows={6} max={20000} /></Form.Item>}
      {!correcting && <Form.Item name="lessons" label={t('accidentFollowup.lessons')}><LimitedTextArea rows={4} max={20000} /></Form.Item>}
      {correcting && (
        <Form.Item name="reason" label={t('accidentFollowup.correctReason')} rules={[{ required: true, whitespace: true, message: t('validation.required') }]}>
          <LimitedTextArea rows={3} max={1000} data-testid="correct-reason" />
        </Form.Item>
      )}
    </FormDrawer>
  );
}
