import type { ComponentType } from 'react';
import { describe, expectTypeOf, it } from 'vitest';
import type { SessionListProps } from '../../src/components/SessionList.js';
import { SessionRow, type SessionRowProps } from '../../src/components/SessionRow.js';
import type { SessionsComponents } from '../../src/registry/defaultComponents.js';
import { SessionsProvider, type SessionsProviderProps } from '../../src/registry/SessionsProvider.js';

describe('registry overrides are typed from the defaults', () => {
  it('accepts an override that takes the default props and wraps the default', () => {
    const Wrapped = (props: SessionRowProps) => <SessionRow {...props} className="x" />;
    expectTypeOf(Wrapped).toExtend<SessionsComponents['SessionRow']>();
    const props: SessionsProviderProps = { components: { SessionRow: Wrapped } };
    expectTypeOf(props).toExtend<SessionsProviderProps>();
  });

  it('rejects an override whose props do not match', () => {
    const WrongProps = (_props: { session: number }) => null;
    // @ts-expect-error a SessionRow override must accept SessionRowProps
    const props: SessionsProviderProps = { components: { SessionRow: WrongProps } };
    expectTypeOf(props).not.toBeAny();
    expectTypeOf(WrongProps).not.toExtend<SessionsComponents['SessionRow']>();
  });

  it('rejects an unknown component name, class part or text', () => {
    // @ts-expect-error not a component of the kit
    const unknownComponent: SessionsProviderProps = { components: { SessionTable: SessionRow } };
    // @ts-expect-error not a stylable part
    const unknownPart: SessionsProviderProps = { classNames: { rows: 'x' } };
    // @ts-expect-error countHeading takes a count and returns text
    const wrongMessage: SessionsProviderProps = { messages: { countHeading: 'Signed in' } };
    // @ts-expect-error errors are keyed by SessionsError codes
    const wrongError: SessionsProviderProps = { messages: { errors: { TIMEOUT: () => 'x' } } };
    expectTypeOf([unknownComponent, unknownPart, wrongMessage, wrongError]).not.toBeAny();
  });

  it('types each entry as a component of exactly the default props', () => {
    expectTypeOf<SessionsComponents['SessionList']>().toEqualTypeOf<ComponentType<SessionListProps>>();
    expectTypeOf(SessionsProvider).parameter(0).toHaveProperty('components');
  });
});
