import type { ComponentType } from 'react';
import { describe, expectTypeOf, it } from 'vitest';
import type { AdminSessionsToolbarProps } from '../../src/admin/components/AdminSessionsToolbar.js';
import type { UseAdminSessionsResult } from '../../src/admin/data/useAdminSessions.js';
import {
  type AdminSessionsList,
  type AdminSessionsProviderProps,
  useAdminSessions,
} from '../../src/admin/index.js';
import type { AdminSessionsDataProvider } from '../../src/admin/provider/types.js';
import type { AdminComponents } from '../../src/admin/registry/defaultAdminComponents.js';
import type { SessionListProps } from '../../src/components/SessionList.js';
import { SessionRow, type SessionRowProps } from '../../src/components/SessionRow.js';
import {
  partClass,
  type RevokeSessionButtonProps,
  type Session,
  type SessionsComponentOverrides,
  type SessionsPart,
  useSessionsUI,
} from '../../src/index.js';
import type { SessionsComponents } from '../../src/registry/defaultComponents.js';
import { SessionsProvider, type SessionsProviderProps } from '../../src/registry/SessionsProvider.js';

/** Checks a value as a host would pass it: a literal, so excess and wrong properties are errors. */
const accepts = <T,>(value: T) => value;

describe('registry overrides are typed from the defaults', () => {
  it('accepts an override that takes the default props and wraps the default', () => {
    const Wrapped = (props: SessionRowProps) => <SessionRow {...props} className="x" />;
    expectTypeOf(Wrapped).toExtend<SessionsComponents['SessionRow']>();
    expectTypeOf({ components: { SessionRow: Wrapped } }).toExtend<SessionsProviderProps>();
    expectTypeOf<SessionsProviderProps['components']>().toEqualTypeOf<
      SessionsComponentOverrides | undefined
    >();
  });

  it('rejects an override whose props do not match', () => {
    const WrongProps = (_props: { session: number }) => null;
    expectTypeOf(WrongProps).not.toExtend<SessionsComponents['SessionRow']>();
    expectTypeOf({ components: { SessionRow: WrongProps } }).not.toExtend<SessionsProviderProps>();
    // @ts-expect-error a SessionRow override must accept SessionRowProps
    accepts<SessionsProviderProps>({ components: { SessionRow: WrongProps } });
  });

  it('rejects an unknown component name, class part or text', () => {
    // @ts-expect-error not a component of the kit
    accepts<SessionsProviderProps>({ components: { SessionTable: SessionRow } });
    // @ts-expect-error not a stylable part
    accepts<SessionsProviderProps>({ classNames: { rows: 'x' } });
    // @ts-expect-error the admin grid's parts are the admin console's, not the kit's
    accepts<SessionsProviderProps>({ classNames: { gridRow: 'x' } });
    // @ts-expect-error countHeading takes a count and returns text
    accepts<SessionsProviderProps>({ messages: { countHeading: 'Signed in' } });
    // @ts-expect-error errors are keyed by SessionsError codes
    accepts<SessionsProviderProps>({ messages: { errors: { TIMEOUT: () => 'x' } } });
  });

  it('types each entry as a component of exactly the default props', () => {
    expectTypeOf<SessionsComponents['SessionList']>().toEqualTypeOf<ComponentType<SessionListProps>>();
    expectTypeOf(SessionsProvider).parameter(0).toHaveProperty('components');
    // A row's button takes the session and its name, nothing of the row's insides.
    expectTypeOf<RevokeSessionButtonProps>().toEqualTypeOf<{
      session: Session;
      label: string;
      className?: string;
    }>();
  });

  it('gives an override what it needs: the UI without a debug string, the part-class helper', () => {
    expectTypeOf(useSessionsUI).parameters.toEqualTypeOf<[]>();
    expectTypeOf(partClass<SessionsPart>)
      .parameter(1)
      .toEqualTypeOf<SessionsPart>();
  });
});

describe('the admin console is typed by the same rules', () => {
  it('takes a typed admin provider and its own registry', () => {
    expectTypeOf<AdminSessionsProviderProps['dataProvider']>().toEqualTypeOf<
      AdminSessionsDataProvider | undefined
    >();
    const Toolbar = (props: AdminSessionsToolbarProps) => <p>{props.total}</p>;
    expectTypeOf(Toolbar).toExtend<AdminComponents['AdminSessionsToolbar']>();
    expectTypeOf({ components: { AdminSessionsToolbar: Toolbar } }).toExtend<AdminSessionsProviderProps>();
    const WrongToolbar = (_: { total: string }) => null;
    // @ts-expect-error an admin override must accept the default's props
    accepts<AdminSessionsProviderProps>({ components: { AdminSessionsToolbar: WrongToolbar } });
    // @ts-expect-error not a text of the console
    accepts<AdminSessionsProviderProps>({ messages: { admin: { tableTitle: 'x' } } });
    accepts<AdminSessionsProviderProps>({ classNames: { gridRow: 'x', button: 'y' } });
  });

  it("names the admin hooks' results", () => {
    expectTypeOf(useAdminSessions).returns.toEqualTypeOf<UseAdminSessionsResult>();
    expectTypeOf<NonNullable<UseAdminSessionsResult['data']>>().toEqualTypeOf<AdminSessionsList>();
  });
});
