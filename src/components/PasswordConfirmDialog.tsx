import * as Dialog from '@radix-ui/react-dialog';
import { type FormEvent, type ReactElement, type ReactNode, useId, useRef, useState } from 'react';
import { errorMessage } from '../format/errorMessage.js';
import { partClass, useSessionsUI } from '../registry/SessionsUIContext.js';

export interface PasswordConfirmDialogProps {
  /** The element that opens the dialog. Focus returns to it when the dialog closes. */
  trigger?: ReactElement;
  /** Controlled open state. */
  open?: boolean;
  /** @default false */
  defaultOpen?: boolean;
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
  open: controlledOpen,
  defaultOpen = false,
  onOpenChange,
  title,
  description,
  requirePassword = true,
  confirmLabel,
  onConfirm,
  className,
}: PasswordConfirmDialogProps) {
  const ui = useSessionsUI('PasswordConfirmDialog');
  const { messages } = ui;
  const [uncontrolledOpen, setUncontrolledOpen] = useState(defaultOpen);
  const open = controlledOpen ?? uncontrolledOpen;
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const inputRef = useRef<HTMLInputElement>(null);
  const cancelRef = useRef<HTMLButtonElement>(null);
  const pendingRef = useRef(false);
  const errorId = useId();
  const inputId = useId();

  const setOpen = (next: boolean) => {
    if (!next && pendingRef.current) return;
    if (!next) setError(null);
    if (controlledOpen === undefined) setUncontrolledOpen(next);
    onOpenChange?.(next);
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
      setOpen(false);
    } catch (failure) {
      pendingRef.current = false;
      setPending(false);
      setError(errorMessage(messages, failure));
      // Hand the field back with its text selected, so a wrong password is simply retyped.
      inputRef.current?.focus();
      inputRef.current?.select();
    }
  };

  return (
    <Dialog.Root open={open} onOpenChange={setOpen}>
      {trigger && <Dialog.Trigger asChild>{trigger}</Dialog.Trigger>}
      <Dialog.Portal>
        <Dialog.Overlay className={partClass(ui, 'overlay')} />
        <Dialog.Content
          role="alertdialog"
          dir={ui.dir}
          className={partClass(ui, 'dialog', className)}
          data-state-pending={pending ? '' : undefined}
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
              <div className={partClass(ui, 'field')}>
                <label className={partClass(ui, 'label')} htmlFor={inputId}>
                  {messages.passwordLabel}
                </label>
                <input
                  ref={inputRef}
                  id={inputId}
                  className={partClass(ui, 'input')}
                  type="password"
                  name="password"
                  autoComplete="current-password"
                  required
                  aria-invalid={error ? true : undefined}
                  aria-describedby={error ? errorId : undefined}
                  readOnly={pending}
                />
              </div>
            )}
            {error && (
              <p id={errorId} role="alert" className={partClass(ui, 'error')}>
                {error}
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
