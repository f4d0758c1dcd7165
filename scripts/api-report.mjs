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
      if (!typeOnly && target.flags & ts.SymbolFlags.Value)
        values.push([exported.name, kindOf(target), valueSignature(checker, target)]);
      else types.push([exported.name, typeSignature(checker, target)]);
    }
    const byName = (a, b) => (a < b ? -1 : a > b ? 1 : 0);
    values.sort(([a], [b]) => byName(a, b));
    types.sort(([a], [b]) => byName(a, b));
    return { ...entry, values, types };
  });
}

const FLAGS =
  ts.TypeFormatFlags.NoTruncation |
  ts.TypeFormatFlags.UseFullyQualifiedType |
  ts.TypeFormatFlags.WriteArrowStyleSignature;

/** A member list: `name?: type;` per property, as the checker resolves it. */
function members(checker, type, at) {
  return checker
    .getPropertiesOfType(type)
    .map((property) => {
      const optional = property.flags & ts.SymbolFlags.Optional ? '?' : '';
      const readonly =
        property.declarations?.some((d) => ts.getCombinedModifierFlags(d) & ts.ModifierFlags.Readonly) ??
        false;
      const text = checker.typeToString(checker.getTypeOfSymbolAtLocation(property, at), at, FLAGS);
      // A unique symbol's property name carries the checker's internal id (`__@BRAND@3489`), which moves
      // whenever any source changes: the report names it without the number.
      const name = property.name.replace(/^(__@\w+)@\d+$/, '$1');
      return `  ${readonly ? 'readonly ' : ''}${name}${optional}: ${text};`;
    })
    .join('\n');
}

/** A value's signature: a function's parameters and result, a class's constructor and instance members. */
function valueSignature(checker, symbol) {
  const at = symbol.valueDeclaration ?? symbol.declarations?.[0];
  const type = checker.getTypeOfSymbolAtLocation(symbol, at);
  if (symbol.flags & ts.SymbolFlags.Class) {
    const constructors = type
      .getConstructSignatures()
      .map(
        (signature) =>
          `  constructor${checker.signatureToString(signature, at, FLAGS).replace(/ => .*$/s, '')};`,
      );
    const instance = checker.getDeclaredTypeOfSymbol(symbol);
    return `class ${symbol.name} {\n${[...constructors, members(checker, instance, at)].filter(Boolean).join('\n')}\n}`;
  }
  return checker.typeToString(type, at, FLAGS);
}

/** A type's shape: an interface's members, an alias's resolved type. */
function typeSignature(checker, symbol) {
  const at = symbol.declarations?.[0];
  const type = checker.getDeclaredTypeOfSymbol(symbol);
  if (symbol.flags & ts.SymbolFlags.Interface)
    return `interface ${symbol.name} {\n${members(checker, type, at)}\n}`;
  return checker.typeToString(type, at, FLAGS | ts.TypeFormatFlags.InTypeAlias);
}

const block = (heading, code) => [`### ${heading}`, '', '```ts', code, '```', ''];

export function renderReport({ specifier, source, values, types }) {
  return [
    `# \`${specifier}\` — API report`,
    '',
    `<!-- Generated from ${source} by \`node scripts/api-report.mjs\`; the test command fails when the entry's exports or their signatures differ from this file. -->`,
    '',
    `## Values (${values.length})`,
    '',
    ...values.flatMap(([name, kind, signature]) => block(`\`${name}\` (${kind})`, signature)),
    `## Types (${types.length})`,
    '',
    ...types.flatMap(([name, signature]) => block(`\`${name}\``, signature)),
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

/** Each export's block (heading and code), by its heading. */
function blocks(text) {
  const found = new Map();
  for (const part of text.split(/^### /m).slice(1)) found.set(part.split('\n')[0], part);
  return found;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const stale = staleReports();
  if (process.argv.includes('--check')) {
    for (const { report, expected, committed } of stale) {
      const [now, before] = [blocks(expected), blocks(committed)];
      console.error(`✖ ${report} does not match the exports:`);
      for (const [heading, part] of now) {
        if (!before.has(heading)) console.error(`  + ${heading}`);
        else if (before.get(heading) !== part) console.error(`  ~ ${heading} (its signature changed)`);
      }
      for (const heading of before.keys()) if (!now.has(heading)) console.error(`  - ${heading}`);
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
