/** Strings of the locked-submission components (version history, PDF, correction): [简体中文, English]. */
export const submissionMessages = {
  'submission.versions': ['版本记录', 'Versions'],
  'submission.version': ['第 {n} 版', 'Version {n}'],
  'submission.current': ['当前', 'Current'],
  'submission.status.draft': ['草稿', 'Draft'],
  'submission.status.confirmed': ['已确认', 'Confirmed'],
  'submission.status.submitted': ['已报送（锁定）', 'Submitted (locked)'],
  'submission.confirmedBy': ['确认：{name} {at}', 'Confirmed: {name} {at}'],
  'submission.submittedBy': ['报送：{name} {at}', 'Submitted: {name} {at}'],
  'submission.hash': ['内容快照 SHA-256', 'Snapshot SHA-256'],
  'submission.downloadPdf': ['下载 PDF', 'Download PDF'],
  'submission.pdfPending': ['PDF 将在首次下载时生成', 'The PDF is rendered on first download'],
  'submission.correct': ['发起更正', 'Start a correction'],
  'submission.correctAsk': ['更正将新建一个版本（草稿），原报送版本保留并锁定。需重新确认并报送。继续？', 'A correction creates a new version (a draft); the submitted version stays locked. It must be confirmed and submitted again. Continue?'],
  'submission.corrected': ['已新建更正版本', 'Correction version created'],
  'submission.correcting': ['正在更正第 {n} 版：监管部门仍以已报送版本为准，直至新版本报送', 'Correcting version {n}: regulators keep the submitted version until the new one is submitted'],
} as const;
