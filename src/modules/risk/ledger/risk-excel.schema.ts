import { z } from 'zod';
import { riskListQuery } from '../points/risk-point.schema';

/** The ledger's filters and order, without paging: the file holds every matching point. */
export const riskExportQuery = riskListQuery.omit({ page: true, pageSize: true });
export type RiskExportQuery = z.infer<typeof riskExportQuery>;

/** `preview` checks the file and says what an import would create and update, writing nothing. */
export const riskImportQuery = z.object({ mode: z.enum(['strict', 'valid', 'preview']).default('strict') });

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
  /**
   * What the import does (or, for a preview, would do): the rows that create a point (a code is null when it will be
   * numbered), the rows whose code is an existing point's and update it, and the points the file does not name,
   * which an import never deletes.
   */
  plan: z.object({
    created: z.array(z.object({ row: z.number().int(), code: z.string().nullable(), name: z.string() })),
    updated: z.array(z.object({ row: z.number().int(), code: z.string(), name: z.string(), gradeChanged: z.boolean() })),
    notInFile: z.array(z.object({ code: z.string(), name: z.string() })),
  }),
});
export type RiskImportReport = z.infer<typeof riskImportReport>;
