'use client';

import { createContext, useContext } from 'react';

/**
 * A context that its readers cannot use without its provider: the hook throws with the reader's name
 * ("`SessionRow` must be used within `SessionsProvider`."), never a silent default.
 */
export function createRequiredContext<Value>(displayName: string, providerName: string) {
  const Context = createContext<Value | null>(null);
  Context.displayName = displayName;
  const useRequired = (consumerName: string): Value => {
    const value = useContext(Context);
    if (!value) throw new Error(`\`${consumerName}\` must be used within \`${providerName}\`.`);
    return value;
  };
  return [Context, useRequired] as const;
}
