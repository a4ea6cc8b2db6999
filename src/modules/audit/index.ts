import type { ModuleManifest } from '../../platform/module';
import { auditRoutes } from './audit.routes';

/** The audit trail's screens and its verification. */
export const auditModule: ModuleManifest = { name: 'audit', routes: [auditRoutes] };
