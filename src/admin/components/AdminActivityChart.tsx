'use client';

import { useId, useMemo } from 'react';
import { visuallyHidden } from '../../components/visuallyHidden.js';
import { activityMessagesFor } from '../../messages/activity/index.js';
import { partClass } from '../../registry/SessionsUIContext.js';
import { useAdminCapabilities } from '../data/AdminDataContext.js';
import { useActivityDaily } from '../data/useAdminActivity.js';
import { adminErrorMessage } from '../format/adminErrorMessage.js';
import { useAdminUIContext } from '../registry/AdminUIContext.js';

export interface AdminActivityChartProps {
  /** How many days, today last. @default 30 */
  days?: number;
  /** @default 2 */
  headingLevel?: 2 | 3 | 4 | 5 | 6;
  className?: string;
}

const WIDTH = 600;
const HEIGHT = 120;

/**
 * Sign-ins and failed sign-ins per day, as bars to look at (a day of many failures stands out) and as a
 * table for screen readers (the drawing is hidden from them; the table is hidden from the eye).
 */
export function AdminActivityChart({ days = 30, headingLevel = 2, className }: AdminActivityChartProps) {
  const ui = useAdminUIContext('AdminActivityChart');
  const text = activityMessagesFor(ui.locale?.code);
  const headingId = useId();
  const { data, error } = useActivityDaily(days);
  const { canGetActivityDaily } = useAdminCapabilities();
  const localeCode = ui.locale?.code ?? 'en-US';
  // Built once per language, not per render. The server's calendar day is named as it is (not moved into
  // the reader's zone: a day starting at the server's midnight is the day before for a reader west of it).
  const { dayFormat, number } = useMemo(
    () => ({
      dayFormat: new Intl.DateTimeFormat(localeCode, { dateStyle: 'medium', timeZone: 'UTC' }),
      number: new Intl.NumberFormat(localeCode).format,
    }),
    [localeCode],
  );
  if (!canGetActivityDaily) return null;
  const Heading = `h${headingLevel}` as const;
  const rows = data ?? [];
  const highest = Math.max(1, ...rows.map((day) => Math.max(day.signedIn, day.failedSignIns)));
  const slot = WIDTH / Math.max(1, rows.length);
  const bar = Math.max(1, slot / 2 - 1);
  const heightOf = (count: number) => (count / highest) * (HEIGHT - 4);
  const dayName = (date: string) => {
    const parsed = new Date(`${date}T00:00:00Z`);
    return Number.isNaN(parsed.getTime()) ? date : dayFormat.format(parsed);
  };

  return (
    <section className={partClass(ui, 'chart', className)} aria-labelledby={headingId} dir={ui.dir}>
      <Heading id={headingId}>{text.chartTitle(days)}</Heading>
      {error ? (
        <p role="alert" className={partClass(ui, 'error')}>
          {adminErrorMessage(ui.messages, error)}
        </p>
      ) : (
        <>
          <svg
            viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
            width="100%"
            height={HEIGHT}
            aria-hidden="true"
            focusable="false"
            preserveAspectRatio="none"
          >
            {rows.map((day, i) => (
              <g key={day.date}>
                <rect
                  data-series="signed-in"
                  x={i * slot}
                  y={HEIGHT - heightOf(day.signedIn)}
                  width={bar}
                  height={heightOf(day.signedIn)}
                />
                <rect
                  data-series="failed"
                  x={i * slot + bar + 1}
                  y={HEIGHT - heightOf(day.failedSignIns)}
                  width={bar}
                  height={heightOf(day.failedSignIns)}
                />
              </g>
            ))}
          </svg>
          <p className={partClass(ui, 'meta')} aria-hidden="true">
            <span data-series="signed-in">{text.chartSignIns}</span>{' '}
            <span data-series="failed">{text.chartFailedSignIns}</span>
          </p>
          <table style={visuallyHidden}>
            <caption>{text.chartTitle(days)}</caption>
            <thead>
              <tr>
                <th scope="col">{text.chartDay}</th>
                <th scope="col">{text.chartSignIns}</th>
                <th scope="col">{text.chartFailedSignIns}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((day) => (
                <tr key={day.date}>
                  <th scope="row">{dayName(day.date)}</th>
                  <td>{number(day.signedIn)}</td>
                  <td>{number(day.failedSignIns)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
    </section>
  );
}
