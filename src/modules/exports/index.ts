import { EXPORT_JOB, purgeExports, runExportJob } from '../../platform/files/exports';
import type { ModuleManifest } from '../../platform/module';
import { exportRoutes } from './export.routes';

/** Large exports run as jobs (platform/files/exports.ts): their progress and download routes, the job and its clean-up. */
export const exportsModule: ModuleManifest = {
  name: 'exports',
  routes: [exportRoutes],
  auditEntities: { export: ['导出文件', 'Export'] },
  auditActions: {
    'export.start': ['开始导出', 'Export started'],
    'export.done': ['导出完成', 'Export finished'],
    'export.download': ['下载导出文件', 'Export downloaded'],
  },
  jobs: (jobs) => {
    jobs.register(EXPORT_JOB, async (payload, { db, now }) => {
      const { exportId } = payload as { exportId: string };
      await runExportJob(db, now, exportId);
    });
    jobs.register('exports.purge', async (_payload, { db, now }) => purgeExports(db, now));
    jobs.schedule('exports.purge', 3_600_000, 'exports.purge');
  },
  messages: {
    'zh-CN': { 'export.notReady': '导出文件尚未生成完毕' },
    'en-US': { 'export.notReady': 'The export is not ready yet' },
  },
};
