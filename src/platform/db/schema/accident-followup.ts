/** Issue 14 §4–5, R-RESP-8: investigation and interviews (migration 0119). */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export type AccidentFollowupTables = {};
