/** Issue 14 §2, R-EMG-3: rescue organisation, equipment and contacts (migration 0117). */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export type RescueTables = {};
