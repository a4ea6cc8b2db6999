import { Input } from 'antd';
import type { TextAreaProps } from 'antd/es/input';

export type LimitedTextAreaProps = Omit<TextAreaProps, 'maxLength' | 'showCount'> & {
  /** The server's limit for this field (its zod schema's `max`). */
  max: number;
};

/** A multi-line text field that shows its limit as it is typed (see LimitedInput). */
export function LimitedTextArea({ max, ...props }: LimitedTextAreaProps) {
  return <Input.TextArea {...props} maxLength={max} showCount />;
}
