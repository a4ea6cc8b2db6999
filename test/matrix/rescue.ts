import type { Role } from '../../src/platform/db/schema';

// Issue 14 §2 (rescue.routes.ts): whoever sees the enterprise reads its rescue organisation, equipment and contacts
// (every enterprise role, the supervising departments, the subdistrict, the district admin); the principal and the
// safety managers write (the district admin passes the route and is refused by the service as no manager).
const READERS: Role[] = ['district_admin', 'department_officer', 'subdistrict_officer', 'enterprise_principal', 'safety_manager', 'unit_leader', 'employee'];
const WRITERS: Role[] = ['district_admin', 'enterprise_principal', 'safety_manager'];
// The regulators' district-wide list: enterprise accounts pass the route (rescue.read) and are refused by the service.
const REGULATORS: Role[] = ['district_admin', 'department_officer', 'subdistrict_officer'];

/** The authorisation matrix's rows for issue 14's rescue routes (spread into test/authz-matrix.test.ts), written out by hand. */
export const RESCUE_MATRIX: Record<string, 'public' | Role[]> = {
  'GET /api/v1/enterprises/:enterpriseId/rescue-overview': READERS,
  'GET /api/v1/enterprises/:enterpriseId/rescue-teams': READERS,
  'POST /api/v1/enterprises/:enterpriseId/rescue-teams': WRITERS,
  'PUT /api/v1/enterprises/:enterpriseId/rescue-teams/:id': WRITERS,
  'DELETE /api/v1/enterprises/:enterpriseId/rescue-teams/:id': WRITERS,
  'GET /api/v1/enterprises/:enterpriseId/rescue-agreements': READERS,
  'POST /api/v1/enterprises/:enterpriseId/rescue-agreements': WRITERS,
  'PUT /api/v1/enterprises/:enterpriseId/rescue-agreements/:id': WRITERS,
  'DELETE /api/v1/enterprises/:enterpriseId/rescue-agreements/:id': WRITERS,
  'GET /api/v1/enterprises/:enterpriseId/rescue-equipment': READERS,
  'GET /api/v1/enterprises/:enterpriseId/rescue-equipment/export': READERS,
  'POST /api/v1/enterprises/:enterpriseId/rescue-equipment': WRITERS,
  'PUT /api/v1/enterprises/:enterpriseId/rescue-equipment/:id': WRITERS,
  'DELETE /api/v1/enterprises/:enterpriseId/rescue-equipment/:id': WRITERS,
  'POST /api/v1/enterprises/:enterpriseId/rescue-equipment/:id/inspections': WRITERS,
  'GET /api/v1/enterprises/:enterpriseId/rescue-contacts': READERS,
  'POST /api/v1/enterprises/:enterpriseId/rescue-contacts': WRITERS,
  'PUT /api/v1/enterprises/:enterpriseId/rescue-contacts/:id': WRITERS,
  'DELETE /api/v1/enterprises/:enterpriseId/rescue-contacts/:id': WRITERS,
  'GET /api/v1/rescue-supervision': REGULATORS,
  'GET /api/v1/rescue-supervision/export': REGULATORS,
};
