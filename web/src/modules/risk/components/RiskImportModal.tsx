import { useState } from 'react';
import { DownloadOutlined, InboxOutlined } from '@ant-design/icons';
import { Alert, App, Button, Flex, Modal, Result, Statistic, Typography, Upload, type UploadFile } from 'antd';
import { useShowError } from '../../../app/errors';
import { useI18n } from '../../../app/i18n';
import { ImportErrorTable } from '../../employees/components/ImportErrorTable';
import { riskApi, type RiskImportReport } from '../api/risk.api';

type Props = { enterpriseId: string; onClose: () => void; onImported: () => void };

/**
 * The ledger from a spreadsheet in the customary layout, as the employee import does it: a strict run imports all
 * or nothing; with errors the user sees each row's problem and may import the valid rows only. Warnings name cells
 * the import overrode (a grade that disagrees with its evaluation values).
 */
export function RiskImportModal({ enterpriseId, onClose, onImported }: Props) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const showError = useShowError();
  const [file, setFile] = useState<File | null>(null);
  const [busy, setBusy] = useState<'strict' | 'valid' | 'template' | null>(null);
  const [data, setData] = useState<RiskImportReport | null>(null);

  const run = async (mode: 'strict' | 'valid') => {
    if (!file) return;
    setBusy(mode);
    try {
      const result = await riskApi.import(enterpriseId, file, mode);
      setData(result);
      if (result.imported > 0) {
        message.success(t('import.importedN', { n: result.imported }));
        onImported();
      }
    } catch (e) {
      showError(e);
    } finally {
      setBusy(null);
    }
  };

  const template = async () => {
    setBusy('template');
    try {
      await riskApi.downloadTemplate(enterpriseId, t('risk.templateFile'));
    } catch (e) {
      showError(e);
    } finally {
      setBusy(null);
    }
  };

  const fileList: UploadFile[] = file ? [{ uid: '1', name: file.name, status: 'done', size: file.size }] : [];
  const blocked = data && data.errorCount > 0 && data.imported === 0;

  return (
    <Modal
      open
      title={t('risk.importTitle')}
      onCancel={onClose}
      width={800}
      data-testid="risk-import"
      footer={
        <Flex justify="flex-end" gap={8} wrap>
          <Button onClick={onClose}>{t('common.close')}</Button>
          {blocked && data.validCount > 0 && (
            <Button onClick={() => void run('valid')} loading={busy === 'valid'} data-testid="import-valid-only">{t('import.validOnly', { n: data.validCount })}</Button>
          )}
          {!data && (
            <Button type="primary" disabled={!file} loading={busy === 'strict'} onClick={() => void run('strict')} data-testid="import-submit">{t('import.start')}</Button>
          )}
        </Flex>
      }
    >
      {!data && (
        <Flex vertical gap={16}>
          <Alert type="info" showIcon title={t('risk.importHint')} />
          <div>
            <Button icon={<DownloadOutlined />} onClick={() => void template()} loading={busy === 'template'} data-testid="import-template">{t('import.downloadTemplate')}</Button>
          </div>
          <Upload.Dragger
            accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            multiple={false}
            maxCount={1}
            fileList={fileList}
            beforeUpload={(f) => {
              setFile(f);
              return false;
            }}
            onRemove={() => {
              setFile(null);
              return true;
            }}
            data-testid="import-file"
          >
            <p className="ant-upload-drag-icon"><InboxOutlined /></p>
            <p className="ant-upload-text">{t('import.dropHere')}</p>
            <p className="ant-upload-hint">{t('import.onlyXlsx')}</p>
          </Upload.Dragger>
        </Flex>
      )}
      {data && (
        <Flex vertical gap={16} data-testid="import-result">
          <Flex gap={32} wrap>
            <Statistic title={t('import.total')} value={data.total} />
            <Statistic title={t('import.valid')} value={data.validCount} styles={{ content: { color: '#389e0d' } }} />
            <Statistic title={t('import.errors')} value={data.errorCount} styles={{ content: { color: data.errorCount ? '#cf1322' : undefined } }} />
            <Statistic title={t('import.imported')} value={data.imported} />
          </Flex>
          {blocked && <Alert type="error" showIcon title={data.message || t('import.strictFailed', { n: data.errorCount })} data-testid="import-blocked" />}
          {!blocked && data.errorCount > 0 && <Alert type="warning" showIcon title={t('import.partial', { imported: data.imported, skipped: data.errorCount })} />}
          {data.errorCount === 0 && <Result status="success" title={t('import.done', { n: data.imported })} style={{ padding: 8 }} />}
          {data.errors.length > 0 && <ImportErrorTable errors={data.errors} />}
          {data.warnings.length > 0 && (
            <>
              <Typography.Text type="warning">{t('risk.importWarnings', { n: data.warnings.length })}</Typography.Text>
              <ImportErrorTable errors={data.warnings} />
            </>
          )}
        </Flex>
      )}
    </Modal>
  );
}
