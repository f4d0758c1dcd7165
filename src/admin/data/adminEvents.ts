/** What an admin's actions did, said once by the mutation that did it; the console's live region tells it. */
export type AdminSessionsEvent =
  | { type: 'sessionEnded'; sessionId: string; alreadyRevoked: boolean }
  | { type: 'userSessionsRevoked'; userId: string; revokedCount: number };
