// @vitest-environment jsdom
/**
 * The new-device mail as a reader gets it: the subject and body in their language, the sign-in's time in
 * their zone, the "not me" button that works, and a device name from a hostile user agent shown as text.
 * jsdom parses the HTML the way a mail client would, so the checks read elements, not markup.
 */
import { type NewDeviceAlert, newDeviceMessage, type StoredSession } from 'profilekit/server';
import { describe, expect, it } from 'vitest';
import { createHarness, DAY, T0, UA } from './harness.js';

// Friday, March 6, 2026, 15:05 UTC; the link expires a week later.
const SIGNED_IN_AT = Date.UTC(2026, 2, 6, 15, 5);
const LINK_EXPIRES_AT = SIGNED_IN_AT + 7 * DAY;
const NOT_ME_URL = `https://app.example.com/api/sessions/not-me?token=v1.ses_1.${LINK_EXPIRES_AT.toString(36)}.c2lnbmF0dXJl`;
const PASSWORD_URL = 'https://app.example.com/account/password';
const HOSTILE = '<img src=x onerror=alert(1)>';

function session(overrides: Partial<StoredSession> = {}): StoredSession {
  return {
    id: 'ses_1',
    userId: 'usr_ana',
    tokenHash: '0'.repeat(64),
    tokenPreview: 'abcdefgh',
    userAgent: UA.firefoxWindows,
    ipAddress: '203.0.113.9',
    device: { type: 'desktop', browser: 'Chrome', os: 'Windows' },
    location: { city: 'Lisbon', country: 'PT' },
    trusted: false,
    applicationId: null,
    createdAt: SIGNED_IN_AT,
    lastActiveAt: SIGNED_IN_AT,
    expiresAt: SIGNED_IN_AT + 14 * DAY,
    absoluteExpiresAt: SIGNED_IN_AT + 30 * DAY,
    authenticatedAt: SIGNED_IN_AT,
    ...overrides,
  };
}

const alertOf = (
  overrides: Partial<StoredSession> = {},
  notMeUrl: string | null = NOT_ME_URL,
): NewDeviceAlert => ({
  userId: 'usr_ana',
  session: session(overrides),
  notMeUrl,
});

/** The HTML fragment as a mail client's document holds it. */
function parse(html: string) {
  const body = new DOMParser().parseFromString(`<!doctype html><body>${html}`, 'text/html').body;
  const root = body.firstElementChild as HTMLElement;
  return {
    body,
    root,
    links: [...body.querySelectorAll('a')],
    read: (body.textContent ?? '').replace(/[ \t\n]+/g, ' '),
  };
}

describe('newDeviceMessage', () => {
  const perLocale = [
    {
      locale: 'en',
      device: 'Device: Chrome on Windows',
      subject: 'New sign-in to Acme from Chrome on Windows',
      greeting: 'Hi Ana,',
      place: 'Lisbon, Portugal',
      ignore: 'If this was you, you can ignore this message.',
      action: 'This wasn’t me — sign that device out',
    },
    {
      locale: 'de',
      device: 'Gerät: Chrome unter Windows',
      subject: 'Neue Anmeldung bei Acme mit Chrome unter Windows',
      greeting: 'Hallo Ana,',
      place: 'Lisbon, Portugal',
      ignore: 'Wenn Sie das waren, können Sie diese Nachricht ignorieren.',
      action: 'Das war ich nicht – dieses Gerät abmelden',
    },
    {
      locale: 'fr',
      device: 'Appareil\u00a0: Chrome sur Windows',
      subject: 'Nouvelle connexion à Acme depuis Chrome sur Windows',
      greeting: 'Bonjour Ana,',
      place: 'Lisbon, Portugal',
      ignore: 'Si c’était vous, vous pouvez ignorer ce message.',
      action: 'Ce n’était pas moi — déconnecter cet appareil',
    },
    {
      locale: 'es',
      device: 'Dispositivo: Chrome en Windows',
      subject: 'Nuevo inicio de sesión en Acme desde Chrome en Windows',
      greeting: 'Hola, Ana:',
      place: 'Lisbon, Portugal',
      ignore: 'Si fuiste tú, puedes ignorar este mensaje.',
      action: 'No fui yo: cerrar la sesión en ese dispositivo',
    },
    {
      locale: 'ar',
      device: 'الجهاز: Chrome على Windows',
      subject: 'تسجيل دخول جديد إلى Acme من Chrome على Windows',
      greeting: 'مرحبًا Ana،',
      place: 'Lisbon، البرتغال',
      ignore: 'إذا كنت أنت من سجّل الدخول، فيمكنك تجاهل هذه الرسالة.',
      action: 'لم أكن أنا — تسجيل الخروج من ذلك الجهاز',
    },
  ] as const;

  for (const expected of perLocale) {
    it(`writes the mail in ${expected.locale}: the app and the device in the subject, the facts and the button in the body`, () => {
      const mail = newDeviceMessage(alertOf(), { appName: 'Acme', locale: expected.locale, userName: 'Ana' });
      expect(mail.subject).toBe(expected.subject);
      const { root, links, read } = parse(mail.html);
      expect(root.getAttribute('lang')).toBe(expected.locale);
      for (const body of [mail.text, read]) {
        expect(body).toContain(expected.greeting);
        expect(body).toContain(expected.device);
        expect(body).toContain(expected.place);
        expect(body).toContain('203.0.113.9');
        expect(body).toContain(expected.ignore);
        expect(body).toContain(expected.action);
      }
      expect(mail.text).toContain(`${expected.action}:\n${NOT_ME_URL}`);
      expect(links.map((a) => [a.textContent, a.getAttribute('href')])).toEqual([
        [expected.action, NOT_ME_URL],
      ]);
      expect(mail.html).not.toMatch(/undefined|null|NaN/);
      expect(mail.text).not.toMatch(/undefined|null|NaN/);
    });
  }

  it('writes the time in the requested zone, naming the zone, and UTC by default', () => {
    const at = (timeZone: string | undefined, locale = 'en') =>
      newDeviceMessage(alertOf(), { appName: 'Acme', locale, timeZone }).text;
    expect(at(undefined)).toContain('Friday, March 6, 2026 at 3:05 PM UTC');
    expect(at('America/New_York')).toContain('Friday, March 6, 2026 at 10:05 AM EST');
    // Past midnight in Tokyo: the next day.
    expect(at('Asia/Tokyo')).toContain('Saturday, March 7, 2026 at 12:05 AM GMT+9');
    expect(at('Europe/Berlin', 'de')).toContain('Freitag, 6. März 2026 um 16:05 MEZ');
    // The link's expiry, read from its token, in the same zone: New York is on summer time by then.
    expect(at('America/New_York')).toContain('expires on Friday, March 13, 2026 at 11:05 AM EDT');
    expect(() => at('Mars/Olympus_Mons')).toThrow(RangeError);
    expect(() => at('Mars/Olympus_Mons')).toThrow(/timeZone/);
  });

  it('sets dir="rtl" and lang="ar" for Arabic, ltr for the others', () => {
    const ar = parse(newDeviceMessage(alertOf(), { appName: 'Acme', locale: 'ar' }).html).root;
    expect(ar.tagName).toBe('DIV');
    expect(ar.getAttribute('dir')).toBe('rtl');
    expect(ar.getAttribute('lang')).toBe('ar');
    for (const locale of ['en', 'de', 'fr', 'es']) {
      const root = parse(newDeviceMessage(alertOf(), { appName: 'Acme', locale }).html).root;
      expect(root.getAttribute('dir')).toBe('ltr');
    }
  });

  it('shows a hostile device name as text in the HTML and verbatim in the text', () => {
    const alert = alertOf({
      device: { name: HOSTILE, browser: 'ignored', os: 'ignored' },
      location: { city: '"><script>alert(1)</script>', country: `' onmouseover='alert(1)` },
      ipAddress: '<b>203.0.113.9</b>',
    });
    const mail = newDeviceMessage(alert, { appName: 'Acme & Co', userName: '<svg onload=alert(1)>' });
    expect(mail.subject).toBe(`New sign-in to Acme & Co from ${HOSTILE}`);
    expect(mail.text).toContain(`Device: ${HOSTILE}`);
    expect(mail.text).toContain('Hi <svg onload=alert(1)>,');
    expect(mail.html).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(mail.html).not.toContain('<img');
    const { body, read } = parse(mail.html);
    expect(body.querySelectorAll('img, script, svg, b, [onerror], [onload], [onmouseover]')).toHaveLength(0);
    expect(read).toContain(`Device: ${HOSTILE}`);
    expect(read).toContain("Location: \"><script>alert(1)</script>, ' onmouseover='alert(1)");
    expect(read).toContain('IP address: <b>203.0.113.9</b>');
    expect(read).toContain('New sign-in to Acme & Co');
  });

  it('shows a hostile browser and OS as text too, and keeps a header line one line', () => {
    const mail = newDeviceMessage(
      alertOf({ device: { browser: '"onload="alert(1)', os: 'Windows\r\nBcc: everyone@example.com' } }),
      { appName: 'Acme' },
    );
    expect(mail.subject).toBe(
      'New sign-in to Acme from "onload="alert(1) on Windows Bcc: everyone@example.com',
    );
    expect(mail.subject).not.toMatch(/[\r\n]/);
    expect(mail.html).toContain('&quot;onload=&quot;alert(1) on Windows');
    expect(parse(mail.html).body.querySelectorAll('[onload]')).toHaveLength(0);
  });

  it('links the not-me URL in both bodies, says it works once and when it expires', () => {
    const mail = newDeviceMessage(alertOf(), { appName: 'Acme' });
    expect(mail.text).toContain(NOT_ME_URL);
    expect(mail.text).toContain(
      'The link signs out only that device. It works once and expires on Friday, March 13, 2026 at 3:05 PM UTC.',
    );
    const { links, read } = parse(mail.html);
    expect(links).toHaveLength(1);
    expect(links[0]?.getAttribute('href')).toBe(NOT_ME_URL);
    expect(read).toContain('It works once and expires on Friday, March 13, 2026');
    expect(read).not.toContain('account settings');
  });

  it('without a not-me URL, sends the reader to their account settings and links nothing', () => {
    const mail = newDeviceMessage(alertOf({}, null), { appName: 'Acme' });
    const settings =
      'If this was not you, open your Acme account settings, review the devices where you are signed in and sign that one out.';
    expect(mail.text).toContain(settings);
    expect(mail.text).not.toMatch(/https?:/);
    expect(mail.text).not.toContain('This wasn’t me');
    const { body, links, read } = parse(mail.html);
    expect(read).toContain(settings);
    expect(links).toHaveLength(0);
    expect(body.querySelectorAll('[href]')).toHaveLength(0);
  });

  it('suggests changing the password only when given the page, with its URL escaped in the attribute', () => {
    const url = `${PASSWORD_URL}?from=mail&lang=en`;
    const mail = newDeviceMessage(alertOf(), { appName: 'Acme', changePasswordUrl: url });
    expect(mail.text).toContain(
      `If you think someone else knows your password, change it now.\nChange your password: ${url}`,
    );
    expect(mail.html).toContain(`href="${PASSWORD_URL}?from=mail&amp;lang=en"`);
    const { links } = parse(mail.html);
    expect(links.map((a) => [a.textContent, a.getAttribute('href')])).toContainEqual([
      'Change your password',
      url,
    ]);

    const without = newDeviceMessage(alertOf(), { appName: 'Acme' });
    expect(without.text).not.toContain('password');
  });

  it('refuses a link that is not http(s), naming the option', () => {
    for (const bad of [
      'javascript:alert(1)',
      'JavaScript:alert(1)',
      'data:text/html,<script>',
      '/relative',
      '',
    ]) {
      expect(() => newDeviceMessage(alertOf(), { appName: 'Acme', changePasswordUrl: bad })).toThrow(
        new TypeError('newDeviceMessage: changePasswordUrl must be an absolute http: or https: URL.'),
      );
      expect(() => newDeviceMessage(alertOf({}, bad), { appName: 'Acme' })).toThrow(/alert\.notMeUrl/);
    }
    expect(() => newDeviceMessage(alertOf(), { appName: '  ' })).toThrow(TypeError);
  });

  it("reads a regional tag by its language ('de-AT' is German), and anything unknown as English", () => {
    const austrian = newDeviceMessage(alertOf(), { appName: 'Acme', locale: 'de-AT' });
    expect(austrian.subject).toBe('Neue Anmeldung bei Acme mit Chrome unter Windows');
    expect(parse(austrian.html).root.getAttribute('lang')).toBe('de-AT');
    expect(newDeviceMessage(alertOf(), { appName: 'Acme', locale: 'FR-ca' }).subject).toBe(
      'Nouvelle connexion à Acme depuis Chrome sur Windows',
    );
    for (const locale of ['pt-BR', 'xx', 'not a locale', 'ja']) {
      const mail = newDeviceMessage(alertOf(), { appName: 'Acme', locale });
      expect(mail.subject).toBe('New sign-in to Acme from Chrome on Windows');
      expect(parse(mail.html).root.getAttribute('lang')).toBe('en');
    }
  });

  it('names an unknown device as such and leaves out a place and an address it does not know', () => {
    const mail = newDeviceMessage(alertOf({ device: null, location: null, ipAddress: null }), {
      appName: 'Acme',
    });
    expect(mail.subject).toBe('New sign-in to Acme from an unknown device');
    expect(mail.text).toContain('Device: Unknown device');
    expect(mail.text).not.toContain('Location:');
    expect(mail.text).not.toContain('IP address:');
    expect(newDeviceMessage(alertOf({ device: { browser: 'Safari' } }), { appName: 'Acme' }).subject).toBe(
      'New sign-in to Acme from Safari',
    );
    expect(
      newDeviceMessage(alertOf({ device: { name: 'Ana’s Pixel', browser: 'Chrome', os: 'Android' } }), {
        appName: 'Acme',
        locale: 'es',
      }).subject,
    ).toBe('Nuevo inicio de sesión en Acme desde Ana’s Pixel');
  });

  it("turns the manager's own alert into a mail whose button ends that sign-in", async () => {
    const alerts: NewDeviceAlert[] = [];
    const h = createHarness({
      manager: {
        history: {
          onNewDevice: (alert) => {
            alerts.push(alert);
          },
          notMe: {
            secret: 'a-test-secret-of-at-least-thirty-two-characters',
            url: 'http://localhost/api/sessions/not-me',
            landingUrl: 'http://localhost/not-me',
          },
        },
      },
    });
    await h.device('ana', UA.chromeMac);
    const phone = await h.device('ana', UA.safariIphone, '198.51.100.7');
    await expect.poll(() => alerts.length).toBe(1);
    const mail = newDeviceMessage(alerts[0] as NewDeviceAlert, { appName: 'Acme', locale: 'en' });
    expect(mail.subject).toBe('New sign-in to Acme from Safari on iPhone');
    // T0 is Thursday, January 15, 2026, noon UTC; the link lives 7 days.
    expect(mail.text).toContain('Time: Thursday, January 15, 2026 at 12:00 PM UTC');
    expect(mail.text).toContain('expires on Thursday, January 22, 2026 at 12:00 PM UTC');
    expect(T0).toBe(Date.UTC(2026, 0, 15, 12));

    const button = new URL(parse(mail.html).links[0]?.getAttribute('href') ?? '');
    const opened = await h.call(null, 'GET', `${button.pathname}${button.search}`);
    expect(opened.headers.get('location')).toBe('http://localhost/not-me?result=reported');
    expect(h.liveIds('ana')).not.toContain(phone.sessionId);
  });
});
