import type { Role } from '../../src/platform/db/schema';

/** The authorisation matrix's rows for issue 14's drills routes (spread into test/authz-matrix.test.ts), written out by hand. */
export const DRILLS_MATRIX: Record<string, 'public' | Role[]> = {
};
