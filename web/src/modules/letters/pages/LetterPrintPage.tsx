import { useParams } from 'react-router';
import { ErrorState } from '../../../app/components/ErrorState';
import { PageLoading } from '../../../app/components/PageLoading';
import { useApiQuery } from '../../../app/useApi';
import { lettersApi } from '../api/letters.api';
import { LetterSheet } from '../components/LetterSheet';
import { PrintShell } from '../components/PrintShell';

/** One letter on paper, with its signature, outside the app frame so that only the sheet prints. */
export function LetterPrintPage() {
  const { enterpriseId = '', id = '' } = useParams();
  const letter = useApiQuery(['letters', enterpriseId, 'letter', id], (signal) => lettersApi.letter(enterpriseId, id, signal));
  if (letter.error) return <ErrorState error={letter.error} onRetry={letter.reload} />;
  if (!letter.data) return <PageLoading full />;
  return (
    <PrintShell title={`${letter.data.title} · ${letter.data.employeeName}`} paper="A4" fallback="/letters/mine">
      <LetterSheet letter={letter.data} />
    </PrintShell>
  );
}
