import type { Exchange, Identity } from './http.js';
import type { ConformanceReport, ConformanceResult } from './types.js';

// Enough of a body to see its shape and code; a whole page of HTML would drown the report.
const BODY_CHARS = 300;
// A 1,000-character hostile id still shows where it went without filling the screen.
const PATH_CHARS = 160;
// Shorter cookie values (a theme, a locale) are not credentials and would match ordinary text.
export const MIN_SECRET_LENGTH = 16;
const RELEVANT_HEADERS = ['content-type', 'cache-control', 'retry-after', 'location'];

export interface Secret {
  readonly value: string;
  readonly label: string;
}

/** Every credential the run holds, with the forms it could show up in (raw and URL-decoded). */
export function secretsOf(identities: readonly Identity[]): Secret[] {
  const secrets: Secret[] = [];
  for (const who of identities) {
    for (const [name, raw] of who.sessionCookies) {
      const forms = new Set([raw, raw.replace(/^"|"$/g, '')]);
      try {
        forms.add(decodeURIComponent(raw));
      } catch {
        // A value that is not URL-encoded has only its raw form.
      }
      for (const value of forms) {
        if (value.length >= MIN_SECRET_LENGTH)
          secrets.push({ value, label: `${who.label}'s ${name} cookie` });
      }
    }
  }
  // Longest first, so a value that contains another is masked whole.
  return secrets.sort((a, b) => b.value.length - a.value.length);
}

/** Masks every credential in a text, so a report can be pasted into an issue. */
export function redact(text: string, secrets: readonly Secret[]): string {
  let out = text;
  for (const { value, label } of secrets) out = out.split(value).join(`‹${label}›`);
  return out;
}

const cut = (text: string, max: number) =>
  text.length > max ? `${text.slice(0, max)}… (${text.length - max} more chars)` : text;

/** The body cut to BODY_CHARS, around `focus` when that lies beyond the cut. */
function excerpt(body: string, focus: string | undefined): string {
  const at = focus === undefined ? -1 : body.indexOf(focus);
  if (at < 0 || at + (focus?.length ?? 0) <= BODY_CHARS) return cut(body, BODY_CHARS);
  const start = Math.max(0, at - BODY_CHARS / 2);
  return `…(${start} chars before) ${cut(body.slice(start), BODY_CHARS + (focus?.length ?? 0))}`;
}

/** An exchange as indented lines: the request, the status with the headers that matter, the body. */
export function formatExchange(exchange: Exchange, secrets: readonly Secret[], focus?: string): string {
  const request = [exchange.who];
  if (exchange.csrf) request.push(`CSRF header ${exchange.csrf}`);
  if (exchange.requestBody !== undefined) request.push(`body ${cut(exchange.requestBody, 120)}`);
  const lines = [`${exchange.method} ${cut(exchange.path, PATH_CHARS)} (${request.join(', ')})`];
  if (exchange.status === 0) {
    lines.push(`← no answer: ${exchange.error ?? 'unknown error'}`);
  } else {
    const headers = RELEVANT_HEADERS.flatMap((name) => {
      const value = exchange.headers.get(name);
      return value === null ? [] : [`${name}: ${value}`];
    });
    // Cookie values are credentials: show which cookies were set or cleared, not their values.
    for (const line of exchange.headers.getSetCookie()) {
      headers.push(`set-cookie: ${line.replace(/^([^=;]*)=[^;]*/, '$1=‹value›')}`);
    }
    lines.push(`← ${exchange.status}${headers.length > 0 ? ` · ${headers.join(' · ')}` : ''}`);
    const body = exchange.text.replace(/\s*\n\s*/g, ' ').trim();
    lines.push(body === '' ? '(empty body)' : excerpt(body, focus));
  }
  return redact(lines.map((line) => `    ${line}`).join('\n'), secrets);
}

const MARK = { passed: '✔', failed: '✖', skipped: '⊘', 'not-run': '○' } as const;

/**
 * A result as the CLI prints it: `✔ rule`, `✖ rule — what broke` then the exchange, `⊘ rule — skipped:
 * why` (it did not apply: never a pass), `○ rule — not run: why` (something it needs broke first).
 */
export function formatResult(result: ConformanceResult): string[] {
  const head = `${MARK[result.status]} ${result.rule}${result.detail ? ` — ${result.detail}` : ''}`;
  return result.exchange ? [head, ...result.exchange.split('\n')] : [head];
}

export const formatSummary = (report: Pick<ConformanceReport, 'passed' | 'failed' | 'skipped' | 'notRun'>) =>
  `${report.passed} passed, ${report.failed} failed, ${report.skipped} skipped, ${report.notRun} not run`;
