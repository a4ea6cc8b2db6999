import type { Role } from '../../src/platform/db/schema';

const READERS: Role[] = ['district_admin', 'department_officer', 'subdistrict_officer', 'enterprise_principal', 'safety_manager', 'unit_leader', 'employee'];
const WRITERS: Role[] = ['district_admin', 'enterprise_principal', 'safety_manager'];
const SIGNERS: Role[] = ['district_admin', 'enterprise_principal'];
const ACCEPTERS: Role[] = ['district_admin', 'department_officer'];

/** The authorisation matrix's rows for issue 14's emergency-plans routes (spread into test/authz-matrix.test.ts), written out by hand. */
export const EMERGENCY_PLANS_MATRIX: Record<string, 'public' | Role[]> = {
  'GET /api/v1/enterprises/:enterpriseId/emergency-plans': READERS,
  'GET /api/v1/enterprises/:enterpriseId/emergency-plans/export': READERS,
  'POST /api/v1/enterprises/:enterpriseId/emergency-plans': WRITERS,
  'GET /api/v1/enterprises/:enterpriseId/emergency-plans/:id': READERS,
  'PUT /api/v1/enterprises/:enterpriseId/emergency-plans/:id': WRITERS,
  'POST /api/v1/enterprises/:enterpriseId/emergency-plans/:id/submit': WRITERS,
  'POST /api/v1/enterprises/:enterpriseId/emergency-plans/:id/review': WRITERS,
  'POST /api/v1/enterprises/:enterpriseId/emergency-plans/:id/sign': SIGNERS,
  'POST /api/v1/enterprises/:enterpriseId/emergency-plans/:id/issue': WRITERS,
  'POST /api/v1/enterprises/:enterpriseId/emergency-plans/:id/file': WRITERS,
  'POST /api/v1/enterprises/:enterpriseId/emergency-plans/:id/refile': WRITERS,
  'POST /api/v1/enterprises/:enterpriseId/emergency-plans/:id/revise': WRITERS,
  'POST /api/v1/enterprises/:enterpriseId/emergency-plans/:id/withdraw': WRITERS,
  'POST /api/v1/enterprises/:enterpriseId/emergency-plans/:id/read': READERS,
  'GET /api/v1/enterprises/:enterpriseId/emergency-plans/:id/receipts': WRITERS,
  'POST /api/v1/enterprises/:enterpriseId/emergency-plans/:id/assessments': WRITERS,
  'POST /api/v1/enterprises/:enterpriseId/emergency-plans/:id/assessments/:assessmentId/sign': SIGNERS,
  'POST /api/v1/enterprises/:enterpriseId/emergency-plans/:id/files': WRITERS,
  'GET /api/v1/enterprises/:enterpriseId/emergency-plan-files/:id': READERS,
  'GET /api/v1/emergency-plan-filings': READERS,
  'GET /api/v1/emergency-plan-filings/export': READERS,
  'GET /api/v1/emergency-plan-filings/:id': READERS,
  'POST /api/v1/emergency-plan-filings/:id/accept': ACCEPTERS,
  'POST /api/v1/emergency-plan-filings/:id/return': ACCEPTERS,
};
