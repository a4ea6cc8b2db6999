import type { RouteModule } from '../../platform/http/app';
import { idParams } from '../../platform/http/route';
import { sendXlsx, XLSX_MIME, xlsxFile } from '../../platform/http/xlsx';
import { downloadExport, exportProgress, exportStatus } from '../../platform/files/exports';

const tags = ['exports'];

// An export started as a job (202 from an export route): its progress, then its file. Only the account that asked
// sees either; anyone else gets 404, as does everyone once the file has expired.
export const exportRoutes: RouteModule = (app, { db }) => {
  app.get('/exports/:id', {
    config: { access: 'authenticated' },
    schema: { tags, summary: '导出任务进度（已导出行数/总行数）', params: idParams, response: { 200: exportStatus } },
  }, async (req) => exportProgress(db, req.ctx, req.params.id));

  app.get('/exports/:id/download', {
    config: { access: 'authenticated' },
    schema: { tags, summary: '下载已完成的导出文件（.xlsx）', produces: [XLSX_MIME], params: idParams, response: { 200: xlsxFile } },
  }, async (req, reply) => sendXlsx(reply, await downloadExport(db, req.ctx, req.params.id)));
};
