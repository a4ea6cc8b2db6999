import { act, render, renderHook } from '@testing-library/react';
import { Form, Input, type FormInstance } from 'antd';
import { describe, expect, test } from 'vitest';
import { ApiError } from '../api';
import { applyFormErrors, errorText } from '../errors';
import { translate } from '../i18n';

function mountForm(fields: string[]): FormInstance {
  const { result } = renderHook(() => Form.useForm()[0]);
  const form = result.current;
  render(
    <Form form={form} initialValues={Object.fromEntries(fields.map((f) => [f, '']))}>
      {fields.map((f) => <Form.Item key={f} name={f}><Input /></Form.Item>)}
    </Form>,
  );
  return form;
}

describe('server 4xx issues on form fields', () => {
  test('VALIDATION issues land on the fields they name (body.x, query.x, x); the rest is returned', () => {
    const form = mountForm(['creditCode', 'name', 'page']);
    const error = new ApiError('VALIDATION', 400, '输入有误', [
      { path: 'body.creditCode', message: '统一社会信用代码校验位错误' },
      { path: 'body.creditCode', message: '长度应为 18 位' },
      { path: 'name', message: '必填' },
      { path: 'query.page', message: '应为正整数' },
      { path: 'body.unknownField', message: '多余字段' },
      { path: 'params.id', message: '不是有效的 ID' },
    ]);
    let rest: string[] = [];
    act(() => { rest = applyFormErrors(form, error); });
    expect(form.getFieldError('creditCode')).toEqual(['统一社会信用代码校验位错误', '长度应为 18 位']);
    expect(form.getFieldError('name')).toEqual(['必填']);
    expect(form.getFieldError('page')).toEqual(['应为正整数']);
    expect(rest).toEqual(['多余字段', '不是有效的 ID']);
  });

  test('errors other than VALIDATION leave the form alone', () => {
    const form = mountForm(['name']);
    let rest: string[] = ['x'];
    act(() => { rest = applyFormErrors(form, new ApiError('CONFLICT', 409, '已被修改', [{ path: 'body.name', message: 'n' }])); });
    expect(rest).toEqual([]);
    expect(form.getFieldError('name')).toEqual([]);
    expect(applyFormErrors(form, new Error('boom'))).toEqual([]);
  });
});

describe('an error in one line', () => {
  const t = (key: Parameters<typeof translate>[1], params?: Record<string, string | number>) => translate('zh-CN', key, params);
  test('a detail that repeats the message, or another detail, is said once (issue 10)', () => {
    const read = '无法读取文件，请使用下载的模板（.xlsx）';
    expect(errorText(read, [read], t)).toBe(read);
    expect(errorText('提交的数据有误', ['名称 必填', '名称 必填', '提交的数据有误'], t)).toBe('提交的数据有误：名称 必填');
    expect(errorText('提交的数据有误', ['名称 必填', '期限 必填'], t)).toBe('提交的数据有误：名称 必填；期限 必填');
  });
});
