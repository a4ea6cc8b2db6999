/**
 * A mentorship (以师带徒, issue 11 §9, R-RESP-9) as a workflow table (src/platform/workflow): started active by the
 * enterprise's managers, who may edit it; completed by a manager or the mentor once every skill is signed off;
 * cancelled by a manager with a reason (the apprentice then needs a mentor again). Pure.
 */
import { defineWorkflow, refuseIf, requires, type BaseRefusal } from '../../../platform/workflow';

export const MENTORSHIP_STATES = ['active', 'completed', 'cancelled'] as const;
export type MentorshipState = (typeof MENTORSHIP_STATES)[number];
export const MENTORSHIP_OPS = ['update', 'complete', 'cancel'] as const;
export type MentorshipOp = (typeof MENTORSHIP_OPS)[number];

/** How the caller relates to the mentorship, computed by the service. */
export type MentorshipActor = { manager: boolean; mentor: boolean };
export type MentorshipFacts = { skills: number; unsigned: number };

type MentorshipRefusal = 'SKILLS_REQUIRED' | 'SKILLS_UNSIGNED';
export type Refusal = BaseRefusal | MentorshipRefusal;

export const mentorshipWorkflow = defineWorkflow<MentorshipState, MentorshipOp, MentorshipActor, MentorshipFacts, MentorshipRefusal>({
  states: MENTORSHIP_STATES,
  operations: {
    update: { from: ['active'], to: 'active', actor: (who) => who.manager },
    // R-RESP-9: the period ends with the skills signed off: the post's procedures and its risk-notice card.
    complete: {
      from: ['active'], to: 'completed', actor: (who) => who.manager || who.mentor,
      guards: [
        refuseIf('SKILLS_REQUIRED', (_who, f) => f.skills === 0),
        requires('SKILLS_UNSIGNED', (f) => f.unsigned === 0),
      ],
    },
    cancel: { from: ['active'], to: 'cancelled', actor: (who) => who.manager },
  },
});
