import { Form, Select } from 'antd';
import { FormDrawer } from '../../../app/components/FormDrawer';
import { LimitedInput } from '../../../app/components/LimitedInput';
import { useI18n } from '../../../app/i18n';
import { useApiMutation } from '../../../app/useApi';
import { SKILL_KINDS, keyMomentsApi, mentoringQueries, type MentorshipDetail, type SkillKind } from '../api/key-moments.api';

type Values = { kind: SkillKind; title: string };

/** 添加技能: one more skill the apprentice is to learn. */
export function SkillDrawer({ mentorship, onSaved, onClose }: { mentorship: MentorshipDetail; onSaved: (m: MentorshipDetail) => void; onClose: () => void }) {
  const { t } = useI18n();
  const [form] = Form.useForm<Values>();
  const save = useApiMutation((v: Values) => keyMomentsApi.addSkill(mentorship.enterpriseId, mentorship.id, { kind: v.kind, title: v.title.trim(), riskPointId: null }), {
    invalidates: mentoringQueries(mentorship.enterpriseId), onSuccess: onSaved,
  });
  return (
    <FormDrawer<Values> title={t('mentorship.skill.add')} form={form} initialValues={{ kind: 'procedure', title: '' }}
      onSubmit={(v) => save.run(v)} saving={save.saving} onClose={onClose} testId="mentorship-skill">
      <Form.Item name="kind" label={t('mentorship.skill.kind')} rules={[{ required: true, message: t('validation.required') }]}>
        <Select options={SKILL_KINDS.map((k) => ({ value: k, label: t(`mentorship.skill.kind.${k}`) }))} />
      </Form.Item>
      <Form.Item name="title" label={t('mentorship.skill.title')} rules={[{ required: true, whitespace: true, message: t('validation.required') }]}>
        <LimitedInput max={200} />
      </Form.Item>
    </FormDrawer>
  );
}
