import { SpreadsheetImportModal } from '../../../app/components/SpreadsheetImportModal';
import { useI18n } from '../../../app/i18n';
import { employeesApi } from '../api/employees.api';

type Props = { enterpriseId: string; onClose: () => void };

/**
 * The roster from the employee template (.xlsx): strict first, then optionally the valid rows only. Imported employees
 * show in the list and in their units' counts.
 */
export function EmployeeImportModal({ enterpriseId, onClose }: Props) {
  const { t } = useI18n();
  return (
    <SpreadsheetImportModal
      title={t('import.title')}
      hint={t('import.hint')}
      width={760}
      testId="employee-import"
      upload={(file, mode) => employeesApi.import(enterpriseId, file, mode)}
      downloadTemplate={() => employeesApi.downloadTemplate(enterpriseId, t('import.templateFile'))}
      blockedHint={t('import.strictFailedHint')}
      warningsTitle={(n) => t('import.warnings', { n })}
      onClose={onClose}
      invalidates={[['employees', enterpriseId], ['org', enterpriseId]]}
    />
  );
}
