import { useEffect, type ReactNode } from 'react';
import { ArrowLeftOutlined, PrinterOutlined } from '@ant-design/icons';
import { Button, Segmented } from 'antd';
import { useNavigate } from 'react-router';
import { useI18n } from '../../../app/i18n';

export type Paper = 'A4' | 'A3';
const WIDTH_MM: Record<Paper, number> = { A4: 210, A3: 297 };
const MARGIN_MM = 12;

const CSS = `
.lp-page { background: #e9edf2; min-height: 100vh; padding-bottom: 24px; }
.lp-toolbar { position: sticky; top: 0; z-index: 10; background: #0f2747; color: #fff; padding: 8px 16px; display: flex; gap: 8px; flex-wrap: wrap; align-items: center; }
.lp-toolbar .lp-title { flex: 1 1 200px; font-weight: 600; }
.lp-sheet { background: #fff; margin: 16px auto; box-shadow: 0 2px 12px rgba(0,0,0,.15); box-sizing: border-box; color: #000;
  font-family: "Noto Serif CJK SC", "Source Han Serif SC", "SimSun", "Noto Sans CJK SC", "Microsoft YaHei", serif; }
@media print {
  html, body { background: #fff !important; }
  .lp-toolbar { display: none !important; }
  .lp-page { background: #fff; padding: 0; min-height: 0; }
  .lp-sheet { box-shadow: none; margin: 0; padding: 0 !important; width: auto !important; }
  .lp-sheet .print-sheet { padding: 0 !important; }
  * { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
}
`;

type Props = { title: string; paper: Paper; onPaper?: (p: Paper) => void; fallback: string; children: ReactNode };

/**
 * A print page outside the app frame: a toolbar (back, paper, 打印) that does not print, and the sheet previewed at
 * its paper's width; @page tells the browser the same size (portrait), so what is seen is what is printed.
 */
export function PrintShell({ title, paper, onPaper, fallback, children }: Props) {
  const { t } = useI18n();
  const navigate = useNavigate();
  useEffect(() => {
    const before = document.title;
    document.title = title;
    return () => { document.title = before; };
  }, [title]);
  return (
    <div className="lp-page" data-testid="letters-print" data-paper={paper}>
      <style>{`${CSS}@page { size: ${paper} portrait; margin: ${MARGIN_MM}mm; }`}</style>
      <div className="lp-toolbar">
        <Button icon={<ArrowLeftOutlined />} onClick={() => (window.history.length > 1 ? navigate(-1) : navigate(fallback))}>{t('common.back')}</Button>
        <span className="lp-title">{title}</span>
        {onPaper && (
          <Segmented<Paper> value={paper} onChange={onPaper} data-testid="poster-paper"
            options={[{ value: 'A4', label: t('commitment.paper.a4') }, { value: 'A3', label: t('commitment.paper.a3') }]} />
        )}
        <Button type="primary" icon={<PrinterOutlined />} onClick={() => window.print()} data-testid="print-button">{t('letters.print')}</Button>
      </div>
      <div className="lp-sheet" style={{ width: `min(calc(100% - 16px), ${WIDTH_MM[paper]}mm)`, padding: `${MARGIN_MM}mm` }}>
        {children}
      </div>
    </div>
  );
}
