import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { AdminPage } from './AdminPage.js';
import { fetchMe } from './api.js';
import { NotMePage } from './NotMePage.js';
import { OutboxPage } from './OutboxPage.js';
import { ProfilePage } from './ProfilePage.js';
import { SignInPage } from './SignInPage.js';

/** A two-page host app with path routing, enough to show how profilekit drops into a real one. */
export function App() {
  const [path, setPath] = useState(window.location.pathname);
  const queryClient = useQueryClient();
  const me = useQuery({ queryKey: ['demo', 'me'], queryFn: fetchMe, staleTime: Number.POSITIVE_INFINITY });

  useEffect(() => {
    const onPop = () => setPath(window.location.pathname);
    window.addEventListener('popstate', onPop);
    return () => window.removeEventListener('popstate', onPop);
  }, []);

  const navigate = (to: string) => {
    window.history.pushState(null, '', to);
    setPath(to);
  };
  const onSignedIn = async () => {
    await queryClient.invalidateQueries({ queryKey: ['demo', 'me'] });
    navigate('/');
  };
  const onSignedOut = () => {
    // Drop everything cached for the old user before the next one signs in.
    queryClient.clear();
    navigate('/sign-in');
  };

  // The mail's link lands here whether this browser is signed in or not.
  if (path === '/not-me') return <NotMePage onContinue={() => navigate('/')} />;
  if (me.isPending) return <p className="demo-loading">Loading…</p>;
  if (!me.data || path === '/sign-in') return <SignInPage onSignedIn={onSignedIn} />;
  if (path === '/admin') return <AdminPage user={me.data} onBack={() => navigate('/')} />;
  if (path === '/outbox') return <OutboxPage onBack={() => navigate('/')} />;
  return (
    <ProfilePage
      user={me.data}
      onSignedOut={onSignedOut}
      onOpenAdmin={() => navigate('/admin')}
      onOpenOutbox={() => navigate('/outbox')}
    />
  );
}
