import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { App, Button, DatePicker, Flex, Form, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { FormDrawer } from '../../../app/components/FormDrawer';
import { LimitedInput } from '../../../app/components/LimitedInput';
import { LimitedTextArea } from '../../../app/components/LimitedTextArea';
import { useShowError } from '../../../app/errors';
import { useI18n } from '../../../app/i18n';
import { useApiMutation, useApiQuery } from '../../../app/useApi';
import { SKILL_KINDS, keyMomentsApi, mentoringQueries, type MentorshipDetail, type SkillKind } from '../api/key-moments.api';
import { EmployeeSelect } from '../../../app/components/EmployeeSelect';

type Skill = { kind: SkillKind; title: string; riskPointId?: string | null };
type Values = { mentorEmployeeId: string; apprenticeEmployeeId: string; postId?: string | null; period: [Dayjs, Dayjs]; note: string; skills: Skill[] };

type Props = {
  enterpriseId: string;
  /** The mentorship edited (mentor, post, period, note); none: a new one. */
  mentorship?: MentorshipDetail;
  /** A new hire to give a mentor (from the list of new hires). */
  apprentice?: { id: string; name: string };
  onSaved: (m: MentorshipDetail) => void;
  onClose: () => void;
};

const day = (d: Dayjs) => d.format('YYYY-MM-DD');

/** 确定师徒 / 修改: mentor, apprentice, post, period and, for a new one, the skills to learn (filled in from the post's card). */
export function MentorshipFormDrawer({ enterpriseId, mentorship, apprentice, onSaved, onClose }: Props) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const showError = useShowError();
  const [form] = Form.useForm<Values>();
  const posts = useApiQuery(['mentoring', enterpriseId, 'posts'], (signal) => keyMomentsApi.posts(enterpriseId, signal));
  const save = useApiMutation((v: Values) => (mentorship
    ? keyMomentsApi.updateMentorship(enterpriseId, mentorship.id, {
      mentorEmployeeId: v.mentorEmployeeId, postId: v.postId ?? null, startsOn: day(v.period[0]), endsOn: day(v.period[1]), note: v.note.trim(), version: mentorship.version,
    })
    : keyMomentsApi.startMentorship(enterpriseId, {
      mentorEmployeeId: v.mentorEmployeeId, apprenticeEmployeeId: v.apprenticeEmployeeId, postId: v.postId ?? null,
      startsOn: day(v.period[0]), endsOn: day(v.period[1]), note: v.note.trim(),
      skills: (v.skills ?? []).map((s) => ({ kind: s.kind, title: s.title.trim(), riskPointId: s.riskPointId ?? null })),
    })), {
    invalidates: mentoringQueries(enterpriseId),
    onSuccess: (m) => { void message.success(t('mentorship.saved')); onSaved(m); },
  });
  const postId = Form.useWatch('postId', form);
  const fromPost = async () => {
    if (!postId) return;
    try {
      const s = await keyMomentsApi.skillSuggestions(enterpriseId, postId);
      const have = new Set((form.getFieldValue('skills') as Skill[] | undefined ?? []).map((x) => x.title));
      form.setFieldValue('skills', [...(form.getFieldValue('skills') as Skill[] | undefined ?? []), ...s.items.filter((i) => !have.has(i.title))]);
    } catch (e) {
      showError(e);
    }
  };
  const known = mentorship
    ? [{ id: mentorship.mentor.employeeId, name: mentorship.mentor.name, unitName: mentorship.mentor.unitName }, { id: mentorship.apprentice.employeeId, name: mentorship.apprentice.name, unitName: mentorship.apprentice.unitName }]
    : apprentice ? [{ id: apprentice.id, name: apprentice.name, unitName: null }] : [];

  return (
    <FormDrawer<Values>
      title={t(mentorship ? 'mentorship.edit' : 'mentorship.new')} form={form} width={640}
      initialValues={mentorship ? {
        mentorEmployeeId: mentorship.mentor.employeeId, apprenticeEmployeeId: mentorship.apprentice.employeeId, postId: mentorship.postId,
        period: [dayjs(mentorship.startsOn), dayjs(mentorship.endsOn)], note: mentorship.note, skills: [],
      } : { apprenticeEmployeeId: apprentice?.id, postId: null, note: '', skills: [] }}
      onSubmit={(v) => save.run(v)} saving={save.saving} onClose={onClose} testId="mentorship-form"
    >
      {mentorship ? (
        <Form.Item label={t('mentorship.field.apprentice')}><span>{mentorship.apprentice.name}</span></Form.Item>
      ) : (
        <Form.Item name="apprenticeEmployeeId" label={t('mentorship.field.apprentice')} rules={[{ required: true, message: t('validation.required') }]}>
          <EmployeeSelect enterpriseId={enterpriseId} placeholder={t('mentorship.pickEmployee')} initial={known} testId="mentorship-apprentice" />
        </Form.Item>
      )}
      <Form.Item name="mentorEmployeeId" label={t('mentorship.field.mentor')} rules={[{ required: true, message: t('validation.required') }]}>
        <EmployeeSelect enterpriseId={enterpriseId} placeholder={t('mentorship.pickEmployee')} initial={known} testId="mentorship-mentor" />
      </Form.Item>
      <Form.Item name="postId" label={t('mentorship.field.post')}>
        <Select allowClear showSearch={{ optionFilterProp: 'label' }} placeholder={t('mentorship.pickPost')} loading={posts.loading}
          options={(posts.data ?? []).map((p) => ({ value: p.id, label: p.name }))} data-testid="mentorship-post" />
      </Form.Item>
      <Form.Item name="period" label={t('mentorship.field.period')} rules={[{ required: true, message: t('validation.required') }]}>
        <DatePicker.RangePicker style={{ width: '100%' }} inputReadOnly />
      </Form.Item>
      <Form.Item name="note" label={t('mentorship.field.note')}>
        <LimitedTextArea rows={2} max={1000} />
      </Form.Item>
      {!mentorship && (
        <Form.List name="skills">
          {(fields, { add, remove }) => (
            <Form.Item label={t('mentorship.field.skills')}>
              <Flex vertical gap={8}>
                {fields.map((f) => (
                  <Flex key={f.key} gap={8} align="start" wrap>
                    <Form.Item name={[f.name, 'kind']} rules={[{ required: true, message: t('validation.required') }]} style={{ flex: '0 1 160px', marginBottom: 0 }}>
                      <Select options={SKILL_KINDS.map((k) => ({ value: k, label: t(`mentorship.skill.kind.${k}`) }))} />
                    </Form.Item>
                    <Form.Item name={[f.name, 'title']} rules={[{ required: true, whitespace: true, message: t('validation.required') }]} style={{ flex: '1 1 240px', marginBottom: 0 }}>
                      <LimitedInput max={200} placeholder={t('mentorship.skill.title')} />
                    </Form.Item>
                    <Button type="text" danger icon={<MinusCircleOutlined />} onClick={() => remove(f.name)} aria-label={t('mentorship.skill.remove')} />
                  </Flex>
                ))}
                <Flex gap={8} wrap>
                  <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({ kind: 'procedure', title: '' })}>{t('mentorship.skill.add')}</Button>
                  <Button disabled={!postId} onClick={() => void fromPost()} data-testid="mentorship-from-post">{t('mentorship.skill.fromPost')}</Button>
                </Flex>
              </Flex>
            </Form.Item>
          )}
        </Form.List>
      )}
    </FormDrawer>
  );
}
