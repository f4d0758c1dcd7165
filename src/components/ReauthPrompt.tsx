'use client';

import { type FormEvent, useId, useRef } from 'react';
import { useSessionsData } from '../data/SessionsDataContext.js';
import { useReauthenticate } from '../data/useReauthenticate.js';
import { errorMessage } from '../format/errorMessage.js';
import { partClass, useSessionsUIContext } from '../registry/SessionsUIContext.js';

export interface ReauthPromptProps {
  className?: string;
}

/**
 * Shown instead of the list when the backend wants a fresh login (REAUTH_REQUIRED): asks for the password
 * when the provider can confirm it, else hands over to the host's `onReauthRequired`; then the list loads.
 */
export function ReauthPrompt({ className }: ReauthPromptProps) {
  const ui = useSessionsUIContext('ReauthPrompt');
  const { capabilities } = useSessionsData('ReauthPrompt');
  const { messages, components } = ui;
  const { PasswordField } = components;
  const reauth = useReauthenticate();
  const inputRef = useRef<HTMLInputElement>(null);
  const titleId = useId();
  const errorId = useId();
  const askPassword = capabilities.canReauthenticate;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (reauth.isPending) return;
    const password = inputRef.current?.value;
    if (askPassword && !password) {
      inputRef.current?.focus();
      return;
    }
    reauth.mutate(
      { password },
      {
        // The prompt leaves once the list loads: focus leaves its field first (see PasswordField).
        onSuccess: () => inputRef.current?.blur(),
        onError: () => {
          inputRef.current?.focus();
          inputRef.current?.select();
        },
      },
    );
  };

  return (
    <section className={partClass(ui, 'reauth', className)} aria-labelledby={titleId}>
      <p id={titleId} className={partClass(ui, 'name')}>
        {messages.reauthTitle}
      </p>
      <p className={partClass(ui, 'meta')}>{messages.reauthDescription}</p>
      <form
        className={partClass(ui, 'form')}
        onSubmit={submit}
        aria-busy={reauth.isPending || undefined}
        noValidate
      >
        {askPassword && <PasswordField inputRef={inputRef} errorId={reauth.error ? errorId : undefined} />}
        {reauth.error && (
          <p id={errorId} role="alert" className={partClass(ui, 'error')}>
            {errorMessage(messages, reauth.error)}
          </p>
        )}
        <button
          type="submit"
          className={partClass(ui, 'button')}
          aria-disabled={reauth.isPending || undefined}
        >
          {askPassword ? messages.reauthSubmit : messages.reauthContinue}
        </button>
      </form>
    </section>
  );
}
