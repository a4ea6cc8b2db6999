import { act, cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { App, Form, Input } from 'antd';
import { useState } from 'react';
import { createMemoryRouter, Link, RouterProvider } from 'react-router';
import { afterEach, describe, expect, test, vi } from 'vitest';
import { ApiError } from '../api';
import { FormDrawer } from '../components/FormDrawer';
import { I18nContext, translate } from '../i18n';
import { zhI18n } from '../testing';

type Values = { name: string };
type Send = (v: Values, go: (path: string) => void) => Promise<unknown>;

/** An edit drawer on a page, with a link away; `send` plays the server (and may move on, as a create does). */
function mount(send: Send, onClose: () => void = () => undefined) {
  function Page() {
    const [form] = Form.useForm<Values>();
    const [saving, setSaving] = useState(false);
    const submit = async (v: Values) => {
      setSaving(true);
      try {
        return await send(v, (path) => void router.navigate(path));
      } finally {
        setSaving(false);
      }
    };
    return (
      <>
        <Link to="/elsewhere">别处</Link>
        <FormDrawer<Values> title="编辑风险点" form={form} initialValues={{ name: '' }} onSubmit={submit} saving={saving} onClose={onClose} testId="point-form">
          <Form.Item name="name" label="名称"><Input data-testid="point-name" /></Form.Item>
        </FormDrawer>
      </>
    );
  }
  const router = createMemoryRouter([{ path: '/', element: <Page /> }, { path: '/elsewhere', element: <p>别处的页面</p> }]);
  render(<I18nContext.Provider value={zhI18n}><App><RouterProvider router={router} /></App></I18nContext.Provider>);
  return router;
}

const type = (text: string) => fireEvent.change(screen.getByTestId('point-name'), { target: { value: text } });
const save = () => fireEvent.click(screen.getByTestId('point-form-ok'));
const leave = () => fireEvent.click(screen.getByText('别处'));
const unsavedTitle = translate('zh-CN', 'common.unsavedTitle');

afterEach(cleanup);

describe('FormDrawer (every edit drawer)', () => {
  test('Save sends the form\'s values and spins until the server answers; Cancel closes', async () => {
    let answer: (v: unknown) => void = () => undefined;
    const send = vi.fn<Send>(() => new Promise((resolve) => { answer = resolve; }));
    const onClose = vi.fn();
    mount(send, onClose);
    type('液氨罐区');
    save();
    await waitFor(() => expect(send).toHaveBeenCalledTimes(1));
    expect(send.mock.calls[0]![0]).toEqual({ name: '液氨罐区' });
    await waitFor(() => expect(screen.getByTestId('point-form-ok').className).toContain('ant-btn-loading'));
    await act(async () => { answer(undefined); });
    await waitFor(() => expect(screen.getByTestId('point-form-ok').className).not.toContain('ant-btn-loading'));
    fireEvent.click(screen.getByText(/^取\s*消$/));
    expect(onClose).toHaveBeenCalledTimes(1);
  });

  test('a VALIDATION refusal lands on the field it names', async () => {
    mount(() => Promise.reject(new ApiError('VALIDATION', 400, '输入有误', [{ path: 'body.name', message: '同一单位下已有同名风险点' }])));
    type('液氨罐区');
    save();
    await waitFor(() => expect(screen.getByTestId('point-form').textContent).toContain('同一单位下已有同名风险点'));
  });

  test('leaving the page with unsaved changes is asked about; an untouched form is left freely', async () => {
    const untouched = mount(() => Promise.resolve());
    leave();
    await waitFor(() => expect(untouched.state.location.pathname).toBe('/elsewhere'));
    cleanup();

    const router = mount(() => Promise.resolve());
    type('液氨罐区');
    const unload = new Event('beforeunload', { cancelable: true });
    window.dispatchEvent(unload);
    expect(unload.defaultPrevented).toBe(true);
    leave();
    await waitFor(() => expect(document.body.textContent).toContain(unsavedTitle));
    expect(router.state.location.pathname).toBe('/');
    fireEvent.click(screen.getByText(translate('zh-CN', 'common.keepEditing')));
    await waitFor(() => expect(router.state.blockers.get([...router.state.blockers.keys()][0]!)?.state).toBe('unblocked'));
    expect(router.state.location.pathname).toBe('/');
    expect((screen.getByTestId('point-name') as HTMLInputElement).value).toBe('液氨罐区');
  });

  test('a save that moves on to the new record\'s page is not asked about, nor is leaving after a save', async () => {
    // However quickly the server answers.
    const router = mount(async (_v, go) => { go('/elsewhere'); });
    type('液氨罐区');
    save();
    await waitFor(() => expect(router.state.location.pathname).toBe('/elsewhere'));
    expect(document.body.textContent).not.toContain(unsavedTitle);
    cleanup();

    const send = vi.fn<Send>(() => Promise.resolve());
    const saved = mount(send);
    type('液氨罐区');
    save();
    await waitFor(() => expect(send).toHaveBeenCalledTimes(1));
    await waitFor(() => expect(screen.getByTestId('point-form-ok').className).not.toContain('ant-btn-loading'));
    leave();
    await waitFor(() => expect(saved.state.location.pathname).toBe('/elsewhere'));
  });
});
