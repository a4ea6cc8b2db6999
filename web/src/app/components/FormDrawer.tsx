import { useState, type ReactNode } from 'react';
import { flushSync } from 'react-dom';
import { Button, Drawer, Flex, Form, type FormInstance, type FormProps } from 'antd';
import { useShowError } from '../errors';
import { useI18n } from '../i18n';
import { useDrawerSize } from '../responsive';
import { useLeaveGuard, type LeaveConfirm } from '../useLeaveGuard';

export type FormDrawerProps<V> = {
  title: ReactNode;
  /** The form the caller made (`Form.useForm`), so it can watch and set fields. */
  form: FormInstance<V>;
  initialValues?: FormProps<V>['initialValues'];
  /**
   * Sends the values, usually a mutation's `run`. A refusal is shown here: VALIDATION issues on the fields they name,
   * anything else as a message.
   */
  onSubmit: (values: V) => Promise<unknown>;
  /** The mutation's `saving`: the save button spins while it is true. */
  saving: boolean;
  onClose: () => void;
  /** A 409 CONFLICT offers to reload (see `useShowError`); without it the conflict is a message. */
  onConflict?: () => void;
  /** Width on a desk; on a phone the drawer takes the whole screen. */
  width?: number;
  okText?: ReactNode;
  okDanger?: boolean;
  okDisabled?: boolean;
  /** The drawer's test ID; the save button's is `saveTestId`, else this one with `-ok`. */
  testId?: string;
  saveTestId?: string;
  /** What the drawer shows above the form: a hint, or the request being decided. */
  intro?: ReactNode;
  children: ReactNode;
};

/**
 * The shell of every edit drawer: title, a footer with Cancel and Save, a vertical form whose server-side field
 * errors land on its fields, and a question before the user leaves the page with changes not yet saved. Mount it to
 * open it and unmount it to close it; nothing of the form outlives it.
 */
export function FormDrawer<V>({
  title, form, initialValues, onSubmit, saving, onClose, onConflict, width = 480, okText, okDanger, okDisabled, testId, saveTestId, intro, children,
}: FormDrawerProps<V>) {
  const { t } = useI18n();
  const showError = useShowError();
  const size = useDrawerSize(width);
  const [dirty, setDirty] = useState(false);
  const [sending, setSending] = useState(false);

  const finish = async (values: V) => {
    // The guard stands down before the request leaves, not at some later render: a save that moves on to the new
    // record's page must not be asked about, however quickly the server answers.
    flushSync(() => setSending(true));
    try {
      await onSubmit(values);
      setDirty(false);
    } catch (e) {
      showError(e, { form, onConflict });
    } finally {
      setSending(false);
    }
  };

  return (
    <Drawer
      open
      size={size}
      title={title}
      onClose={onClose}
      destroyOnHidden
      data-testid={testId}
      footer={
        <Flex justify="flex-end" gap={8}>
          <Button onClick={onClose}>{t('common.cancel')}</Button>
          <Button
            type="primary"
            danger={okDanger}
            loading={saving}
            disabled={okDisabled}
            onClick={() => form.submit()}
            data-testid={saveTestId ?? (testId ? `${testId}-ok` : undefined)}
          >
            {okText ?? t('common.save')}
          </Button>
        </Flex>
      }
    >
      {/*
        The router heeds only the newest blocker, so the guard is mounted only while there is something to lose: an
        untouched drawer must not hide the blocker of the page under it.
      */}
      {dirty && !sending && (
        <UnsavedGuard confirm={{ title: t('common.unsavedTitle'), content: t('common.unsavedBody'), okText: t('common.leave'), cancelText: t('common.keepEditing') }} />
      )}
      {intro}
      <Form<V>
        form={form}
        layout="vertical"
        scrollToFirstError
        initialValues={initialValues}
        onValuesChange={() => setDirty(true)}
        onFinish={(values) => void finish(values)}
      >
        {children}
      </Form>
    </Drawer>
  );
}

function UnsavedGuard({ confirm }: { confirm: LeaveConfirm }) {
  useLeaveGuard(true, confirm);
  return null;
}
