import { type ReactNode, useContext } from 'react';
import { SessionsDataContext, type SessionsDataContextValue } from '../data/SessionsDataContext.js';
import { type SessionsDataOptions, useSessionsDataValue } from '../data/useSessionsDataValue.js';

export interface SessionsProviderProps extends Partial<SessionsDataOptions> {
  children?: ReactNode;
}

function OwnDataContext({ children, ...options }: SessionsDataOptions & { children?: ReactNode }) {
  const value = useSessionsDataValue(options);
  return <SessionsDataContext.Provider value={value}>{children}</SessionsDataContext.Provider>;
}

/**
 * Connects everything below it to a backend. The outermost provider needs a `dataProvider`; a nested
 * one without it shares its parent's backend and cache.
 */
export function SessionsProvider({ children, dataProvider, ...options }: SessionsProviderProps) {
  const parent: SessionsDataContextValue | null = useContext(SessionsDataContext);
  if (!dataProvider) {
    if (!parent) throw new Error('The outermost `SessionsProvider` needs a `dataProvider`.');
    return <>{children}</>;
  }
  return (
    <OwnDataContext dataProvider={dataProvider} {...options}>
      {children}
    </OwnDataContext>
  );
}
