/**
 * The site's Markdown plugin, for Astro's Sätteri processor (Markdown and MDX compiled in Rust). It
 * checks every <Cite>, <Entity> and <Claim> against the data files, numbers citations
 * in order of first appearance (the `n` attribute the component renders), checks the frontmatter
 * `sources` list, records the ordered citations as `citations` in the page's frontmatter, and
 * prefixes the configured base to root-relative Markdown links, so the same content works at the
 * root of a host and under a sub-path.
 */
import { readFileSync, statSync } from 'node:fs';
import { relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { load } from 'js-yaml';
import { defineHastPlugin, type PluginFactoryContext } from 'satteri';
import { splitIds } from '../lib/mentions.ts';
import { CLAIM_STATUSES } from '../lib/claims.ts';
import { joinBase } from '../lib/url.ts';
import { ContentError } from './content-errors.ts';

interface JsxAttribute {
	type: string;
	name?: string;
	value?: unknown;
}
interface JsxNode {
	type: string;
	name?: string | null;
	attributes: readonly JsxAttribute[];
	position?: { start: { line: number } };
}
interface AstroData {
	astro?: { frontmatter?: Record<string, unknown> };
}

const idCache = new Map<string, { mtime: number; ids: Set<string> }>();

/** Ids declared in a YAML list file; parsed again only when the file changes, so edits in dev are seen. */
function idsIn(path: string): Set<string> {
	const mtime = statSync(path).mtimeMs;
	const cached = idCache.get(path);
	if (cached?.mtime === mtime) return cached.ids;
	const list = load(readFileSync(path, 'utf8')) as { id: string }[] | null;
	const ids = new Set((list ?? []).map((item) => String(item.id)));
	idCache.set(path, { mtime, ids });
	return ids;
}

function attr(node: JsxNode, name: string): string | undefined {
	const a = node.attributes.find((x) => x.type === 'mdxJsxAttribute' && x.name === name);
	return typeof a?.value === 'string' ? a.value : undefined;
}

export interface AtlasMdastOptions {
	sourcesFile: string;
	entitiesFile: string;
}

export interface AtlasMarkdownOptions {
	sourcesFile: string;
	entitiesFile: string;
	/** The configured base path, prefixed to root-relative Markdown links. */
	base: string;
}

/** One hast plugin per document (a factory), so each page gets its own citation order and knows its file. */
export function atlasMarkdown(options: AtlasMarkdownOptions) {
	return (doc: PluginFactoryContext) => {
		const file = doc.fileURL ? fileURLToPath(doc.fileURL) : undefined;
		const sources = idsIn(options.sourcesFile);
		const entities = idsIn(options.entitiesFile);
		const order: string[] = [];
		const at = (node: JsxNode) => `${file ?? 'content'}:${node.position?.start.line ?? '?'}`;

		const mention = {
			filter: ['Cite', 'Entity', 'Claim'],
			visit(node: JsxNode, ctx: { setProperty: (node: never, key: string, value: unknown) => void }) {
				if (node.name === 'Cite') {
					const ids = splitIds(attr(node, 'id') ?? '');
					if (ids.length === 0) throw new ContentError(at(node), '<Cite> needs an id, e.g. <Cite id="s7" />.');
					for (const id of ids) {
						if (!sources.has(id))
							throw new ContentError(
								at(node),
								`<Cite id="${id}"> cites a source that does not exist.`,
								`add "${id}" to src/content/data/sources.yaml, or use one of its ids.`,
							);
						if (!order.includes(id)) order.push(id);
					}
					ctx.setProperty(node as never, 'n', ids.map((id) => order.indexOf(id) + 1).join(' '));
				} else if (node.name === 'Entity') {
					const id = attr(node, 'id');
					if (!id || !entities.has(id))
						throw new ContentError(
							at(node),
							`<Entity id="${id ?? ''}"> names a person or organisation that does not exist.`,
							'add it to src/content/data/entities.yaml, or use one of its ids.',
						);
				} else {
					const status = attr(node, 'status');
					if (!status || !(CLAIM_STATUSES as readonly string[]).includes(status))
						throw new ContentError(at(node), `<Claim status="${status ?? ''}"> must have a status of ${CLAIM_STATUSES.join(', ')}.`);
				}
			},
		};
		// Authors write root-relative links ("/rocketry/nova/"); under a sub-path they need the base in front.
		const baseLinks = {
			filter: ['a'],
			visit(node: { properties?: Record<string, unknown> }, ctx: { setProperty: (node: never, key: string, value: unknown) => void }) {
				const href = node.properties?.href;
				if (typeof href === 'string' && href.startsWith('/') && !href.startsWith('//')) ctx.setProperty(node as never, 'href', joinBase(options.base, href));
			},
		};

		return defineHastPlugin({
			name: 'atlas',
			options: { position: true },
			mdxJsxFlowElement: mention as never,
			mdxJsxTextElement: mention as never,
			...(options.base === '/' ? {} : { element: baseLinks as never }),
			after: (_root, ctx) => {
				const astro = ((ctx.data as AstroData).astro ??= {});
				const listed = astro.frontmatter?.sources;
				for (const id of Array.isArray(listed) ? listed : [])
					if (!sources.has(String(id)))
						throw new ContentError(file, `field "sources" lists "${id}", which is not a source.`, 'add it to src/content/data/sources.yaml, or use one of its ids.');
				if (!order.length && !(Array.isArray(listed) && listed.length))
					console.warn(`[atlas] ${relative(process.cwd(), file ?? 'content')}: cites no source. Add a <Cite id="…" /> before publishing.`);
				astro.frontmatter = { ...astro.frontmatter, citations: order };
			},
		});
	};
}
