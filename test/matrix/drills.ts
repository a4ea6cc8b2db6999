import type { Role } from '../../src/platform/db/schema';

const READERS: Role[] = ['district_admin', 'department_officer', 'subdistrict_officer', 'enterprise_principal', 'safety_manager', 'unit_leader', 'employee'];
const MANAGERS: Role[] = ['district_admin', 'enterprise_principal', 'safety_manager'];

/** The authorisation matrix's rows for issue 14's drills routes (spread into test/authz-matrix.test.ts), written out by hand. */
export const DRILLS_MATRIX: Record<string, 'public' | Role[]> = {
  // The drill plan, records, evaluation, reporting (drill.routes.ts); an action's owner reports it done (decided per record).
  'GET /api/v1/enterprises/:enterpriseId/drill-plan': READERS,
  'GET /api/v1/enterprises/:enterpriseId/drills': READERS,
  'GET /api/v1/enterprises/:enterpriseId/drills/export': READERS,
  'POST /api/v1/enterprises/:enterpriseId/drills': MANAGERS,
  'GET /api/v1/enterprises/:enterpriseId/drills/:id': READERS,
  'PUT /api/v1/enterprises/:enterpriseId/drills/:id': MANAGERS,
  'POST /api/v1/enterprises/:enterpriseId/drills/:id/confirm-principal': MANAGERS,
  'POST /api/v1/enterprises/:enterpriseId/drills/:id/evaluate': MANAGERS,
  'POST /api/v1/enterprises/:enterpriseId/drills/:id/report': MANAGERS,
  // A participant signs in himself; someone without an account on a manager's or team leader's device (decided per record).
  'GET /api/v1/enterprises/:enterpriseId/drills/:id/sign-in': READERS,
  'POST /api/v1/enterprises/:enterpriseId/drills/:id/sign-in': READERS,
  'POST /api/v1/enterprises/:enterpriseId/drills/:id/void': MANAGERS,
  'POST /api/v1/enterprises/:enterpriseId/drills/:id/files': MANAGERS,
  'GET /api/v1/enterprises/:enterpriseId/drill-files/:id': READERS,
  'POST /api/v1/enterprises/:enterpriseId/drill-actions/:id/done': READERS,
  'POST /api/v1/enterprises/:enterpriseId/drill-actions/:id/cancel': MANAGERS,
  'POST /api/v1/enterprises/:enterpriseId/drill-actions/:id/hazard': MANAGERS,
  'GET /api/v1/drills/reported': READERS,
};
