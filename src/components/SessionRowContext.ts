'use client';

import { createContext, useContext } from 'react';

/**
 * What a row tells the actions inside it, the way a Radix part tells its children: the id of its place
 * and time line, so a sign-out button is described by them ("Sign out Safari on iPhone" — "Porto, active
 * 2 hours ago") without the row handing its insides to the button through props.
 */
export const SessionRowContext = createContext<{ descriptionId?: string }>({});
SessionRowContext.displayName = 'SessionRowContext';

/** The row's description for an action inside it; nothing outside a row. */
export function useSessionRowDescription(): string | undefined {
  return useContext(SessionRowContext).descriptionId;
}
