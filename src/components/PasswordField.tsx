'use client';

import { type RefObject, useEffect, useId } from 'react';
import { partClass, useSessionsUIContext } from '../registry/SessionsUIContext.js';

export interface PasswordFieldProps {
  /**
   * The input, for the form to read the typed password at submit: the password lives in the field only,
   * never in state.
   */
  inputRef: RefObject<HTMLInputElement | null>;
  /** The id of the error the field is described by, while there is one (it is then `aria-invalid`). */
  errorId?: string;
  /** @default false */
  readOnly?: boolean;
  className?: string;
}

/**
 * The password field of the confirmation dialog and the re-auth prompt: labelled, `current-password` for
 * password managers, tied to its error. When it leaves the page it empties itself, so whatever still
 * holds the element (React keeps the last focused text field until it hears a focusout, which a field
 * removed while focused never sends) holds no copy of what was typed, a wrong password included. Its
 * owners also move focus off it before it goes.
 */
export function PasswordField({ inputRef, errorId, readOnly = false, className }: PasswordFieldProps) {
  const ui = useSessionsUIContext('PasswordField');
  const inputId = useId();
  useEffect(() => {
    const input = inputRef.current;
    return () => {
      // React's value tracker keeps the last value on the element; assigning through it replaces that.
      if (input) input.value = '';
    };
  }, [inputRef]);
  return (
    <div className={partClass(ui, 'field', className)}>
      <label className={partClass(ui, 'label')} htmlFor={inputId}>
        {ui.messages.passwordLabel}
      </label>
      <input
        ref={inputRef}
        id={inputId}
        className={partClass(ui, 'input')}
        type="password"
        name="password"
        autoComplete="current-password"
        required
        aria-invalid={errorId ? true : undefined}
        aria-describedby={errorId}
        readOnly={readOnly}
      />
    </div>
  );
}
