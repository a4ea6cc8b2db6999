import { useState } from 'react';
import { useParams } from 'react-router';
import { ErrorState } from '../../../app/components/ErrorState';
import { PageLoading } from '../../../app/components/PageLoading';
import { useI18n } from '../../../app/i18n';
import { useApiQuery } from '../../../app/useApi';
import { riskCardApi } from '../api/risk-card.api';
import { BoardSheet } from '../components/BoardSheet';
import { PrintFrame } from '../components/PrintFrame';
import type { Paper } from '../components/PrintStyles';

/** The notice board as a printable sheet (A3 landscape by default: it hangs at the entrance). */
export function BoardPrintPage() {
  const { t } = useI18n();
  const { enterpriseId = '' } = useParams();
  const [paper, setPaper] = useState<Paper>('A3-landscape');
  const board = useApiQuery(['risk', enterpriseId, 'board'], (signal) => riskCardApi.board(enterpriseId, signal));
  const title = board.data ? `${board.data.enterprise.name} ${t('risk.board.title')}` : t('risk.board.title');
  return (
    <PrintFrame title={title} paper={paper} onPaper={setPaper} fallback="/risk">
      {board.error ? <ErrorState error={board.error} onRetry={board.reload} /> : board.data ? <BoardSheet board={board.data} /> : <PageLoading />}
    </PrintFrame>
  );
}
