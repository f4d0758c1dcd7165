// What importing the kit costs a host app: esbuild bundles and minifies the import exactly as a host's
// bundler would (react, react-dom and @tanstack/react-query stay the host's), then gzip and brotli.
import { readFileSync } from 'node:fs';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { build } from 'esbuild';

const HOST_PEERS = ['react', 'react-dom', '@tanstack/react-query'];
const KIT_DEPENDENCIES = Object.keys(
  JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')).dependencies,
);

// What a host pays per adapter: the core plus the adapter it talks to its backend with. The adapters load
// the user-agent parser (bowser) only when a row arrives without `device`, so it is measured apart.
export const adapterImports = {
  'core + rest':
    "export { SessionsProvider, SessionList, RevokeAllButton } from 'profilekit'; export { createRestSessionsProvider } from 'profilekit/rest';",
  'core + better-auth':
    "export { SessionsProvider, SessionList, RevokeAllButton } from 'profilekit'; export { createBetterAuthSessionsProvider } from 'profilekit/better-auth';",
  'the parser, loaded on demand': "export { default } from 'bowser';",
};

export const imports = {
  user: "export { SessionsProvider, SessionList, RevokeAllButton } from 'profilekit';",
  admin:
    "export { AdminSessionsProvider, AdminSessionsTable, AdminSessionStats, SessionDetails } from 'profilekit/admin';",
};

function packageOf(path) {
  const match = path.match(/node_modules\/((?:@[^/]+\/)?[^/]+)/);
  return match ? match[1] : 'profilekit (own code)';
}

/** Bundles one import; `ownOnly` leaves every dependency external to isolate the kit's own code. */
export async function measure(contents, { ownOnly = false, external = [] } = {}) {
  const result = await build({
    stdin: { contents, resolveDir: process.cwd(), loader: 'js' },
    // No tsconfig paths: 'profilekit' resolves through package.json's exports to the built dist/, as in a host.
    tsconfigRaw: {},
    bundle: true,
    minify: true,
    format: 'esm',
    platform: 'browser',
    write: false,
    metafile: true,
    logLevel: 'silent',
    define: { 'process.env.NODE_ENV': '"production"' },
    // Own code alone: every dependency stays out, so only the kit's modules are left in the bundle.
    external: [...HOST_PEERS, ...external, ...(ownOnly ? KIT_DEPENDENCIES : [])].flatMap((name) => [
      name,
      `${name}/*`,
    ]),
  });
  const code = result.outputFiles[0].contents;
  const byPackage = new Map();
  for (const output of Object.values(result.metafile.outputs)) {
    for (const [path, { bytesInOutput }] of Object.entries(output.inputs)) {
      const name = packageOf(path);
      byPackage.set(name, (byPackage.get(name) ?? 0) + bytesInOutput);
    }
  }
  return {
    minified: code.length,
    gzip: gzipSync(code, { level: 9 }).length,
    brotli: brotliCompressSync(code, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length,
    top: [...byPackage].sort((a, b) => b[1] - a[1]).slice(0, 8),
  };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  for (const [name, contents] of Object.entries(imports)) {
    const all = await measure(contents);
    const own = await measure(contents, { ownOnly: true });
    console.log(name, { all, own: { minified: own.minified, gzip: own.gzip, brotli: own.brotli } });
  }
}
