// Serves the last build (dist/) the way a static host would: directory indexes, a 404 page, compressed text,
// and every header of dist/_headers (Cache-Control, the Content-Security-Policy, the security headers)
// applied by path, under BASE_PATH. `npm start` runs it after the build. PORT (default 4321) and HOST
// (default localhost) choose where it listens.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { serveStatic } from './lib/static-server.ts';

const dist = fileURLToPath(new URL('../dist', import.meta.url));
if (!existsSync(dist)) {
	console.error('serve: there is no dist/ yet; run `npm run build` first (or `npm start`, which builds and serves).');
	process.exit(1);
}
const base = `/${(process.env.BASE_PATH ?? '/').replace(/^\/+|\/+$/g, '')}/`.replace('//', '/');
const port = Number(process.env.PORT) || 4321;
const hostname = process.env.HOST ?? 'localhost';
try {
	const server = await serveStatic(dist, base, {}, { host: true, port, hostname });
	console.log(`serve: the site is at ${server.url}${base} (as a static host serves dist/, with its _headers); Ctrl+C stops it`);
} catch (error) {
	console.error(`serve: could not listen on ${hostname}:${port}: ${error.message}${error.code === 'EADDRINUSE' ? ' (another server is using it; set PORT=… to choose another port)' : ''}`);
	process.exit(1);
}
