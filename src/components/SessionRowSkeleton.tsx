'use client';

import { partClass, useSessionsUIContext } from '../registry/SessionsUIContext.js';

export interface SessionRowSkeletonProps {
  className?: string;
}

/** A placeholder row with a real row's height, so nothing jumps when the list arrives. */
export function SessionRowSkeleton({ className }: SessionRowSkeletonProps) {
  const ui = useSessionsUIContext('SessionRowSkeleton');
  return (
    <li
      className={partClass(ui, 'row', partClass(ui, 'skeleton', className))}
      aria-hidden="true"
      data-state="loading"
    >
      <span data-skeleton="icon" />
      <span data-skeleton="name" />
      <span data-skeleton="meta" />
    </li>
  );
}
