import type { RouteModule } from '../../../platform/http/app';
import { enterpriseParams } from '../../../platform/http/route';
import {
  mentorshipCancel, mentorshipComplete, mentorshipCreate, mentorshipDetail, mentorshipListQuery, mentorshipPage, mentorshipParams, mentorshipUpdate,
  newHireList, postSkillParams, skillInput, skillParams, skillSuggestions,
} from './mentorship.schema';
import {
  addSkill, cancelMentorship, completeMentorship, editMentorship, getMentorship, listMentorships, listNewHires, removeSkill, signSkill,
  skillSuggestions as suggestSkills, startMentorship,
} from './mentorship.service';

const tags = ['mentoring'];

export const mentorshipRoutes: RouteModule = (app, { db }) => {
  const base = '/enterprises/:enterpriseId';

  app.get(`${base}/mentorships`, {
    config: { access: 'mentoring.read' },
    schema: { tags, summary: '以师带徒记录（重点行业）', params: enterpriseParams, querystring: mentorshipListQuery, response: { 200: mentorshipPage } },
  }, async (req) => listMentorships(db, req.ctx, req.params.enterpriseId, req.query));

  app.post(`${base}/mentorships`, {
    config: { access: 'mentoring.manage' },
    schema: { tags, summary: '确定师徒（师傅、徒弟、岗位、期限、须掌握的技能）', params: enterpriseParams, body: mentorshipCreate, response: { 201: mentorshipDetail } },
  }, async (req, reply) => {
    const { id } = await startMentorship(db, req.ctx, req.params.enterpriseId, req.body);
    return reply.status(201).send(await getMentorship(db, req.ctx, req.params.enterpriseId, id));
  });

  app.get(`${base}/mentorships/:id`, {
    config: { access: 'mentoring.read' },
    schema: { tags, params: mentorshipParams, response: { 200: mentorshipDetail } },
  }, async (req) => getMentorship(db, req.ctx, req.params.enterpriseId, req.params.id));

  app.patch(`${base}/mentorships/:id`, {
    config: { access: 'mentoring.manage' },
    schema: { tags, summary: '修改师徒关系（师傅、岗位、期限、备注）', params: mentorshipParams, body: mentorshipUpdate, response: { 200: mentorshipDetail } },
  }, async (req) => editMentorship(db, req.ctx, req.params.enterpriseId, req.params.id, req.body));

  app.post(`${base}/mentorships/:id/complete`, {
    config: { access: 'mentoring.sign' },
    schema: { tags, summary: '出师（全部技能已签认，师傅或管理人员）', params: mentorshipParams, body: mentorshipComplete, response: { 200: mentorshipDetail } },
  }, async (req) => completeMentorship(db, req.ctx, req.params.enterpriseId, req.params.id, req.body));

  app.post(`${base}/mentorships/:id/cancel`, {
    config: { access: 'mentoring.manage' },
    schema: { tags, summary: '解除师徒关系（须说明原因）', params: mentorshipParams, body: mentorshipCancel, response: { 200: mentorshipDetail } },
  }, async (req) => cancelMentorship(db, req.ctx, req.params.enterpriseId, req.params.id, req.body));

  app.post(`${base}/mentorships/:id/skills`, {
    config: { access: 'mentoring.manage' },
    schema: { tags, summary: '增加须掌握的技能（操作规程、岗位风险告知卡、其他）', params: mentorshipParams, body: skillInput, response: { 201: mentorshipDetail } },
  }, async (req, reply) => reply.status(201).send(await addSkill(db, req.ctx, req.params.enterpriseId, req.params.id, req.body)));

  app.post(`${base}/mentorships/:id/skills/:skillId/sign`, {
    config: { access: 'mentoring.sign' },
    schema: { tags, summary: '师傅签认技能已掌握', params: skillParams, response: { 200: mentorshipDetail } },
  }, async (req) => signSkill(db, req.ctx, req.params.enterpriseId, req.params.id, req.params.skillId));

  app.delete(`${base}/mentorships/:id/skills/:skillId`, {
    config: { access: 'mentoring.manage' },
    schema: { tags, summary: '删除未签认的技能', params: skillParams, response: { 200: mentorshipDetail } },
  }, async (req) => removeSkill(db, req.ctx, req.params.enterpriseId, req.params.id, req.params.skillId));

  app.get(`${base}/posts/:postId/mentoring-skills`, {
    config: { access: 'mentoring.read' },
    schema: { tags, summary: '岗位须掌握的技能建议：岗位操作规程、岗位风险告知卡上的风险点', params: postSkillParams, response: { 200: skillSuggestions } },
  }, async (req) => suggestSkills(db, req.ctx, req.params.enterpriseId, req.params.postId));

  app.get(`${base}/mentoring/new-hires`, {
    config: { access: 'mentoring.read' },
    schema: { tags, summary: '未确定师傅的新入职人员（超过规定天数的标红）', params: enterpriseParams, response: { 200: newHireList } },
  }, async (req) => listNewHires(db, req.ctx, req.params.enterpriseId));
};
