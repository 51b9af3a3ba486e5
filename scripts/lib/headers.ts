/**
 * Reads a `_headers` file as Netlify and Cloudflare Pages apply it: every rule whose path pattern matches a
 * request adds its headers, so a header named in two matching rules is sent twice. Used by the static server
 * the benchmarks serve through, and by the tests of the rules the build writes.
 */

/** A `_headers` file as its blocks: a path pattern and the headers under it. */
export function parseHeaders(text: string): { pattern: string; headers: [string, string][] }[] {
	const blocks: { pattern: string; headers: [string, string][] }[] = [];
	for (const line of text.split('\n')) {
		if (!line.trim() || line.trim().startsWith('#')) continue;
		if (!/^\s/.test(line)) blocks.push({ pattern: line.trim(), headers: [] });
		else {
			const at = line.indexOf(':');
			if (at > 0 && blocks.length) blocks.at(-1)!.headers.push([line.slice(0, at).trim(), line.slice(at + 1).trim()]);
		}
	}
	return blocks;
}

/** Whether a `_headers` path pattern matches a request path; `*` matches any run of characters, "/" included. */
export function patternMatches(pattern: string, path: string): boolean {
	const re = new RegExp(`^${pattern.split('*').map((s) => s.replace(/[.+?^${}()|[\]\\]/g, '\\$&')).join('.*')}$`);
	return re.test(path);
}

/** Every value a host would send for `header` on `path`: one per matching rule that sets it. */
export function headerValues(blocks: ReturnType<typeof parseHeaders>, path: string, header: string): string[] {
	const name = header.toLowerCase();
	return blocks.filter((b) => patternMatches(b.pattern, path)).flatMap((b) => b.headers.filter(([k]) => k.toLowerCase() === name).map(([, v]) => v));
}
