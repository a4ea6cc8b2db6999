import { Input, type InputProps } from 'antd';

export type LimitedInputProps = Omit<InputProps, 'maxLength' | 'showCount'> & {
  /** The server's limit for this field (its zod schema's `max`), so the field stops where the server would refuse. */
  max: number;
};

/**
 * A one-line text field that shows its limit as it is typed ("12 / 200"). Issue 10: a field cut at a length the
 * person could not see, or at another length than the server's, lost text silently.
 */
export function LimitedInput({ max, ...props }: LimitedInputProps) {
  return <Input {...props} maxLength={max} showCount />;
}
