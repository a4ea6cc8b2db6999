import { useEffect, type ReactNode } from 'react';
import { ArrowLeftOutlined, PrinterOutlined } from '@ant-design/icons';
import { Button, Select } from 'antd';
import { useNavigate } from 'react-router';
import { useI18n } from '../../../app/i18n';
import { PAGE_MARGIN_MM, PAPER_MM, PAPERS, PrintStyles, type Paper } from './PrintStyles';

type Props = {
  title: string;
  paper: Paper;
  onPaper: (p: Paper) => void;
  /** Where 返回 leads when there is no history (a page opened in a new tab). */
  fallback: string;
  extra?: ReactNode;
  children: ReactNode;
};

/**
 * A print page: a toolbar (back, paper, 打印) that does not print, and the sheet previewed at its paper width with
 * the page margins; @page tells the browser the same size, so what is seen is what is printed.
 */
export function PrintFrame({ title, paper, onPaper, fallback, extra, children }: Props) {
  const { t } = useI18n();
  const navigate = useNavigate();
  const [w] = PAPER_MM[paper];

  useEffect(() => {
    const before = document.title;
    document.title = title;
    return () => {
      document.title = before;
    };
  }, [title]);

  return (
    <div className="rp-page" data-testid="print-page" data-paper={paper}>
      <PrintStyles paper={paper} />
      <div className="rp-toolbar">
        <Button icon={<ArrowLeftOutlined />} onClick={() => (window.history.length > 1 ? navigate(-1) : navigate(fallback))}>{t('common.back')}</Button>
        <span className="rp-title">{title}</span>
        <Select<Paper>
          value={paper}
          onChange={onPaper}
          style={{ width: 130 }}
          aria-label={t('risk.paper')}
          options={PAPERS.map((p) => ({ value: p, label: t(`risk.paper.${p}`) }))}
          data-testid="print-paper"
        />
        {extra}
        <Button type="primary" icon={<PrinterOutlined />} onClick={() => window.print()} data-testid="print-button">{t('risk.printNow')}</Button>
      </div>
      <div className="rp-sheet" style={{ width: `min(calc(100% - 16px), ${w}mm)`, padding: `${PAGE_MARGIN_MM}mm` }}>
        {children}
      </div>
    </div>
  );
}
