/**
 * The new-device mail, ready for the host's own mailer: `onNewDevice`'s alert in, a subject, a plain-text
 * body and an HTML fragment out, in the kit's five locales. Web APIs only (Intl, URL): it runs wherever
 * the manager does. Every value from the session (its device comes from a user agent) is cleaned of
 * control and direction characters, and escaped in the HTML; links must be http(s).
 */
import type { NewDeviceAlert } from '../createSessionManager.js';
import { NEW_DEVICE_TEXTS, type NewDeviceMessageLocale, type NewDeviceTexts } from './newDeviceMessages.js';
import { notMeLinkExpiry } from './notMeLink.js';

export type { NewDeviceMessageLocale } from './newDeviceMessages.js';

export interface NewDeviceMessageOptions {
  /**
   * A BCP 47 tag. One of the five, or a tag whose language is one of them ('de-AT' is German, its dates
   * Austrian); anything else is English. @default 'en'
   */
  locale?: NewDeviceMessageLocale | (string & {});
  /** The product's name, as the reader knows it: in the subject and the body. */
  appName: string;
  /** The IANA time zone the sign-in's time is written in ('Europe/Berlin'), named in the text. @default 'UTC' */
  timeZone?: string;
  /** An http(s) page where the user changes their password: the mail suggests it as a second link. */
  changePasswordUrl?: string;
  /** The user's name, for the greeting. */
  userName?: string;
}

/** A mail to send as is: `text` and `html` are two alternatives of one body (multipart/alternative). */
export interface NewDeviceMessage {
  subject: string;
  text: string;
  /** A `<div lang dir>` fragment with inline styles, to place in the mailer's HTML body. */
  html: string;
}

const MAX_VALUE_LENGTH = 120;

/** One line of text: no control characters (a header stays one header), no direction overrides (no spoofed order), bounded. */
function clean(value: string | null | undefined): string | null {
  if (typeof value !== 'string') return null;
  const line = value
    .replace(/[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g, '')
    .replace(/[\p{Cc}\u2028\u2029\s]+/gu, ' ')
    .trim();
  if (line === '') return null;
  return line.length > MAX_VALUE_LENGTH ? `${line.slice(0, MAX_VALUE_LENGTH - 1)}…` : line;
}

const ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};
const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (char) => ESCAPES[char] ?? char);

/** The URL, normalized, when it is absolute http(s); a TypeError naming `name` otherwise. */
function httpUrl(value: unknown, name: string): string {
  let url: URL | null = null;
  try {
    url = typeof value === 'string' ? new URL(value) : null;
  } catch {
    url = null;
  }
  if (url === null || (url.protocol !== 'https:' && url.protocol !== 'http:')) {
    throw new TypeError(`newDeviceMessage: ${name} must be an absolute http: or https: URL.`);
  }
  return url.href;
}

/** The texts' locale and the tag dates are formatted in: 'de-AT' → German texts, Austrian dates. */
function resolveLocale(tag: string | undefined): { locale: NewDeviceMessageLocale; tag: string } {
  if (tag === undefined) return { locale: 'en', tag: 'en' };
  const language = String(tag).split(/[-_]/)[0]?.toLowerCase() ?? '';
  if (!Object.hasOwn(NEW_DEVICE_TEXTS, language)) return { locale: 'en', tag: 'en' };
  const locale = language as NewDeviceMessageLocale;
  try {
    const [canonical] = Intl.getCanonicalLocales(tag);
    return { locale, tag: canonical ?? locale };
  } catch {
    return { locale, tag: locale };
  }
}

function timeFormat(tag: string, timeZone: string): Intl.DateTimeFormat {
  try {
    return new Intl.DateTimeFormat(tag, {
      weekday: 'long',
      year: 'numeric',
      month: 'long',
      day: 'numeric',
      hour: 'numeric',
      minute: '2-digit',
      timeZone,
      timeZoneName: 'short',
    });
  } catch {
    throw new RangeError(
      `newDeviceMessage: timeZone must be an IANA time zone ('Europe/Berlin'), not ${JSON.stringify(timeZone)}.`,
    );
  }
}

/** A country given as an ISO code ('PT', as geo databases answer) by its name in the reader's language. */
function countryName(country: string, tag: string): string {
  if (!/^[A-Z]{2}$/.test(country)) return country;
  try {
    return new Intl.DisplayNames([tag], { type: 'region', fallback: 'code' }).of(country) ?? country;
  } catch {
    return country;
  }
}

function deviceOf(alert: NewDeviceAlert, texts: NewDeviceTexts): string | null {
  const device = alert.session.device;
  const name = clean(device?.name);
  if (name) return name;
  const browser = clean(device?.browser);
  const os = clean(device?.os);
  return browser && os ? texts.deviceName({ browser, os }) : (browser ?? os);
}

function placeOf(alert: NewDeviceAlert, texts: NewDeviceTexts, tag: string): string | null {
  const location = alert.session.location;
  const country = clean(location?.country);
  const parts = [clean(location?.city) ?? clean(location?.region), country && countryName(country, tag)];
  const known = parts.filter((part): part is string => Boolean(part));
  return known.length > 0 ? known.join(texts.placeSeparator) : null;
}

const STYLE = {
  box: "font-family:-apple-system,BlinkMacSystemFont,'Segoe UI',Roboto,Helvetica,Arial,sans-serif;font-size:16px;line-height:1.5;color:#1f2328;background:#ffffff;max-width:560px;margin:0 auto;padding:24px",
  heading: 'font-size:22px;line-height:1.3;font-weight:600;margin:0 0 16px',
  paragraph: 'margin:0 0 16px',
  details: 'margin:0 0 16px;padding:12px 16px;background:#f6f8fa;border-radius:6px',
  detail: 'margin:0',
  button:
    'display:inline-block;padding:12px 20px;background:#b42318;color:#ffffff;font-weight:600;text-decoration:none;border-radius:6px',
  link: 'color:#0550ae;text-decoration:underline',
  note: 'margin:0 0 16px;font-size:14px;color:#57606a',
} as const;

/**
 * The mail for a new-device alert: `onNewDevice: async (alert) => sendMail(to, newDeviceMessage(alert,
 * { appName: 'Acme', locale, timeZone }))`. With the alert's `notMeUrl` it carries a "This wasn't me"
 * button that signs that device out; without it, it sends the reader to their account settings.
 * Throws a TypeError for a link that is not http(s), a RangeError for an unknown time zone.
 */
export function newDeviceMessage(alert: NewDeviceAlert, options: NewDeviceMessageOptions): NewDeviceMessage {
  const appName = clean(options?.appName);
  if (appName === null) throw new TypeError('newDeviceMessage: appName must be a non-empty string.');
  const notMeUrl = alert.notMeUrl == null ? null : httpUrl(alert.notMeUrl, 'alert.notMeUrl');
  const changePasswordUrl =
    options.changePasswordUrl === undefined ? null : httpUrl(options.changePasswordUrl, 'changePasswordUrl');
  const { locale, tag } = resolveLocale(options.locale);
  const texts = NEW_DEVICE_TEXTS[locale];
  const time = timeFormat(tag, options.timeZone ?? 'UTC');

  const device = deviceOf(alert, texts);
  const place = placeOf(alert, texts, tag);
  const ipAddress = clean(alert.session.ipAddress);
  const expiry = notMeUrl === null ? null : notMeLinkExpiry(notMeUrl);
  const details: [label: string, value: string][] = [
    [texts.labels.device, device ?? texts.unknownDevice],
    ...(place ? [[texts.labels.place, place] as [string, string]] : []),
    ...(ipAddress ? [[texts.labels.ipAddress, ipAddress] as [string, string]] : []),
    [texts.labels.time, time.format(alert.session.createdAt)],
  ];
  const heading = texts.heading(appName);
  const greeting = texts.greeting(clean(options.userName));
  const notMeNote = texts.notMeLinkNote(expiry === null ? null : time.format(expiry));

  const text = [
    greeting,
    texts.intro(appName),
    details.map(([label, value]) => `${label} ${value}`).join('\n'),
    texts.ifItWasYou,
    notMeUrl ? `${texts.notMeAction}:\n${notMeUrl}\n${notMeNote}` : texts.reviewDevices(appName),
    ...(changePasswordUrl
      ? [`${texts.changePassword}\n${texts.changePasswordAction}: ${changePasswordUrl}`]
      : []),
    texts.footer(appName),
  ].join('\n\n');

  const e = escapeHtml;
  const p = (content: string, style: string = STYLE.paragraph) => `<p style="${style}">${content}</p>`;
  const html = [
    `<div lang="${e(tag)}" dir="${texts.rtl ? 'rtl' : 'ltr'}" style="${STYLE.box};text-align:${texts.rtl ? 'right' : 'left'}">`,
    `<h1 style="${STYLE.heading}">${e(heading)}</h1>`,
    p(e(greeting)),
    p(e(texts.intro(appName))),
    `<div style="${STYLE.details}">`,
    ...details.map(([label, value]) =>
      p(`<strong>${e(label)}</strong> <bdi>${e(value)}</bdi>`, STYLE.detail),
    ),
    '</div>',
    p(e(texts.ifItWasYou)),
    ...(notMeUrl
      ? [
          p(`<a href="${e(notMeUrl)}" style="${STYLE.button}">${e(texts.notMeAction)}</a>`),
          p(e(notMeNote), STYLE.note),
        ]
      : [p(e(texts.reviewDevices(appName)))]),
    ...(changePasswordUrl
      ? [
          p(
            `${e(texts.changePassword)} <a href="${e(changePasswordUrl)}" style="${STYLE.link}">${e(texts.changePasswordAction)}</a>`,
          ),
        ]
      : []),
    p(e(texts.footer(appName)), STYLE.note),
    '</div>',
  ].join('\n');

  return { subject: texts.subject(appName, device), text, html };
}
