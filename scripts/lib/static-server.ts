/**
 * Used by the deploy and CSP tests and by the benchmarks.
 *
 * A plain static file server that knows nothing of Astro, like a bare host or bucket: files under a
 * mount path, directory indexes (/a/ → a/index.html), a redirect from /a to /a/ for directories, and
 * 404.html for anything else. No rewrites. Optional extra headers (e.g. a CSP).
 *
 * With `host: true` it also does what a static host does on top (`npm start` and the benchmarks use it):
 * text and WebAssembly compressed (Brotli when the browser takes it, else gzip; Pagefind's own files are
 * gzip inside already and, like any `application/octet-stream`, go as they are), Last-Modified, and every
 * header of the output's `_headers` file that matches the path (Cache-Control, the Content-Security-Policy,
 * the security headers), a header set by several rules sent once with their values joined, as Netlify and
 * Cloudflare Pages do.
 */
import { createServer, type Server } from 'node:http';
import { brotliCompressSync, gzipSync, constants as zlib } from 'node:zlib';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { extname, join, normalize } from 'node:path';
import type { AddressInfo } from 'node:net';
import { headerValues, parseHeaders } from './headers.ts';

const TYPES: Record<string, string> = {
	'.html': 'text/html; charset=utf-8', '.css': 'text/css', '.js': 'text/javascript', '.mjs': 'text/javascript', '.json': 'application/json',
	'.svg': 'image/svg+xml', '.xml': 'application/xml', '.txt': 'text/plain; charset=utf-8', '.wasm': 'application/wasm', '.png': 'image/png', '.ico': 'image/x-icon',
};

export interface StaticServer {
	url: string;
	close: () => Promise<void>;
}

const COMPRESSED = /^(text\/|application\/(javascript|json|xml|wasm)|image\/svg)/;

export interface ServeOptions {
	/** Behave as a static host (see above). */
	host?: boolean;
	/** The port to listen on; 0 (the default) takes a free one. */
	port?: number;
	/** The address to listen on; 127.0.0.1 by default. */
	hostname?: string;
}

export async function serveStatic(root: string, mount = '/', headers: Record<string, string> = {}, { host = false, port: wanted = 0, hostname = '127.0.0.1' }: ServeOptions = {}): Promise<StaticServer> {
	const headerRules = host && existsSync(join(root, '_headers')) ? parseHeaders(readFileSync(join(root, '_headers'), 'utf8')) : [];
	const encoded = new Map<string, Buffer>();
	const server: Server = createServer((req, res) => {
		const url = new URL(req.url ?? '/', 'http://localhost');
		for (const [k, v] of Object.entries(headers)) res.setHeader(k, v);
		let path = decodeURIComponent(url.pathname);
		if (!path.startsWith(mount) && `${path}/` !== mount) return notFound();
		path = path.slice(mount.length - 1);
		if (`${path}/` === '/' || path === '') path = '/';
		const file = normalize(join(root, path));
		if (!file.startsWith(root)) return notFound();
		if (existsSync(file) && statSync(file).isDirectory()) {
			if (!path.endsWith('/')) {
				res.writeHead(301, { Location: `${url.pathname}/${url.search}` });
				return res.end();
			}
			return send(join(file, 'index.html'));
		}
		return send(file);

		function send(f: string) {
			if (!existsSync(f) || !statSync(f).isFile()) return notFound();
			const type = TYPES[extname(f)] ?? 'application/octet-stream';
			if (!host) {
				res.writeHead(200, { 'Content-Type': type });
				return res.end(readFileSync(f));
			}
			const out: Record<string, string> = { 'Content-Type': type, 'Last-Modified': statSync(f).mtime.toUTCString(), Vary: 'Accept-Encoding' };
			for (const name of new Set(headerRules.flatMap((b) => b.headers.map(([k]) => k.toLowerCase())))) {
				const values = headerValues(headerRules, path, name);
				if (values.length) out[name] = values.join(', ');
			}
			const accept = String(req.headers['accept-encoding'] ?? '');
			const encoding = !COMPRESSED.test(type) ? '' : /\bbr\b/.test(accept) ? 'br' : /\bgzip\b/.test(accept) ? 'gzip' : '';
			let body: Buffer = readFileSync(f);
			if (encoding) {
				// Keyed by the file's identity too, so a deploy swapped in under the same path is never served stale.
				const { mtimeMs, size } = statSync(f);
				const key = `${encoding}:${f}:${mtimeMs}:${size}`;
				let packed = encoded.get(key);
				if (!packed) encoded.set(key, (packed = encoding === 'br' ? brotliCompressSync(body, { params: { [zlib.BROTLI_PARAM_QUALITY]: 11 } }) : gzipSync(body, { level: 9 })));
				body = packed;
				out['Content-Encoding'] = encoding;
			}
			res.writeHead(200, out);
			res.end(req.method === 'HEAD' ? undefined : body);
		}
		function notFound() {
			const page = join(root, '404.html');
			res.writeHead(404, { 'Content-Type': 'text/html; charset=utf-8' });
			res.end(existsSync(page) ? readFileSync(page) : 'Not found');
		}
	});
	await new Promise<void>((resolve, reject) => {
		server.once('error', reject);
		server.listen(wanted, hostname, resolve);
	});
	const { port } = server.address() as AddressInfo;
	return { url: `http://${hostname}:${port}`, close: () => new Promise((r) => server.close(() => r())) };
}
