import {
  AdminActivity,
  AdminActivityChart,
  type AdminSession,
  AdminSessionStats,
  AdminSessionsProvider,
  AdminSessionsTable,
  SessionDetails,
} from 'profilekit/admin';
import { createRestAdminSessionsProvider } from 'profilekit/rest';
import { useState } from 'react';
import type { DemoUser } from './api.js';

// One provider for the admin endpoints, created once like the user-side one.
const adminApi = createRestAdminSessionsProvider({ baseUrl: '/api' });

/** The admin console: stats, every user's sessions, and one session's details. Admins only (server-checked). */
export function AdminPage({ user, onBack }: { user: DemoUser; onBack: () => void }) {
  const [selected, setSelected] = useState<AdminSession | undefined>();
  return (
    <main className="demo-page demo-wide">
      <p>
        <button type="button" onClick={onBack}>
          ← Back to your profile
        </button>
      </p>
      <h1>Sessions admin</h1>
      <AdminSessionsProvider dataProvider={adminApi} scope={`admin:${user.id}`}>
        <AdminSessionStats />
        <AdminActivityChart />
        <AdminSessionsTable applications={['web', 'mobile']} onSelectSession={setSelected} height={520} />
        <SessionDetails sessionId={selected?.id} onClose={() => setSelected(undefined)} />
        <AdminActivity />
      </AdminSessionsProvider>
    </main>
  );
}
