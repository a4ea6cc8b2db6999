import { Typography } from 'antd';
import { ImportErrorTable } from '../../../app/components/ImportErrorTable';
import { SpreadsheetImportModal } from '../../../app/components/SpreadsheetImportModal';
import { useI18n } from '../../../app/i18n';
import { riskApi } from '../api/risk.api';

type Props = { enterpriseId: string; onClose: () => void; onImported: () => void };

/**
 * The ledger from a spreadsheet in the customary layout, as the employee import does it: a strict run imports all
 * or nothing; with errors the user sees each row's problem and may import the valid rows only. Warnings name cells
 * the import overrode (a grade that disagrees with its evaluation values).
 */
export function RiskImportModal({ enterpriseId, onClose, onImported }: Props) {
  const { t } = useI18n();
  return (
    <SpreadsheetImportModal
      title={t('risk.importTitle')}
      hint={t('risk.importHint')}
      width={800}
      testId="risk-import"
      upload={(file, mode) => riskApi.import(enterpriseId, file, mode)}
      downloadTemplate={() => riskApi.downloadTemplate(enterpriseId, t('risk.templateFile'))}
      extra={(data) => data.warnings.length > 0 && (
        <>
          <Typography.Text type="warning">{t('risk.importWarnings', { n: data.warnings.length })}</Typography.Text>
          <ImportErrorTable errors={data.warnings} />
        </>
      )}
      onClose={onClose}
      onImported={onImported}
    />
  );
}
