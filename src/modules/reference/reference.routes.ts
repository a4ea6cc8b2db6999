import { z } from 'zod';
import type { RouteModule } from '../../platform/http/app';
import { listDepartments, listIndustries, listInstitutions, listSubdistricts } from './reference.service';

const subdistrict = z.object({ id: z.string(), code: z.string(), name: z.string() });
const industry = z.object({ code: z.string(), name: z.string(), nameEn: z.string(), highRisk: z.boolean(), categories: z.array(z.string()) });
const department = z.object({ id: z.string(), code: z.string(), name: z.string(), industryCodes: z.array(z.string()) });
const institution = z.object({ id: z.string(), kind: z.enum(['insurer', 'service']), name: z.string() });

export const referenceRoutes: RouteModule = (app, deps) => {
  app.get('/subdistricts', { config: { access: 'reference.read' }, schema: { tags: ['reference'], response: { 200: z.array(subdistrict) } } },
    async (req) => listSubdistricts(deps.db, req.ctx));
  app.get('/industries', { config: { access: 'reference.read' }, schema: { tags: ['reference'], response: { 200: z.array(industry) } } },
    async () => listIndustries(deps.db));
  app.get('/departments', { config: { access: 'reference.read' }, schema: { tags: ['reference'], response: { 200: z.array(department) } } },
    async (req) => listDepartments(deps.db, req.ctx));
  app.get('/institutions', { config: { access: 'reference.read' }, schema: { tags: ['reference'], response: { 200: z.array(institution) } } },
    async () => listInstitutions(deps.db));
};
