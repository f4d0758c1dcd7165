'use client';

import { useVirtualizer } from '@tanstack/react-virtual';
import { type KeyboardEvent, useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useDebouncedValue } from '../../internal/useDebouncedValue.js';
import { partClass } from '../../registry/SessionsUIContext.js';
import { useAdminSessions } from '../data/useAdminSessions.js';
import { adminErrorMessage } from '../format/adminErrorMessage.js';
import type { AdminSession, AdminSessionFilters, AdminSessionSortField } from '../provider/types.js';
import { useAdminUIContext } from '../registry/AdminUIContext.js';

export interface AdminSessionsTableProps {
  /** Rows per request, at most 1,000 (the contract's largest page; more is asked as 1,000). @default 100 */
  pageSize?: number;
  /** Starting filters (the table owns them afterwards; watch `onFiltersChange`). */
  defaultFilters?: AdminSessionFilters;
  onFiltersChange?: (filters: AdminSessionFilters) => void;
  /** Application ids for the application filter. */
  applications?: readonly string[];
  /** Called with a row's session on click or Enter: open `SessionDetails` with it. */
  onSelectSession?: (session: AdminSession) => void;
  /**
   * Largest height of the scrolling grid, in px (fewer rows take less).
   * @default 480
   */
  height?: number;
  className?: string;
}

// Rows are one line of text with padding: a fixed estimate keeps scrolling smooth at 100,000 rows.
const ROW_HEIGHT = 52;
const HEADER_HEIGHT = 44;
const SEARCH_DEBOUNCE_MS = 300;
// Ask for the next page this many rows before the end, so scrolling rarely waits.
const PREFETCH_ROWS = 30;
const COLUMNS: { key: string; sort?: AdminSessionSortField }[] = [
  { key: 'columnUser' },
  { key: 'columnDevice' },
  { key: 'columnPlace' },
  { key: 'columnLastActive', sort: 'lastActiveAt' },
  { key: 'columnCreated', sort: 'createdAt' },
  { key: 'columnExpires', sort: 'expiresAt' },
  { key: 'columnToken' },
];

/**
 * Every user's sessions as an accessible, virtualized grid: server-side search (debounced), filters and
 * sort, infinite loading, a sticky header, and rows reached by arrow keys, Home/End and PageUp/PageDown.
 */
export function AdminSessionsTable({
  pageSize,
  defaultFilters = {},
  onFiltersChange,
  applications,
  onSelectSession,
  height = 480,
  className,
}: AdminSessionsTableProps) {
  const ui = useAdminUIContext('AdminSessionsTable');
  const text = ui.messages.admin;
  const { AdminSessionRow, AdminSessionsToolbar } = ui.components;
  const [filters, setFilters] = useState<AdminSessionFilters>(defaultFilters);
  const [searchText, setSearchText] = useState(defaultFilters.search ?? '');
  const search = useDebouncedValue(searchText.trim(), SEARCH_DEBOUNCE_MS);
  const effective = useMemo(() => ({ ...filters, search: search || undefined }), [filters, search]);
  useEffect(() => onFiltersChange?.(effective), [effective, onFiltersChange]);

  const query = useAdminSessions(effective, pageSize);
  const rows = useMemo(() => query.data?.sessions ?? [], [query.data]);
  const total = query.data?.total;
  const scrollRef = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 12,
    scrollMargin: HEADER_HEIGHT,
  });
  const items = virtualizer.getVirtualItems();
  const lastRendered = items.at(-1)?.index ?? -1;
  const { hasNextPage, isFetchingNextPage, fetchNextPage } = query;
  useEffect(() => {
    if (hasNextPage && !isFetchingNextPage && lastRendered >= rows.length - PREFETCH_ROWS)
      void fetchNextPage();
  }, [hasNextPage, isFetchingNextPage, fetchNextPage, lastRendered, rows.length]);

  // Roving tab stop: one row is tabbable; arrows move it, scrolling it into view and focusing it.
  const [activeIndex, setActiveIndex] = useState(0);
  const focusPending = useRef(false);
  useEffect(() => {
    if (!focusPending.current) return;
    const row = scrollRef.current?.querySelector<HTMLElement>(`[data-row-index="${activeIndex + 2}"]`);
    if (row) {
      row.focus({ preventScroll: true });
      focusPending.current = false;
    }
  });
  const pageRows = Math.max(1, Math.floor((height - HEADER_HEIGHT) / ROW_HEIGHT) - 1);
  const onRowKeyDown = useCallback(
    (event: KeyboardEvent<HTMLDivElement>) => {
      const index = Number(event.currentTarget.dataset.rowIndex) - 2;
      const last = rows.length - 1;
      const moves: Record<string, number> = {
        ArrowDown: index + 1,
        ArrowUp: index - 1,
        Home: 0,
        End: last,
        PageDown: index + pageRows,
        PageUp: index - pageRows,
      };
      if (event.key === 'Enter' || event.key === ' ') {
        event.preventDefault();
        const session = rows[index];
        if (session) onSelectSession?.(session);
        return;
      }
      const target = moves[event.key];
      if (target === undefined) return;
      event.preventDefault();
      const next = Math.max(0, Math.min(last, target));
      setActiveIndex(next);
      focusPending.current = true;
      virtualizer.scrollToIndex(next, { align: 'auto' });
    },
    [rows, pageRows, onSelectSession, virtualizer],
  );
  const select = useCallback((session: AdminSession) => onSelectSession?.(session), [onSelectSession]);

  const sort = effective.sort ?? { field: 'lastActiveAt', direction: 'desc' };
  const toggleSort = (field: AdminSessionSortField) =>
    setFilters({
      ...filters,
      sort: { field, direction: sort.field === field && sort.direction === 'desc' ? 'asc' : 'desc' },
    });

  let status: string | null = null;
  if (query.error) status = adminErrorMessage(ui.messages, query.error);
  else if (query.isPending) status = text.loading;
  else if (rows.length === 0) status = text.empty;

  return (
    <div className={partClass(ui, 'root', className)} dir={ui.dir}>
      <AdminSessionsToolbar
        searchText={searchText}
        onSearchTextChange={setSearchText}
        filters={filters}
        onFiltersChange={setFilters}
        applications={applications}
        total={total}
      />
      {status !== null && (
        <p role={query.error ? 'alert' : 'status'} className={partClass(ui, query.error ? 'error' : 'empty')}>
          {status}
        </p>
      )}
      <div
        ref={scrollRef}
        role="grid"
        aria-label={text.tableLabel}
        aria-rowcount={total === undefined ? -1 : total + 1}
        aria-busy={query.isFetching || undefined}
        className={partClass(ui, 'grid')}
        // At most `height`: a short result takes only the room its rows need.
        style={{ maxHeight: height, overflow: 'auto', position: 'relative' }}
      >
        <div
          role="row"
          aria-rowindex={1}
          className={partClass(ui, 'gridHeader')}
          style={{ height: HEADER_HEIGHT }}
        >
          {COLUMNS.map(({ key, sort: field }) => (
            <div
              key={key}
              role="columnheader"
              className={partClass(ui, 'gridCell')}
              aria-sort={
                field && sort.field === field
                  ? sort.direction === 'asc'
                    ? 'ascending'
                    : 'descending'
                  : undefined
              }
            >
              {field ? (
                <button type="button" className={partClass(ui, 'button')} onClick={() => toggleSort(field)}>
                  {text[key as 'columnLastActive']}
                </button>
              ) : (
                text[key as 'columnUser']
              )}
            </div>
          ))}
        </div>
        <div role="rowgroup" style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
          {items.map((item) => {
            const session = rows[item.index];
            if (!session) return null;
            return (
              <AdminSessionRow
                key={session.id}
                session={session}
                rowIndex={item.index + 2}
                active={item.index === Math.min(activeIndex, rows.length - 1)}
                style={{
                  position: 'absolute',
                  top: 0,
                  left: 0,
                  right: 0,
                  height: ROW_HEIGHT,
                  transform: `translateY(${item.start - HEADER_HEIGHT}px)`,
                }}
                onSelect={select}
                onKeyDown={onRowKeyDown}
                onFocus={() => setActiveIndex(item.index)}
              />
            );
          })}
        </div>
      </div>
      {isFetchingNextPage && (
        <p role="status" className={partClass(ui, 'empty')}>
          {text.loadingMore}
        </p>
      )}
    </div>
  );
}
