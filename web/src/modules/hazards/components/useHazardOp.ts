import { useState } from 'react';
import { App, type FormInstance } from 'antd';
import { useShowError } from '../../../app/errors';
import { useI18n } from '../../../app/i18n';
import type { HazardDetail } from '../api/hazards.api';

/**
 * Runs one workflow operation from a form: shows the server's refusal (409 STATE, 403, validation on the fields),
 * and hands the hazard as it now is to the page.
 */
export function useHazardOp<V>(form: FormInstance<V>, onDone: (h: HazardDetail) => void) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const showError = useShowError();
  const [saving, setSaving] = useState(false);
  const run = async (call: () => Promise<HazardDetail>) => {
    setSaving(true);
    try {
      const h = await call();
      message.success(t('hazard.opDone'));
      onDone(h);
    } catch (e) {
      showError(e, { form });
    } finally {
      setSaving(false);
    }
  };
  return { saving, run };
}
