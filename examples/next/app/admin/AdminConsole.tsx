'use client';

import {
  type AdminSession,
  AdminSessionStats,
  AdminSessionsProvider,
  AdminSessionsTable,
  SessionDetails,
} from 'profilekit/admin';
import { createRestAdminSessionsProvider } from 'profilekit/rest';
import { useState } from 'react';

// One provider for the admin endpoints, created once like the user-side one.
const adminApi = createRestAdminSessionsProvider({ baseUrl: '/api' });

/** Stats, every user's sessions (server-side search and paging), and one session's details. */
export function AdminConsole({ adminId }: { adminId: string }) {
  const [selected, setSelected] = useState<AdminSession | undefined>();
  return (
    <AdminSessionsProvider dataProvider={adminApi} scope={`admin:${adminId}`}>
      <AdminSessionStats />
      <AdminSessionsTable applications={['web', 'mobile']} onSelectSession={setSelected} height={520} />
      <SessionDetails sessionId={selected?.id} onClose={() => setSelected(undefined)} />
    </AdminSessionsProvider>
  );
}
