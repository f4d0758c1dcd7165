'use client';

import * as Dialog from '@radix-ui/react-dialog';
import { formatDistanceStrict } from 'date-fns';
import { useState } from 'react';
import { KeepScrollbarGutter } from '../../components/KeepScrollbarGutter.js';
import { describeDevice } from '../../format/describeDevice.js';
import { formatDateTime } from '../../format/formatDateTime.js';
import { formatPlace } from '../../format/formatPlace.js';
import { partClass } from '../../registry/SessionsUIContext.js';
import { useAdminRevokeSession } from '../data/useAdminRevokeSession.js';
import { useAdminSession } from '../data/useAdminSession.js';
import { adminErrorMessage } from '../format/adminErrorMessage.js';
import { useAdminUIContext } from '../registry/AdminUIContext.js';
import { AdminActivity } from './AdminActivity.js';

export interface SessionDetailsProps {
  /** The session to show; the dialog is open while it is set. */
  sessionId: string | undefined;
  onClose: () => void;
  className?: string;
}

/** What the admin just did to the session on show. */
type Outcome = { kind: 'sessionRevoked' } | { kind: 'userSessionsRevoked'; revokedCount: number };

/**
 * One session in full: user, token preview, created / expires / age / valid, device, IP or place, and
 * the two ways to end it. "No longer exists" when the server does not know it.
 */
export function SessionDetails({ sessionId, onClose, className }: SessionDetailsProps) {
  const ui = useAdminUIContext('SessionDetails');
  const text = ui.messages.admin;
  const { RevokeUserSessionsButton, PasswordConfirmDialog } = ui.components;
  const { data: session, error, isPending } = useAdminSession(sessionId);
  const revoke = useAdminRevokeSession();
  // What the admin just did, for this session — the outcome, not its text, which follows the locale in
  // force. Kept here, because the session (and its buttons) is gone once it worked; tied to the id so
  // another session's dialog starts clean.
  const [done, setDone] = useState<{ sessionId?: string; outcome: Outcome; userLabel: string } | null>(null);
  const outcome = done && done.sessionId === sessionId ? done.outcome : null;
  const notice =
    outcome &&
    (outcome.kind === 'sessionRevoked'
      ? text.sessionRevoked
      : text.userSessionsRevoked(outcome.revokedCount));
  const dateText = (date: Date | undefined) =>
    date ? formatDateTime(date, 'dateTime', ui.locale?.code) : '—';
  const userLabel = session ? (session.user.email ?? session.user.name ?? session.user.id) : '';
  const deviceLabel = session ? describeDevice(session, ui.messages).label : '';
  const rows: [string, string][] = session
    ? [
        [
          text.fieldUser,
          [session.user.name, session.user.email].filter(Boolean).join(' · ') || session.user.id,
        ],
        [text.fieldTokenPreview, session.tokenPreview ?? '—'],
        [text.fieldCreated, dateText(session.createdAt)],
        [text.fieldExpires, dateText(session.expiresAt)],
        [
          text.fieldAge,
          session.createdAt
            ? formatDistanceStrict(session.createdAt, Date.now(), { locale: ui.locale })
            : '—',
        ],
        [text.fieldStatus, session.status === 'active' ? text.valid : text.expired],
        [text.fieldDevice, describeDevice(session, ui.messages).label],
        [text.fieldPlace, formatPlace(session, ui.messages) ?? '—'],
        [text.fieldApplication, session.applicationId ?? '—'],
      ]
    : [];

  return (
    <Dialog.Root open={sessionId !== undefined} onOpenChange={(open) => !open && onClose()}>
      <Dialog.Portal>
        <Dialog.Overlay className={partClass(ui, 'overlay')} />
        <Dialog.Content
          className={partClass(ui, 'dialog', className)}
          dir={ui.dir}
          aria-describedby={undefined}
        >
          <KeepScrollbarGutter />
          <Dialog.Title className={partClass(ui, 'dialogTitle')}>
            {/* Once ended, the session is gone: the title still names whose it was. */}
            {session
              ? text.detailsTitle(userLabel)
              : done && done.sessionId === sessionId
                ? text.detailsTitle(done.userLabel)
                : text.tableLabel}
          </Dialog.Title>
          {isPending && <p role="status">{text.loading}</p>}
          {error && (
            <p role="alert" className={partClass(ui, 'error')}>
              {adminErrorMessage(ui.messages, error)}
            </p>
          )}
          {notice && <p className={partClass(ui, 'result')}>{notice}</p>}
          {session === null && !notice && <p className={partClass(ui, 'empty')}>{text.notFound}</p>}
          {session && (
            <>
              <dl className={partClass(ui, 'detailsList')}>
                {rows.map(([label, value]) => (
                  <div key={label}>
                    <dt>{label}</dt>
                    <dd>
                      <bdi>{value}</bdi>
                    </dd>
                  </div>
                ))}
              </dl>
              <div className={partClass(ui, 'dialogActions')}>
                {/* Confirmed first, as every sign-out in the kit is. */}
                <PasswordConfirmDialog
                  trigger={
                    <button type="button" className={partClass(ui, 'button')} data-variant="destructive">
                      {text.revokeSession}
                    </button>
                  }
                  requirePassword={false}
                  title={text.confirmRevokeSessionTitle(deviceLabel, userLabel)}
                  description={text.confirmRevokeSessionDescription}
                  confirmLabel={text.revokeSession}
                  onConfirm={async () => {
                    if (!sessionId) return;
                    await revoke.mutateAsync({ sessionId });
                    setDone({ sessionId, outcome: { kind: 'sessionRevoked' }, userLabel });
                  }}
                />
                <RevokeUserSessionsButton
                  userId={session.user.id}
                  userLabel={userLabel}
                  onRevoked={({ revokedCount }) =>
                    setDone({ sessionId, outcome: { kind: 'userSessionsRevoked', revokedCount }, userLabel })
                  }
                />
              </div>
              <AdminActivity userId={session.user.id} pageSize={5} headingLevel={3} />
            </>
          )}
          <Dialog.Close asChild>
            <button type="button" className={partClass(ui, 'button')}>
              {text.close}
            </button>
          </Dialog.Close>
        </Dialog.Content>
      </Dialog.Portal>
    </Dialog.Root>
  );
}
