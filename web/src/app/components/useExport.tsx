import { useCallback, useRef, useState } from 'react';
import { App, Progress } from 'antd';
import type { ExportProgress } from '../api';
import { useShowError } from '../errors';
import { useI18n } from '../i18n';

const TEXT = {
  'zh-CN': { running: '正在导出', rows: '已导出 {done} / {total} 行', ready: '导出完成，文件已开始下载' },
  'en-US': { running: 'Exporting', rows: '{done} of {total} rows exported', ready: 'Export finished; the file is downloading' },
} as const;

/** Starts an export: `run` fetches it, reporting progress while it runs as a job on the server. */
export type ExportRun = (onProgress: (p: ExportProgress) => void) => Promise<void>;

/**
 * Every export button's behaviour: a small export downloads at once; a large one runs as a job on the server, and a
 * notification shows its progress (rows written of all) until the file downloads. Errors are shown as everywhere.
 */
export function useExport(): { exporting: boolean; start: (run: ExportRun) => Promise<void> } {
  const { notification } = App.useApp();
  const { locale } = useI18n();
  const showError = useShowError();
  const [exporting, setExporting] = useState(false);
  const seq = useRef(0);
  const start = useCallback(async (run: ExportRun) => {
    const text = TEXT[locale];
    const key = `export-${++seq.current}`;
    let shown = false;
    setExporting(true);
    try {
      await run((p) => {
        shown = true;
        const percent = p.rowsTotal > 0 ? Math.floor((p.rowsDone / p.rowsTotal) * 100) : 0;
        notification.open({
          key, message: text.running, duration: 0, placement: 'bottomRight',
          description: (
            <div data-testid="export-progress">
              <Progress percent={p.state === 'done' ? 100 : percent} size="small" />
              {text.rows.replace('{done}', String(p.rowsDone)).replace('{total}', String(p.rowsTotal))}
            </div>
          ),
        });
      });
      if (shown) notification.success({ key, message: text.ready, duration: 3, placement: 'bottomRight' });
    } catch (e) {
      if (shown) notification.destroy(key);
      showError(e);
    } finally {
      setExporting(false);
    }
  }, [locale, notification, showError]);
  return { exporting, start };
}
