import type { ReasonMessages } from './types.ts';

/** Error messages of the agent workspace's plans (issue #5), in French and English, by reason. */
export const plansMessages: ReasonMessages = {};
