// What the server benches share: where they write their figures, the versions and load they report, a
// seeded PRNG (the same data on every run and on both sides of a comparison) and the user agents their
// sessions and log entries are written with.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository's folder. */
export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** An installed package's version. */
export const version = (name: string) =>
  (
    JSON.parse(readFileSync(path.join(root, 'node_modules', name, 'package.json'), 'utf8')) as {
      version: string;
    }
  ).version;

/** The machine's load averages over 1, 5 and 15 minutes, to two decimals. */
export const loadAverage = () => os.loadavg().map((l) => Math.round(l * 100) / 100);

/** Writes a bench's figures to bench/.out/`name`, where bench/run.mjs reads them; answers the file. */
export function writeResult(name: string, result: unknown) {
  mkdirSync(path.join(root, 'bench/.out'), { recursive: true });
  const file = path.join(root, 'bench/.out', name);
  writeFileSync(file, `${JSON.stringify(result, null, 2)}\n`);
  return file;
}

/** Median and tail of a bench's times (ms, to the microsecond): each the sample at or above its rank. */
export interface Stats {
  median: number;
  p95: number;
  p99: number;
  max: number;
  runs: number;
}
export const round3 = (ms: number) => Math.round(ms * 1000) / 1000;
export function stats(samples: readonly number[]): Stats {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)] as number;
  return {
    median: round3(at(0.5)),
    p95: round3(at(0.95)),
    p99: round3(at(0.99)),
    max: round3(at(1)),
    runs: sorted.length,
  };
}

/** A seeded PRNG in [0, 1): mulberry32. */
export function mulberry32(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Six browsers on six systems: every one parses to a device (type, browser, OS). */
export const USER_AGENTS = [
  'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.4 Safari/605.1.15',
  'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.0.0 Safari/537.36',
  'Mozilla/5.0 (X11; Linux x86_64; rv:127.0) Gecko/20100101 Firefox/127.0',
  'Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1',
  'Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.0.0 Mobile Safari/537.36',
  'Mozilla/5.0 (iPad; CPU OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1',
] as const;
