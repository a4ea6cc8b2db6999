import { useState, type ReactNode } from 'react';
import type { QueryKey } from '@tanstack/react-query';
import { DownloadOutlined, InboxOutlined } from '@ant-design/icons';
import { Alert, App, Button, Flex, Modal, Result, Statistic, Typography, Upload, type UploadFile } from 'antd';
import { useShowError } from '../errors';
import { useI18n } from '../i18n';
import { MEANING_TEXT } from '../palette';
import { useApiMutation } from '../useApi';
import { ImportErrorTable, type ImportIssue } from './ImportErrorTable';

export type ImportMode = 'strict' | 'valid';

/** What every spreadsheet import answers with; `message` is a translated one-line summary from the server. */
export type SpreadsheetImportReport = {
  total: number;
  validCount: number;
  errorCount: number;
  imported: number;
  errors: ImportIssue[];
  /** Rows imported all the same, with what deserves a look. */
  warnings?: ImportIssue[];
  message?: string;
};

/** A report's row counts: of a check (total, valid, errors), and of an import (the rows imported too). */
function Figures({ report, imported }: { report: SpreadsheetImportReport; imported?: boolean }) {
  const { t } = useI18n();
  return (
    <Flex gap={32} wrap>
      <Statistic title={t('import.total')} value={report.total} />
      <Statistic title={t('import.valid')} value={report.validCount} styles={{ content: { color: MEANING_TEXT.done } }} />
      <Statistic title={t('import.errors')} value={report.errorCount} styles={{ content: { color: report.errorCount ? MEANING_TEXT.danger : undefined } }} />
      {imported && <Statistic title={t('import.imported')} value={report.imported} />}
    </Flex>
  );
}

/** The warnings of a report under their heading, when it has any. */
function Warnings({ issues, title }: { issues: ImportIssue[] | undefined; title: ((count: number) => string) | undefined }) {
  if (!issues?.length || !title) return null;
  return (
    <>
      <Typography.Text type="warning" data-testid="import-warnings">{title(issues.length)}</Typography.Text>
      <ImportErrorTable errors={issues} />
    </>
  );
}

type Props<R extends SpreadsheetImportReport> = {
  title: string;
  /** What to fill in, above the template button. */
  hint: string;
  width: number;
  testId: string;
  upload: (file: File, mode: ImportMode) => Promise<R>;
  downloadTemplate: () => Promise<void>;
  /** Under a strict run that imported nothing, how to go on when some rows were valid. */
  blockedHint?: string;
  /** The heading over the report's warnings (rows taken as written, or corrected): each import words it its own way. */
  warningsTitle?: (count: number) => string;
  /**
   * A first, writing-nothing pass over the file (the risk ledger's `mode=preview`): its plan is shown with the
   * errors, and the user confirms the import from there.
   */
  preview?: (file: File) => Promise<R>;
  /** What the preview says the import will do (rows created, updated, left alone). */
  renderPlan?: (report: R) => ReactNode;
  onClose: () => void;
  onImported?: () => void;
  /** What an import changes, reloaded after it (every query when not given). */
  invalidates?: QueryKey[];
};

/**
 * A spreadsheet import in two steps: a strict run that imports all or nothing; when rows have errors the user sees
 * them and may re-upload the same file importing only the valid rows.
 */
export function SpreadsheetImportModal<R extends SpreadsheetImportReport>(props: Props<R>) {
  const { title, hint, width, testId, upload, downloadTemplate, blockedHint, warningsTitle, preview, renderPlan, onClose, onImported, invalidates } = props;
  const { t } = useI18n();
  const { message } = App.useApp();
  const showError = useShowError();
  const [file, setFile] = useState<File | null>(null);
  // A template download writes nothing: whether it is on its way is local state, not a mutation.
  const [fetchingTemplate, setFetchingTemplate] = useState(false);
  const [data, setData] = useState<R | null>(null);
  const [planned, setPlanned] = useState<R | null>(null);
  // The preview pass writes nothing, so it reloads nothing.
  const checking = useApiMutation((f: File) => preview!(f), { invalidates: [], onSuccess: (report) => setPlanned(report) });
  const importing = useApiMutation((i: { file: File; mode: ImportMode }) => upload(i.file, i.mode), {
    invalidates,
    onSuccess: (result) => {
      setPlanned(null);
      setData(result);
      if (result.imported > 0) {
        message.success(t('import.importedN', { n: result.imported }));
        onImported?.();
      }
    },
  });
  const importingMode = importing.saving ? importing.input?.mode : undefined;

  const check = async () => {
    if (!file || !preview) return;
    try {
      await checking.run(file);
    } catch (e) {
      showError(e);
    }
  };

  const run = async (mode: ImportMode) => {
    if (!file) return;
    try {
      await importing.run({ file, mode });
    } catch (e) {
      showError(e);
    }
  };

  const template = async () => {
    setFetchingTemplate(true);
    try {
      await downloadTemplate();
    } catch (e) {
      showError(e);
    } finally {
      setFetchingTemplate(false);
    }
  };

  const fileList: UploadFile[] = file ? [{ uid: '1', name: file.name, status: 'done', size: file.size }] : [];
  const blocked = data && data.errorCount > 0 && data.imported === 0;

  return (
    <Modal
      open
      title={title}
      onCancel={onClose}
      width={width}
      data-testid={testId}
      footer={
        <Flex justify="flex-end" gap={8} wrap>
          <Button onClick={onClose}>{t('common.close')}</Button>
          {blocked && data.validCount > 0 && (
            <Button onClick={() => void run('valid')} loading={importingMode === 'valid'} data-testid="import-valid-only">
              {t('import.validOnly', { n: data.validCount })}
            </Button>
          )}
          {!data && !planned && (
            <Button type="primary" disabled={!file} loading={checking.saving || importingMode === 'strict'} onClick={() => void (preview ? check() : run('strict'))} data-testid="import-submit">
              {preview ? t('import.check') : t('import.start')}
            </Button>
          )}
          {planned && (
            <>
              <Button onClick={() => setPlanned(null)} data-testid="import-back">{t('import.chooseAgain')}</Button>
              <Button
                type="primary"
                disabled={planned.validCount === 0}
                loading={importing.saving}
                onClick={() => void run(planned.errorCount > 0 ? 'valid' : 'strict')}
                data-testid="import-confirm"
              >
                {planned.errorCount > 0 ? t('import.validOnly', { n: planned.validCount }) : t('import.confirm', { n: planned.validCount })}
              </Button>
            </>
          )}
        </Flex>
      }
    >
      {planned && !data && (
        <Flex vertical gap={16} data-testid="import-preview">
          <Figures report={planned} />
          {planned.validCount === 0 && <Alert type="error" showIcon title={t('import.nothingValid')} />}
          {renderPlan?.(planned)}
          {planned.errors.length > 0 && <ImportErrorTable errors={planned.errors} />}
          <Warnings issues={planned.warnings} title={warningsTitle} />
        </Flex>
      )}
      {!data && !planned && (
        <Flex vertical gap={16}>
          <Alert type="info" showIcon title={hint} />
          <div>
            <Button icon={<DownloadOutlined />} onClick={() => void template()} loading={fetchingTemplate} data-testid="import-template">
              {t('import.downloadTemplate')}
            </Button>
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
          <Figures report={data} imported />
          {blocked && (
            <Alert
              type="error"
              showIcon
              title={data.message || t('import.strictFailed', { n: data.errorCount })}
              description={blockedHint && data.validCount > 0 && !data.message ? blockedHint : undefined}
              data-testid="import-blocked"
            />
          )}
          {!blocked && data.errorCount > 0 && <Alert type="warning" showIcon title={t('import.partial', { imported: data.imported, skipped: data.errorCount })} />}
          {data.errorCount === 0 && <Result status="success" title={data.message || t('import.done', { n: data.imported })} style={{ padding: 8 }} />}
          {data.errors.length > 0 && <ImportErrorTable errors={data.errors} />}
          <Warnings issues={data.warnings} title={warningsTitle} />
        </Flex>
      )}
    </Modal>
  );
}
