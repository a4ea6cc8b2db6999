import { z } from 'zod';
import { riskListQuery } from '../points/risk-point.schema';

/** The ledger's filters and order, without paging: the file holds every matching point. */
export const riskExportQuery = riskListQuery.omit({ page: true, pageSize: true });
export type RiskExportQuery = z.infer<typeof riskExportQuery>;

export const riskImportQuery = z.object({ mode: z.enum(['strict', 'valid']).default('strict') });

const rowIssue = z.object({ row: z.number().int(), column: z.string(), message: z.string() });
/** Like the employee import's report, plus warnings: cells the import overrode (a grade that disagrees with its evaluation). */
export const riskImportReport = z.object({
  total: z.number().int(),
  validCount: z.number().int(),
  errorCount: z.number().int(),
  imported: z.number().int(),
  errors: z.array(rowIssue),
  warnings: z.array(rowIssue),
  message: z.string(),
});
export type RiskImportReport = z.infer<typeof riskImportReport>;
