'use client';

import type { DeviceType } from '../provider/types.js';
import { partClass, useSessionsUIContext } from '../registry/SessionsUIContext.js';

export interface DeviceIconProps {
  type: DeviceType;
  className?: string;
}

// 24×24 outline glyphs, stroke in currentColor so they follow the text colour and theme.
const PATHS: Record<DeviceType, string> = {
  desktop: 'M3 5h18v11H3zM8 20h8M12 16v4',
  mobile: 'M8 2h8a1 1 0 0 1 1 1v18a1 1 0 0 1-1 1H8a1 1 0 0 1-1-1V3a1 1 0 0 1 1-1zM11 18h2',
  tablet: 'M5 2h14a1 1 0 0 1 1 1v18a1 1 0 0 1-1 1H5a1 1 0 0 1-1-1V3a1 1 0 0 1 1-1zM11 18h2',
  unknown: 'M12 22a10 10 0 1 0 0-20 10 10 0 0 0 0 20zM9.1 9a3 3 0 0 1 5.8 1c0 2-3 3-3 3M12 17h.01',
};

/** The device-type glyph of a row. Decorative: the row's text already names the device. */
export function DeviceIcon({ type, className }: DeviceIconProps) {
  const ui = useSessionsUIContext('DeviceIcon');
  return (
    <svg
      className={partClass(ui, 'icon', className)}
      data-device-type={type}
      aria-hidden="true"
      focusable="false"
      viewBox="0 0 24 24"
      width="24"
      height="24"
      fill="none"
      stroke="currentColor"
      strokeWidth="1.75"
      strokeLinecap="round"
      strokeLinejoin="round"
    >
      <path d={PATHS[type]} />
    </svg>
  );
}
