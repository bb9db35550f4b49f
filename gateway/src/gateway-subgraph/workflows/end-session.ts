import type { Workflow } from '../transactions/workflow.js';

export interface EndSessionArgs {
  sessionId: string;
  recap: string | null;
  dmNotes: string | null;
  xpAwarded: number;
}

/** What campaign's recordSession prepare answers: the session and the party its experience goes to. */
export interface RecordedSession {
  campaignId: string;
  number: number;
  title: string;
  party: string[];
}

export interface EndSessionResult {
  campaignId: string;
  sessionId: string;
  awardedTo: string[];
  transactionId: string;
}

/**
 * endSession: a played session and its experience, all or nothing.
 *
 * 1. campaign `recordSession`: the caller must be the campaign's DM and the session still SCHEDULED; reserves the
 *    session and names the active party. Commit: SessionRecorded (PLAYED, recap, notes, XP, awardedTo).
 * 2. character `awardSessionExperience`: every party character exists; reserves each. Commit: one
 *    ExperienceAwarded per character, tagged with the session. Skipped for no XP or an empty party.
 */
export const endSessionWorkflow: Workflow<EndSessionArgs, EndSessionResult> = {
  name: 'endSession',
  steps: [
    {
      service: 'campaign',
      operation: 'recordSession',
      payload: (input) => ({ sessionId: input.sessionId, recap: input.recap, dmNotes: input.dmNotes, xpAwarded: input.xpAwarded }),
    },
    {
      service: 'character',
      operation: 'awardSessionExperience',
      payload: (input, prepared) => {
        const session = prepared.campaign as RecordedSession;
        if (input.xpAwarded === 0 || session.party.length === 0) return null;
        return { characterIds: session.party, amount: input.xpAwarded, sessionId: input.sessionId, reason: `Session ${session.number}: ${session.title}` };
      },
    },
  ],
  result: (input, prepared, transactionId) => {
    const session = prepared.campaign as RecordedSession;
    return { campaignId: session.campaignId, sessionId: input.sessionId, awardedTo: input.xpAwarded > 0 ? session.party : [], transactionId };
  },
};
