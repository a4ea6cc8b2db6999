import type { RouteModule } from '../../../platform/http/app';
import { enterpriseParams } from '../../../platform/http/route';
import { adoptBody, enterpriseLawParams, enterpriseLawsView, lawInput, lawPage, lawParams, lawPatch, lawQuery, lawView } from './laws.schema';
import { adopt, createLaw, editLaw, enterpriseLaws, listLaws, unadopt } from './laws.service';

const tags = ['laws'];

// Issue 12 §2: the district's register of applicable laws, regulations and standards, and each enterprise's adoption.
export const lawsRoutes: RouteModule = (app, { db }) => {
  app.get('/laws', {
    config: { access: 'documents.read' },
    schema: { tags, summary: '本区适用的法律法规和标准清单（国家、省、市、区）', querystring: lawQuery, response: { 200: lawPage } },
  }, async (req) => listLaws(db, req.ctx, req.query));

  app.post('/laws', {
    config: { access: 'laws.manage' },
    schema: { tags, summary: '区应急管理局登记一项法律法规或标准', body: lawInput, response: { 201: lawView } },
  }, async (req, reply) => reply.status(201).send(await createLaw(db, req.ctx, req.body)));

  app.patch('/laws/:id', {
    config: { access: 'laws.manage' },
    schema: { tags, summary: '修改或废止一项法律法规或标准', params: lawParams, body: lawPatch, response: { 200: lawView } },
  }, async (req) => editLaw(db, req.ctx, req.params.id, req.body));

  app.get('/enterprises/:enterpriseId/laws', {
    config: { access: 'documents.read' },
    schema: { tags, summary: '企业采用的法律法规和标准，以及落实它们的制度规程', params: enterpriseParams, response: { 200: enterpriseLawsView } },
  }, async (req) => enterpriseLaws(db, req.ctx, req.params.enterpriseId));

  app.put('/enterprises/:enterpriseId/laws/:lawId', {
    config: { access: 'documents.manage' },
    schema: { tags, summary: '采用一项法律法规或标准，并关联落实它的制度规程', params: enterpriseLawParams, body: adoptBody, response: { 200: enterpriseLawsView } },
  }, async (req) => adopt(db, req.ctx, req.params.enterpriseId, req.params.lawId, req.body));

  app.delete('/enterprises/:enterpriseId/laws/:lawId', {
    config: { access: 'documents.manage' },
    schema: { tags, summary: '不再采用一项法律法规或标准', params: enterpriseLawParams, response: { 200: enterpriseLawsView } },
  }, async (req) => unadopt(db, req.ctx, req.params.enterpriseId, req.params.lawId));
};
