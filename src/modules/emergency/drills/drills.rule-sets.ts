import { z } from 'zod';
import { defineRuleSet, type RuleSetValue } from '../../../platform/rules';

/**
 * Issue 14 §3 [cfg]: how many videos a drill record keeps besides its photos (each within the attachments store's
 * video limit, platform/files/kinds.ts).
 */
export const DRILL_RULES = defineRuleSet({
  name: 'drills',
  module: 'emergency.drills',
  schema: z.object({ maxVideos: z.number().int().min(0).max(20) }).strict(),
  defaults: { maxVideos: 3 },
  rules: ['R-EMG-2'],
  labels: {
    'zh-CN': {
      title: '应急演练记录',
      description: '每条演练记录除照片外最多可上传的视频数量。',
      fields: { maxVideos: '每条演练记录最多视频数' },
    },
    'en-US': {
      title: 'Drill records',
      description: 'How many videos a drill record may keep besides its photos.',
      fields: { maxVideos: 'Videos per drill record, at most' },
    },
  },
});
export type DrillRuleSet = RuleSetValue<typeof DRILL_RULES>;
