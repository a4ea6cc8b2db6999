/** Issue 14 §3, R-EMG-2: drills (migration 0116). */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export type DrillTables = {};
