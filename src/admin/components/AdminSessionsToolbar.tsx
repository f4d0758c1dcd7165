import { useId } from 'react';
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
export function AdminSessionsToolbar({
  searchText,
  onSearchTextChange,
  filters,
  onFiltersChange,
  applications,
  total,
  className,
}: AdminSessionsToolbarProps) {
  const ui = useAdminUIContext('AdminSessionsToolbar');
  const text = ui.messages.admin;
  const ids = { search: useId(), status: useId(), app: useId() };
  return (
    <div className={partClass(ui, 'toolbar', className)} role="search">
      <div className={partClass(ui, 'field')}>
        <label className={partClass(ui, 'label')} htmlFor={ids.search}>
          {text.searchLabel}
        </label>
        <input
          id={ids.search}
          className={partClass(ui, 'input')}
          type="search"
          value={searchText}
          placeholder={text.searchPlaceholder}
          onChange={(event) => onSearchTextChange(event.target.value)}
        />
      </div>
      <div className={partClass(ui, 'field')}>
        <label className={partClass(ui, 'label')} htmlFor={ids.status}>
          {text.statusLabel}
        </label>
        <select
          id={ids.status}
          className={partClass(ui, 'input')}
          value={filters.status ?? 'active'}
          onChange={(event) =>
            onFiltersChange({ ...filters, status: event.target.value as 'active' | 'expired' })
          }
        >
          <option value="active">{text.statusActive}</option>
          <option value="expired">{text.statusExpired}</option>
        </select>
      </div>
      {applications && applications.length > 0 && (
        <div className={partClass(ui, 'field')}>
          <label className={partClass(ui, 'label')} htmlFor={ids.app}>
            {text.applicationLabel}
          </label>
          <select
            id={ids.app}
            className={partClass(ui, 'input')}
            value={filters.applicationId ?? ''}
            onChange={(event) =>
              onFiltersChange({ ...filters, applicationId: event.target.value || undefined })
            }
          >
            <option value="">{text.allApplications}</option>
            {applications.map((app) => (
              <option key={app} value={app}>
                {app}
              </option>
            ))}
          </select>
        </div>
      )}
      {total !== undefined && (
        <p className={partClass(ui, 'result')} role="status">
          {text.total(total)}
        </p>
      )}
    </div>
  );
}
