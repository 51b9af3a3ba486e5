/**
 * Authors write root-relative links ("/rocketry/nova/"); this prefixes the configured base
 * so the same content works at the root of a host and under a sub-path.
 */
import { visit } from 'unist-util-visit';
import { joinBase } from '../lib/url.ts';

interface Element {
	type: string;
	tagName?: string;
	properties?: Record<string, unknown>;
}

export default function rehypeBaseLinks(options: { base: string }) {
	return (tree: unknown) => {
		if (options.base === '/') return;
		visit(tree as never, 'element', (node: Element) => {
			const value = node.tagName === 'a' ? node.properties?.href : undefined;
			if (typeof value === 'string' && value.startsWith('/') && !value.startsWith('//'))
				node.properties!.href = joinBase(options.base, value);
		});
	};
}
