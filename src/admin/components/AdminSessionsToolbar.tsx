'use client';

import { type ReactNode, useId } from 'react';
import { partClass } from '../../registry/SessionsUIContext.js';
import type { AdminSessionFilters } from '../provider/types.js';
import { useAdminUIContext } from '../registry/AdminUIContext.js';

export interface AdminSessionsToolbarProps {
  /** The search text as typed (the table debounces it). */
  searchText: string;
  onSearchTextChange: (text: string) => void;
  filters: AdminSessionFilters;
  onFiltersChange: (filters: AdminSessionFilters) => void;
  /** Application ids to filter by; no filter is shown without them. */
  applications?: readonly string[];
  /** "12,345 sessions", when known. */
  total?: number;
  className?: string;
}

/** Search, status and application filters above the admin table, and the match count. */
export function AdminSessionsToolbar(props: AdminSessionsToolbarProps) {
  const { searchText, onSearchTextChange, filters, onFiltersChange, applications, total, className } = props;
  const ui = useAdminUIContext('AdminSessionsToolbar');
  const text = ui.messages.admin;
  const ids = { search: useId(), status: useId(), app: useId() };
  const control = { className: partClass(ui, 'input') };
  // A labelled control: the label names the control by its id.
  const field = (id: string, label: string, input: ReactNode) => (
    <div className={partClass(ui, 'field')}>
      <label className={partClass(ui, 'label')} htmlFor={id}>
        {label}
      </label>
      {input}
    </div>
  );
  const set = (change: Partial<AdminSessionFilters>) => onFiltersChange({ ...filters, ...change });
  const select = (
    id: string,
    value: string,
    onChange: (value: string) => void,
    options: readonly (readonly [value: string, label: string])[],
  ) => (
    <select id={id} {...control} value={value} onChange={(event) => onChange(event.target.value)}>
      {options.map(([option, label]) => (
        <option key={option} value={option}>
          {label}
        </option>
      ))}
    </select>
  );
  return (
    <div className={partClass(ui, 'toolbar', className)} role="search">
      {field(
        ids.search,
        text.searchLabel,
        <input
          id={ids.search}
          {...control}
          type="search"
          value={searchText}
          placeholder={text.searchPlaceholder}
          onChange={(event) => onSearchTextChange(event.target.value)}
        />,
      )}
      {field(
        ids.status,
        text.statusLabel,
        select(
          ids.status,
          filters.status ?? 'active',
          (status) => set({ status: status as 'active' | 'expired' }),
          [
            ['active', text.statusActive],
            ['expired', text.statusExpired],
          ],
        ),
      )}
      {applications &&
        applications.length > 0 &&
        field(
          ids.app,
          text.applicationLabel,
          select(ids.app, filters.applicationId ?? '', (app) => set({ applicationId: app || undefined }), [
            ['', text.allApplications],
            ...applications.map((app) => [app, app] as const),
          ]),
        )}
      {total !== undefined && (
        <p className={partClass(ui, 'result')} role="status">
          {text.total(total)}
        </p>
      )}
    </div>
  );
}
