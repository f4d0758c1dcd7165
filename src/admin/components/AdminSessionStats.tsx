'use client';

import { partClass } from '../../registry/SessionsUIContext.js';
import { useSessionStats } from '../data/useSessionStats.js';
import { adminErrorMessage } from '../format/adminErrorMessage.js';
import { useAdminUIContext } from '../registry/AdminUIContext.js';

export interface AdminSessionStatsProps {
  className?: string;
}

/** Four cards: active sessions, signed-in users, expired sessions, sessions started today. */
export function AdminSessionStats({ className }: AdminSessionStatsProps) {
  const ui = useAdminUIContext('AdminSessionStats');
  const text = ui.messages.admin;
  const { data, error } = useSessionStats();
  const format = new Intl.NumberFormat(ui.locale?.code ?? 'en').format;
  if (error) {
    return (
      <p role="alert" className={partClass(ui, 'error', className)}>
        {adminErrorMessage(ui.messages, error)}
      </p>
    );
  }
  const cards = [
    [text.statTotalActive, data?.totalActive],
    [text.statUniqueUsers, data?.uniqueUsers],
    [text.statExpired, data?.expired],
    [text.statStartedToday, data?.startedToday],
  ] as const;
  return (
    <dl
      className={partClass(ui, 'stats', className)}
      aria-label={text.statsLabel}
      aria-busy={!data || undefined}
      dir={ui.dir}
    >
      {cards.map(([label, value]) => (
        <div key={label} className={partClass(ui, 'stat')}>
          <dt>{label}</dt>
          <dd>{value === undefined ? '…' : format(value)}</dd>
        </div>
      ))}
    </dl>
  );
}
