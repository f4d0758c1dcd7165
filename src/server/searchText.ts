import { foldForSearch } from '../contract/params.js';

/**
 * What the admin search matches in a session: its IP and user agent, folded as the contract says
 * (foldForSearch), on separate lines so no match spans the two. Every store searches this text.
 */
export const searchTextOf = (session: { ipAddress: string | null; userAgent: string | null }) =>
  foldForSearch([session.ipAddress, session.userAgent].filter((part) => part).join('\n'));
