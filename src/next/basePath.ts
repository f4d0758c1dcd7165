/** Where a Next.js app serves the contract (`app/api/[...path]/route.ts`) unless it says otherwise. */
export const DEFAULT_NEXT_BASE_PATH = '/api';
