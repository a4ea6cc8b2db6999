import { useCallback } from 'react';
import { App } from 'antd';
import type { FormInstance } from 'antd';
import { isApiError } from './api';
import { useI18n, type Translate } from './i18n';

/**
 * Puts a VALIDATION error's issues on the form fields they name (`body.creditCode` → `creditCode`).
 * Returns the messages that matched no field, so the caller can still show them.
 */
export function applyFormErrors(form: FormInstance, error: unknown): string[] {
  if (!isApiError(error) || error.code !== 'VALIDATION') return [];
  const known = new Set(Object.keys(form.getFieldsValue(true) as Record<string, unknown>));
  const byField = new Map<string, string[]>();
  const rest: string[] = [];
  for (const issue of error.issues) {
    const segments = issue.path.split('.');
    const field = segments[0] === 'body' || segments[0] === 'query' ? segments[1] : segments[0];
    if (field && known.has(field)) byField.set(field, [...(byField.get(field) ?? []), issue.message]);
    else rest.push(issue.message);
  }
  form.setFields([...byField].map(([name, errors]) => ({ name, errors })));
  if (byField.size > 0) {
    const first = [...byField.keys()][0];
    if (first) form.scrollToField(first, { block: 'center' });
  }
  return rest;
}

/**
 * An error's one line: its message, then the details that add something. Issue 10: a detail that repeats the message
 * (or another detail) is said once — "无法读取文件…：无法读取文件…" read twice.
 */
export function errorText(message: string, issues: string[], t: Translate): string {
  const details = [...new Set(issues)].filter((m) => m && m !== message);
  return details.length > 0 ? t('common.withDetails', { message, details: details.join(t('common.separator')) }) : message;
}

/** Shows an API error the way its code asks for; returns nothing so it can end a catch. */
export function useShowError() {
  const { message, modal } = App.useApp();
  const { t } = useI18n();
  return useCallback((error: unknown, opts: { form?: FormInstance; onConflict?: () => void } = {}) => {
    if (!isApiError(error)) {
      message.error(error instanceof Error ? error.message : String(error));
      return;
    }
    // The session is gone: the guard already sends the user to the login page.
    if (error.code === 'UNAUTHENTICATED' || error.code === 'PASSWORD_CHANGE_REQUIRED') return;
    if (error.code === 'VALIDATION' && opts.form) {
      const rest = applyFormErrors(opts.form, error);
      if (rest.length > 0) message.error(rest.join(t('common.separator')));
      else if (error.issues.length === 0) message.error(error.message);
      return;
    }
    if (error.code === 'CONFLICT' && opts.onConflict) {
      const reload = opts.onConflict;
      modal.confirm({
        title: t('error.conflictTitle'),
        content: error.message || t('error.conflictBody'),
        okText: t('common.reload'),
        cancelText: t('common.cancel'),
        onOk: reload,
      });
      return;
    }
    const detail = errorText(error.message, error.issues.map((i) => i.message), t);
    message.error(detail || t(`error.INTERNAL`));
  }, [message, modal, t]);
}
