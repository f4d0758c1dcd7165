import { act, render, screen } from '@testing-library/react';
import { Profiler, type ProfilerOnRenderCallback, useState } from 'react';
import { describe, expect, it } from 'vitest';
import { SessionList } from '../../../src/components/SessionList.js';
import { SessionRow, type SessionRowProps } from '../../../src/components/SessionRow.js';
import { SessionsProvider } from '../../../src/registry/SessionsProvider.js';
import { createTestQueryClient } from '../../../src/testing/createTestQueryClient.js';
import { threeDevices } from '../../helpers/backends.js';

// Every commit of a row's subtree, by the row's session id (React's Profiler: one call per render).
let rowRenders: string[] = [];
const onRender: ProfilerOnRenderCallback = (id) => {
  rowRenders.push(id);
};

/** The README's override, hoisted as a host would write it, with a Profiler to see the row render. */
function AuditedRow(props: SessionRowProps) {
  return (
    <Profiler id={props.session.id} onRender={onRender}>
      <SessionRow {...props} className="audited" />
    </Profiler>
  );
}

function Page({ dataProvider }: { dataProvider: ReturnType<typeof threeDevices>['provider'] }) {
  const [clicks, setClicks] = useState(0);
  const [queryClient] = useState(createTestQueryClient);
  const [thisDevice, setThisDevice] = useState('You are here');
  return (
    <>
      <button type="button" onClick={() => setClicks((n) => n + 1)}>
        Parent renders ({clicks})
      </button>
      <button type="button" onClick={() => setThisDevice('Here')}>
        Change a text
      </button>
      {/* Inline, as in the quick start: new objects on every render of this component. */}
      <SessionsProvider
        dataProvider={dataProvider}
        queryClient={queryClient}
        components={{ SessionRow: AuditedRow }}
        classNames={{ row: 'my-row' }}
        messages={{ thisDevice }}
      >
        <SessionList />
      </SessionsProvider>
    </>
  );
}

describe('inline components, classNames and messages', () => {
  it('a parent re-render with the same inline props re-renders no row; a changed text does', async () => {
    const { provider } = threeDevices();
    render(<Page dataProvider={provider} />);
    await screen.findByText('You are here');
    rowRenders = [];

    for (let i = 0; i < 3; i++) act(() => screen.getByRole('button', { name: /^Parent renders/ }).click());
    expect(screen.getByRole('button', { name: 'Parent renders (3)' })).toBeInTheDocument();
    expect(rowRenders).toEqual([]);

    // The Profiler does see rows render: new content is a new value, and every row shows it.
    act(() => screen.getByRole('button', { name: 'Change a text' }).click());
    expect(await screen.findByText('Here')).toBeInTheDocument();
    expect([...rowRenders].sort()).toEqual(['iphone', 'mac', 'windows']);
  });
});
