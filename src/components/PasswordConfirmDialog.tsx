'use client';

import * as Dialog from '@radix-ui/react-dialog';
import { useControllableState } from '@radix-ui/react-use-controllable-state';
import { type FormEvent, type ReactElement, type ReactNode, useId, useRef, useState } from 'react';
import { errorMessage } from '../format/errorMessage.js';
import { partClass, useSessionsUIContext } from '../registry/SessionsUIContext.js';
import { KeepScrollbarGutter } from './KeepScrollbarGutter.js';

export interface PasswordConfirmDialogProps {
  /** The element that opens the dialog. Focus returns to it when the dialog closes. */
  trigger?: ReactElement;
  /** Controlled open state (with `onOpenChange`); without it the dialog keeps its own. */
  open?: boolean;
  /** @default false */
  defaultOpen?: boolean;
  /** Called when the dialog opens or closes: by its trigger, Cancel, Escape, or a successful action. */
  onOpenChange?: (open: boolean) => void;
  /** Names what will happen: "Sign out Chrome on macOS?" */
  title: ReactNode;
  /** Says what it means. The password hint is added when a password is asked. */
  description: ReactNode;
  /**
   * Ask for the password.
   * @default true
   */
  requirePassword?: boolean;
  /** @default messages.confirm ("Sign out") */
  confirmLabel?: string;
  /**
   * Runs the action with the typed password. Resolve to close; reject to stay open and show the error
   * (a wrong password refocuses the field). The password is read from the field at submit and passed on;
   * it is never kept in state.
   */
  onConfirm: (password: string | undefined) => unknown;
  className?: string;
}

/**
 * A destructive confirmation with alert-dialog behaviour, on Radix Dialog: focus starts in the password
 * field (or on Cancel), Enter submits, no dismissing by an outside click and no dismissing at all while
 * the action runs, focus returns to the trigger, and the password leaves the DOM when it closes.
 */
export function PasswordConfirmDialog({
  trigger,
  open: openProp,
  defaultOpen = false,
  onOpenChange,
  title,
  description,
  requirePassword = true,
  confirmLabel,
  onConfirm,
  className,
}: PasswordConfirmDialogProps) {
  const ui = useSessionsUIContext('PasswordConfirmDialog');
  const { messages, components } = ui;
  const { PasswordField } = components;
  // Radix's own controlled-or-uncontrolled state, so the dialog can also close itself after success.
  const [open, setOpen] = useControllableState({
    prop: openProp,
    defaultProp: defaultOpen,
    onChange: onOpenChange,
    caller: 'PasswordConfirmDialog',
  });
  const [pending, setPending] = useState(false);
  // The failure itself, not its text: the text follows the messages in force when it is shown.
  const [error, setError] = useState<unknown>(null);
  const inputRef = useRef<HTMLInputElement>(null);
  const cancelRef = useRef<HTMLButtonElement>(null);
  const pendingRef = useRef(false);
  const errorId = useId();

  const changeOpen = (next: boolean) => {
    // Every way to close is disabled while the action runs; this holds for any that is not.
    if (!next && pendingRef.current) return;
    if (!next) {
      setError(null);
      // Focus leaves the field before the field leaves the page: React's event system keeps the last
      // focused text field until it hears a focusout, and one removed while focused never sends it.
      inputRef.current?.blur();
    }
    setOpen(next);
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    // A repeated Enter or a double click must not run the action twice.
    if (pendingRef.current) return;
    const password = requirePassword ? (inputRef.current?.value ?? '') : undefined;
    if (requirePassword && password === '') {
      inputRef.current?.focus();
      return;
    }
    pendingRef.current = true;
    setPending(true);
    setError(null);
    try {
      await onConfirm(password);
      pendingRef.current = false;
      setPending(false);
      changeOpen(false);
    } catch (failure) {
      pendingRef.current = false;
      setPending(false);
      setError(failure);
      // Hand the field back with its text selected, so a wrong password is simply retyped.
      inputRef.current?.focus();
      inputRef.current?.select();
    }
  };

  return (
    <Dialog.Root open={open} onOpenChange={changeOpen}>
      {trigger && <Dialog.Trigger asChild>{trigger}</Dialog.Trigger>}
      <Dialog.Portal>
        <Dialog.Overlay className={partClass(ui, 'overlay')} />
        <Dialog.Content
          role="alertdialog"
          dir={ui.dir}
          className={partClass(ui, 'dialog', className)}
          onPointerDownOutside={(e) => e.preventDefault()}
          onInteractOutside={(e) => e.preventDefault()}
          onEscapeKeyDown={(e) => {
            if (pendingRef.current) e.preventDefault();
          }}
          onOpenAutoFocus={(e) => {
            e.preventDefault();
            (inputRef.current ?? cancelRef.current)?.focus();
          }}
        >
          <KeepScrollbarGutter />
          <Dialog.Title className={partClass(ui, 'dialogTitle')}>{title}</Dialog.Title>
          <Dialog.Description className={partClass(ui, 'dialogDescription')}>
            {description}
            {requirePassword && <> {messages.passwordHint}</>}
          </Dialog.Description>
          <form
            className={partClass(ui, 'form')}
            onSubmit={submit}
            aria-busy={pending || undefined}
            noValidate
          >
            {requirePassword && (
              <PasswordField
                inputRef={inputRef}
                errorId={error === null ? undefined : errorId}
                readOnly={pending}
              />
            )}
            {error !== null && (
              <p id={errorId} role="alert" className={partClass(ui, 'error')}>
                {errorMessage(messages, error)}
              </p>
            )}
            <div className={partClass(ui, 'dialogActions')}>
              <Dialog.Close asChild>
                <button ref={cancelRef} type="button" className={partClass(ui, 'button')} disabled={pending}>
                  {messages.cancel}
                </button>
              </Dialog.Close>
              <button
                type="submit"
                className={partClass(ui, 'button')}
                data-variant="destructive"
                aria-disabled={pending || undefined}
              >
                {pending ? messages.confirming : (confirmLabel ?? messages.confirm)}
              </button>
            </div>
          </form>
        </Dialog.Content>
      </Dialog.Portal>
    </Dialog.Root>
  );
}
