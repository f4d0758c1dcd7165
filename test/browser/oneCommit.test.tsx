import { QueryClient } from '@tanstack/react-query';
import { Profiler } from 'react';
import { createRoot } from 'react-dom/client';
import { expect, it } from 'vitest';
import { page } from 'vitest/browser';
import { SessionList } from '../../src/components/SessionList.js';
import { prefetchSessions } from '../../src/data/prefetchSessions.js';
import { createDemoBackend } from '../../src/memory/demoBackend.js';
import { SessionsProvider } from '../../src/registry/SessionsProvider.js';

// In a real browser, effects run after the first paint in a task of their own: a relative time that read
// the clock again there would render every row a second time right after the list appeared. Rendered as a
// host does (createRoot, no act(), which would run the effects in the render's own task and hide it).
it('a list whose rows are already cached appears in one commit, and nothing renders again after its paint', async () => {
  const backend = createDemoBackend();
  // Fresh for the whole test: no refetch on mount, so only the kit itself could render again.
  const queryClient = new QueryClient({
    defaultOptions: { queries: { staleTime: Number.POSITIVE_INFINITY } },
  });
  await prefetchSessions(queryClient, { dataProvider: backend.provider, scope: 'ana' });
  let commits = 0;
  const host = document.createElement('div');
  document.body.append(host);
  const root = createRoot(host);
  const previousActEnvironment = (globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean })
    .IS_REACT_ACT_ENVIRONMENT;
  (globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = false;
  try {
    root.render(
      <SessionsProvider dataProvider={backend.provider} queryClient={queryClient} scope="ana" live={false}>
        <Profiler id="list" onRender={() => (commits += 1)}>
          <SessionList />
        </Profiler>
      </SessionsProvider>,
    );
    await expect.element(page.getByRole('heading', { name: 'Signed in on 5 devices' })).toBeVisible();
    // Past a few frames and the tasks after them (not a timing assertion: a wait for anything late).
    for (let frame = 0; frame < 10; frame++) await new Promise((resolve) => requestAnimationFrame(resolve));
    await new Promise((resolve) => setTimeout(resolve, 100));
  } finally {
    root.unmount();
    host.remove();
    (globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = previousActEnvironment;
  }
  expect(commits).toBe(1);
});
