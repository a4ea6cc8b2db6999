import type { Role } from '../../src/platform/db/schema';

const READERS: Role[] = ['district_admin', 'department_officer', 'subdistrict_officer', 'enterprise_principal', 'safety_manager', 'unit_leader', 'employee'];
// The regulators' lists refuse enterprise accounts in the service (their scope has no department or subdistrict).
const REGULATORS: Role[] = ['district_admin', 'department_officer', 'subdistrict_officer'];
// The district investigates; the enterprise's managers only what it entrusted to them and their risk links (decided per record).
const INVESTIGATORS: Role[] = ['district_admin', 'department_officer', 'enterprise_principal', 'safety_manager'];
const ACTORS: Role[] = ['district_admin', 'department_officer', 'enterprise_principal', 'safety_manager', 'unit_leader', 'employee'];
const INTERVIEWERS: Role[] = ['district_admin', 'department_officer'];
const FINDERS: Role[] = ['district_admin', 'department_officer', 'subdistrict_officer'];
// 安责险: only an insurer's staff read the notices to their insurer (the district admin passes the route and is refused by the service).
const INSURERS: Role[] = ['insurer_staff'];

/** The authorisation matrix's rows for issue 14's accident-followup routes (spread into test/authz-matrix.test.ts), written out by hand. */
export const ACCIDENT_FOLLOWUP_MATRIX: Record<string, 'public' | Role[]> = {
  'GET /api/v1/enterprises/:enterpriseId/accidents/:id/followup': READERS,
  'POST /api/v1/enterprises/:enterpriseId/accidents/:id/investigation': INVESTIGATORS,
  'POST /api/v1/enterprises/:enterpriseId/accidents/:id/investigation/entrust': INVESTIGATORS,
  'PUT /api/v1/enterprises/:enterpriseId/accidents/:id/investigation': INVESTIGATORS,
  'POST /api/v1/enterprises/:enterpriseId/accidents/:id/investigation/conclude': INVESTIGATORS,
  'POST /api/v1/enterprises/:enterpriseId/accidents/:id/investigation/correct': INVESTIGATORS,
  'GET /api/v1/enterprises/:enterpriseId/accidents/:id/duty-lists': READERS,
  'POST /api/v1/enterprises/:enterpriseId/accidents/:id/actions': INVESTIGATORS,
  'GET /api/v1/enterprises/:enterpriseId/accident-actions': READERS,
  'POST /api/v1/enterprises/:enterpriseId/accident-actions/:id/done': ACTORS,
  'POST /api/v1/enterprises/:enterpriseId/accidents/:id/findings': FINDERS,
  'POST /api/v1/enterprises/:enterpriseId/accident-findings/:id/files': FINDERS,
  'GET /api/v1/accident-findings': REGULATORS,
  'POST /api/v1/enterprises/:enterpriseId/accidents/:id/risk-links': INVESTIGATORS,
  'POST /api/v1/enterprises/:enterpriseId/accidents/:id/insurer-notice': INVESTIGATORS,
  'POST /api/v1/enterprises/:enterpriseId/accident-interviews': INTERVIEWERS,
  'POST /api/v1/enterprises/:enterpriseId/accident-interviews/:id/follow-up': INTERVIEWERS,
  'POST /api/v1/enterprises/:enterpriseId/accident-interviews/:id/correct': INTERVIEWERS,
  'POST /api/v1/enterprises/:enterpriseId/accident-interviews/:id/files': INTERVIEWERS,
  'GET /api/v1/enterprises/:enterpriseId/accident-followup-files/:id': READERS,
  'GET /api/v1/accident-interviews': REGULATORS,
  'GET /api/v1/accident-interviews/export': REGULATORS,
  'GET /api/v1/insurer/accident-notices': INSURERS,
  'GET /api/v1/insurer/accident-notices/export': INSURERS,
  'GET /api/v1/insurer/accident-notices/:id': INSURERS,
};
