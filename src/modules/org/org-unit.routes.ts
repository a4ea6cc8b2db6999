import { z } from 'zod';
import type { RouteModule } from '../../platform/http/app';
import { enterpriseParams, okResponse } from '../../platform/http/route';
import { orgUnitCreate, orgUnitKind, orgUnitUpdate, orgUnitView, postCreate, postUpdate, postView, unitParams } from './org-unit.schema';
import { createOrgUnit, createPost, deleteOrgUnit, deletePost, listOrgUnits, listPosts, updateOrgUnit, updatePost } from './org-unit.service';

export const orgUnitRoutes: RouteModule = (app, { db }) => {
  app.get('/enterprises/:enterpriseId/org-units', {
    config: { access: 'orgunit.read' },
    schema: { tags: ['org'], summary: '组织架构（扁平列表）', params: enterpriseParams, response: { 200: z.array(orgUnitView) } },
  }, async (req) => listOrgUnits(db, req.ctx, req.params.enterpriseId));

  app.post('/enterprises/:enterpriseId/org-units', {
    config: { access: 'orgunit.manage' },
    schema: { tags: ['org'], params: enterpriseParams, body: orgUnitCreate, response: { 201: orgUnitView } },
  }, async (req, reply) => reply.status(201).send(await createOrgUnit(db, req.ctx, req.params.enterpriseId, req.body)));

  app.patch('/enterprises/:enterpriseId/org-units/:id', {
    config: { access: 'orgunit.manage' },
    schema: {
      tags: ['org'], params: unitParams, body: orgUnitUpdate,
      response: { 200: z.object({ id: z.string(), parentId: z.string().nullable(), kind: orgUnitKind, name: z.string(), sort: z.number() }) },
    },
  }, async (req) => updateOrgUnit(db, req.ctx, req.params.enterpriseId, req.params.id, req.body));

  app.delete('/enterprises/:enterpriseId/org-units/:id', {
    config: { access: 'orgunit.manage' },
    schema: { tags: ['org'], params: unitParams, response: { 200: okResponse } },
  }, async (req) => {
    await deleteOrgUnit(db, req.ctx, req.params.enterpriseId, req.params.id);
    return { ok: true as const };
  });

  app.get('/enterprises/:enterpriseId/posts', {
    config: { access: 'orgunit.read' },
    schema: { tags: ['org'], summary: '岗位', params: enterpriseParams, querystring: z.object({ orgUnitId: z.uuid().optional() }), response: { 200: z.array(postView) } },
  }, async (req) => listPosts(db, req.ctx, req.params.enterpriseId, req.query.orgUnitId));

  app.post('/enterprises/:enterpriseId/posts', {
    config: { access: 'orgunit.manage' },
    schema: { tags: ['org'], params: enterpriseParams, body: postCreate, response: { 201: postView } },
  }, async (req, reply) => reply.status(201).send(await createPost(db, req.ctx, req.params.enterpriseId, req.body)));

  app.patch('/enterprises/:enterpriseId/posts/:id', {
    config: { access: 'orgunit.manage' },
    schema: { tags: ['org'], params: unitParams, body: postUpdate, response: { 200: postView } },
  }, async (req) => updatePost(db, req.ctx, req.params.enterpriseId, req.params.id, req.body));

  app.delete('/enterprises/:enterpriseId/posts/:id', {
    config: { access: 'orgunit.manage' },
    schema: { tags: ['org'], params: unitParams, response: { 200: okResponse } },
  }, async (req) => {
    await deletePost(db, req.ctx, req.params.enterpriseId, req.params.id);
    return { ok: true as const };
  });
};
