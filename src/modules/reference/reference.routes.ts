import { z } from 'zod';
import type { RouteModule } from '../../platform/http/app';
import { idParams } from '../../platform/http/route';
import { createDepartment, createSubdistrict, listDepartments, listIndustries, listInstitutions, listSubdistricts, updateDepartment, updateSubdistrict } from './reference.service';

const subdistrict = z.object({ id: z.string(), code: z.string(), name: z.string() });
const industry = z.object({ code: z.string(), name: z.string(), nameEn: z.string(), highRisk: z.boolean(), categories: z.array(z.string()) });
const department = z.object({ id: z.string(), code: z.string(), name: z.string(), industryCodes: z.array(z.string()) });
const institution = z.object({ id: z.string(), kind: z.enum(['insurer', 'service']), name: z.string() });

export const referenceRoutes: RouteModule = (app, deps) => {
  app.get('/subdistricts', { config: { access: 'reference.read' }, schema: { tags: ['reference'], response: { 200: z.array(subdistrict) } } },
    async (req) => listSubdistricts(deps.db, req.ctx));
  app.get('/industries', { config: { access: 'reference.read' }, schema: { tags: ['reference'], response: { 200: z.array(industry) } } },
    async (req) => listIndustries(deps.db, req.ctx));
  app.get('/departments', { config: { access: 'reference.read' }, schema: { tags: ['reference'], response: { 200: z.array(department) } } },
    async (req) => listDepartments(deps.db, req.ctx));
  app.get('/institutions', { config: { access: 'reference.read' }, schema: { tags: ['reference'], response: { 200: z.array(institution) } } },
    async (req) => listInstitutions(deps.db, req.ctx));

  const code = z.string().trim().min(1).max(20).regex(/^[A-Za-z0-9_-]+$/);
  const name = z.string().trim().min(1).max(100);
  app.post('/subdistricts', { config: { access: 'reference.manage' }, schema: { tags: ['reference'], body: z.object({ code, name }), response: { 201: subdistrict } } },
    async (req, reply) => reply.status(201).send(await createSubdistrict(deps.db, req.ctx, req.body)));
  app.patch('/subdistricts/:id', { config: { access: 'reference.manage' }, schema: { tags: ['reference'], params: idParams, body: z.object({ name }), response: { 200: subdistrict } } },
    async (req) => updateSubdistrict(deps.db, req.ctx, req.params.id, req.body));
  app.post('/departments', { config: { access: 'reference.manage' }, schema: { tags: ['reference'], body: z.object({ code, name, industryCodes: z.array(z.string().max(50)).max(50).default([]) }), response: { 201: department } } },
    async (req, reply) => reply.status(201).send(await createDepartment(deps.db, req.ctx, req.body)));
  app.patch('/departments/:id', { config: { access: 'reference.manage' }, schema: { tags: ['reference'], params: idParams, body: z.object({ name: name.optional(), industryCodes: z.array(z.string().max(50)).max(50).optional() }), response: { 200: department } } },
    async (req) => updateDepartment(deps.db, req.ctx, req.params.id, req.body));
};
