import { Tag } from 'antd';
import { useI18n } from '../../../app/i18n';
import type { EmploymentForm } from '../api/employees.api';

const COLORS: Record<EmploymentForm, string> = { regular: 'blue', dispatched: 'purple', temporary: 'orange', migrant: 'gold', intern: 'cyan' };

export function EmploymentFormTag({ form }: { form: EmploymentForm }) {
  const { tx } = useI18n();
  return <Tag color={COLORS[form]}>{tx(`employmentForm.${form}`, form)}</Tag>;
}
