import { InputNumber, type InputNumberProps } from 'antd';
import { useI18n } from '../i18n';

export type MoneyInputProps = Omit<InputNumberProps<number>, 'min' | 'max' | 'precision' | 'suffix'>;

/**
 * An amount in yuan, two decimals. It has no `min`/`max` on purpose: InputNumber would clamp a typed −500 to 0 on
 * blur; the range is the form's `moneyRules` (number-rules.ts), which say so at the field.
 */
export function MoneyInput(props: MoneyInputProps) {
  const { t } = useI18n();
  return <InputNumber<number> style={{ width: '100%' }} {...props} precision={2} suffix={t('common.yuan')} />;
}
