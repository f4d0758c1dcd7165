#!/usr/bin/env node
// The public surface of every entry point, by name, in api/<entry>.api.md: each exported value (with its
// kind) and each exported type. `node scripts/api-report.mjs` rewrites the reports; `--check` (a step of
// the test command, and a unit test) fails when the surface and the committed report differ, so a change
// to what hosts can import always shows in review.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** Each entry of package.json "exports" that has types: its import name, report file and source. */
export function entryPoints() {
  const { exports } = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8'));
  return Object.entries(exports)
    .filter(([, target]) => typeof target === 'object' && target.types)
    .map(([subpath, target]) => {
      const source = target.types.replace('./dist/types/', 'src/').replace(/\.d\.ts$/, '.ts');
      const name = subpath === '.' ? 'index' : subpath.slice(2).replaceAll('/', '-');
      return {
        specifier: subpath === '.' ? 'profilekit' : `profilekit/${subpath.slice(2)}`,
        source,
        report: `api/${name}.api.md`,
      };
    });
}

function kindOf(symbol) {
  const { flags } = symbol;
  if (flags & ts.SymbolFlags.Class) return 'class';
  if (flags & ts.SymbolFlags.Function) return 'function';
  if (flags & ts.SymbolFlags.Enum) return 'enum';
  return 'const';
}

/** The exports of each entry, as TypeScript sees them: values apart from type-only names. */
export function collectSurfaces() {
  const entries = entryPoints();
  const config = ts.getParsedCommandLineOfConfigFile(
    path.join(root, 'tsconfig.json'),
    {},
    {
      ...ts.sys,
      onUnRecoverableConfigFileDiagnostic: (d) => {
        throw new Error(ts.flattenDiagnosticMessageText(d.messageText, '\n'));
      },
    },
  );
  const program = ts.createProgram(
    entries.map((e) => path.join(root, e.source)),
    { ...config.options, noEmit: true },
  );
  const checker = program.getTypeChecker();
  return entries.map((entry) => {
    const file = program.getSourceFile(path.join(root, entry.source));
    const moduleSymbol = file && checker.getSymbolAtLocation(file);
    if (!moduleSymbol) throw new Error(`api-report: cannot read ${entry.source}`);
    const values = [];
    const types = [];
    for (const exported of checker.getExportsOfModule(moduleSymbol)) {
      const declaration = exported.declarations?.[0];
      const typeOnly =
        declaration !== undefined &&
        ts.isExportSpecifier(declaration) &&
        (declaration.isTypeOnly || declaration.parent.parent.isTypeOnly);
      const target = exported.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(exported) : exported;
      if (!typeOnly && target.flags & ts.SymbolFlags.Value) values.push([exported.name, kindOf(target)]);
      else types.push(exported.name);
    }
    const byName = (a, b) => (a < b ? -1 : a > b ? 1 : 0);
    values.sort(([a], [b]) => byName(a, b));
    types.sort(byName);
    return { ...entry, values, types };
  });
}

export function renderReport({ specifier, source, values, types }) {
  return [
    `# \`${specifier}\` — API report`,
    '',
    `<!-- Generated from ${source} by \`node scripts/api-report.mjs\`; the test command fails when the entry's exports differ from this file. -->`,
    '',
    `## Values (${values.length})`,
    '',
    ...values.map(([name, kind]) => `- \`${name}\` (${kind})`),
    '',
    `## Types (${types.length})`,
    '',
    ...types.map((name) => `- \`${name}\``),
    '',
  ].join('\n');
}

/** Reports whose committed text differs from the surface: [report, expected text, committed text]. */
export function staleReports() {
  return collectSurfaces()
    .map((surface) => {
      const file = path.join(root, surface.report);
      const expected = renderReport(surface);
      const committed = existsSync(file) ? readFileSync(file, 'utf8') : '';
      return { report: surface.report, expected, committed };
    })
    .filter(({ expected, committed }) => expected !== committed);
}

function lines(text) {
  return new Set(text.split('\n').filter((line) => line.startsWith('- ')));
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const stale = staleReports();
  if (process.argv.includes('--check')) {
    for (const { report, expected, committed } of stale) {
      const [now, before] = [lines(expected), lines(committed)];
      console.error(`✖ ${report} does not match the exports:`);
      for (const line of now) if (!before.has(line)) console.error(`  + ${line.slice(2)}`);
      for (const line of before) if (!now.has(line)) console.error(`  - ${line.slice(2)}`);
    }
    if (stale.length > 0) {
      console.error('Review the change, then run `node scripts/api-report.mjs` and commit api/.');
      process.exit(1);
    }
    console.log(`API reports match the exports (${entryPoints().length} entry points).`);
  } else {
    mkdirSync(path.join(root, 'api'), { recursive: true });
    for (const { report, expected } of stale) writeFileSync(path.join(root, report), expected);
    console.log(
      stale.length === 0 ? 'API reports are up to date.' : `Wrote ${stale.map((s) => s.report).join(', ')}.`,
    );
  }
}
