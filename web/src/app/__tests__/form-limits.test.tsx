import { act, cleanup, fireEvent, render, renderHook, screen } from '@testing-library/react';
import { Form, InputNumber, type FormInstance } from 'antd';
import type { ReactNode } from 'react';
import { afterEach, describe, expect, test } from 'vitest';
import { LimitedInput } from '../components/LimitedInput';
import { LimitedTextArea } from '../components/LimitedTextArea';
import { MoneyInput } from '../components/MoneyInput';
import { moneyRules, numberRange } from '../components/number-rules';
import { I18nContext } from '../i18n';
import { zhI18n } from '../testing';

const i18n = zhI18n;
const { t } = i18n;

afterEach(cleanup);

function mount(children: (form: FormInstance) => ReactNode): FormInstance {
  const form = renderHook(() => Form.useForm()[0]).result.current;
  render(<I18nContext.Provider value={i18n}><Form form={form}>{children(form)}</Form></I18nContext.Provider>);
  return form;
}

/** Types into an antd InputNumber and leaves it, the moment it used to clamp. */
function typeAndBlur(testId: string, text: string) {
  const input = screen.getByTestId(testId);
  fireEvent.focus(input);
  fireEvent.change(input, { target: { value: text } });
  fireEvent.blur(input);
}

async function errorsOf(form: FormInstance, name: string): Promise<string[]> {
  await act(async () => { await form.validateFields().catch(() => undefined); });
  return form.getFieldError(name);
}

describe('issue 10: no silent truncation or clamping', () => {
  test('−500 元 stays −500 and is refused at the field, not turned into 0', async () => {
    const form = mount(() => <Form.Item name="funds" rules={moneyRules(t)}><MoneyInput data-testid="funds" /></Form.Item>);
    typeAndBlur('funds', '-500');
    expect(form.getFieldValue('funds')).toBe(-500);
    expect(await errorsOf(form, 'funds')).toEqual(['金额不能为负数']);
  });

  test('an amount over the server\'s limit is refused, one within it passes', async () => {
    const form = mount(() => <Form.Item name="funds" rules={moneyRules(t)}><MoneyInput data-testid="funds" /></Form.Item>);
    typeAndBlur('funds', '2000000000000');
    expect(form.getFieldValue('funds')).toBe(2e12);
    expect(await errorsOf(form, 'funds')).toHaveLength(1);
    typeAndBlur('funds', '1234.5');
    expect(await errorsOf(form, 'funds')).toEqual([]);
  });

  test('a range rule keeps a typed 61 months and says the limit; exclusive bounds refuse the bound itself', async () => {
    const form = mount(() => (
      <>
        <Form.Item name="months" rules={numberRange(t, { min: 1, max: 60 })}><InputNumber data-testid="months" precision={0} /></Form.Item>
        <Form.Item name="share" rules={numberRange(t, { above: 0, below: 1 })}><InputNumber data-testid="share" /></Form.Item>
      </>
    ));
    typeAndBlur('months', '61');
    typeAndBlur('share', '0');
    expect(form.getFieldValue('months')).toBe(61);
    expect(await errorsOf(form, 'months')).toEqual(['不能大于 60']);
    expect(form.getFieldError('share')).toEqual(['应大于 0']);
    typeAndBlur('months', '0');
    expect(await errorsOf(form, 'months')).toEqual(['不能小于 1']);
  });

  test('a text field stops at the server\'s limit and shows its count', () => {
    mount(() => (
      <>
        <Form.Item name="title"><LimitedInput max={200} data-testid="title" /></Form.Item>
        <Form.Item name="note"><LimitedTextArea max={1000} data-testid="note" /></Form.Item>
      </>
    ));
    fireEvent.change(screen.getByTestId('title'), { target: { value: '液氨泄漏' } });
    expect(screen.getByTestId('title').getAttribute('maxlength')).toBe('200');
    expect(screen.getByTestId('note').getAttribute('maxlength')).toBe('1000');
    expect(document.body.textContent).toContain('4 / 200');
    expect(document.body.textContent).toContain('0 / 1000');
  });
});
