// Modules a host has that this repository does not install, as the host's own tooling declares them: its
// bundler's CSS imports (vite/client, Next.js) and the GeoIP reader docs/server.md suggests.
declare module '*.css';

declare module 'maxmind' {
  const maxmind: { open(path: string): Promise<{ get(ip: string): unknown }> };
  export default maxmind;
}
