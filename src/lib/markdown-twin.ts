/**
 * The Markdown twin of a built page, for language models, agents and anyone who wants the text: title,
 * address, "Last updated" and the sources' horizon, then the body with its headings, claims marked in words
 * ("*Reported:* …"), conflicts as a titled list of versions, open questions as quotes, links as absolute
 * URLs, and every citation as a numbered footnote giving publisher, title, date and address. It is made from
 * the page as built, so it reads citations, claims and conflicts exactly as the page shows them (the Markdown
 * plugin stays their only reader in the content); navigation and page chrome are left out.
 */
import { parseDocument } from 'htmlparser2';
import { isTag, isText, type AnyNode, type Element } from 'domhandler';
import { textContent } from 'domutils';
import { compile, selectAll, selectOne } from 'css-select';

/** A source as a footnote gives it. */
export interface TwinSource {
	publisher: string;
	title: string;
	date?: string | undefined;
	url: string;
}

export interface TwinOptions {
	/** The site's name, for the header. */
	site: string;
	/** Sources by id. */
	sources: ReadonlyMap<string, TwinSource>;
	/** Formats a YYYY[-MM[-DD]] date for people. */
	formatDate: (date: string) => string;
}

export interface Twin {
	title: string;
	description: string;
	/** The page's canonical, absolute URL. */
	url: string;
	markdown: string;
	/** The source ids of the footnotes, in order: those of the page's references list. */
	sources: string[];
}

/** Elements that are page chrome, not content. */
const SKIP = [
	'script', 'style', 'template', 'svg', 'button', 'form', 'input', 'select', 'label', 'dialog', 'progress', 'noscript',
	'[popover]', '[hidden]', '.heading-anchor', '.sr-only', 'nav', '.toc-inline', '.page-dates', '.references', '.cite-page',
	'.page-changes', '.related', '.prev-next', '.breadcrumbs', 'oca-cite', 'oca-search', '.search-ui', '.filter', '.jump', 'article > .description',
].join(',');

/**
 * The little of the DOM the conversion uses, over htmlparser2's light tree (several times cheaper to build
 * than a full DOM, which matters: a twin is made for every page of every build). Selectors are compiled once.
 */
type Node = AnyNode;
type El = Element;
const compiled = new Map<string, ReturnType<typeof compile>>();
const selector = (s: string) => compiled.get(s) ?? compiled.set(s, compile(s)).get(s)!;
const matches = (el: El, s: string) => selector(s)(el);
const attr = (el: El | null | undefined, name: string) => el?.attribs[name] ?? null;
const text = (node: Node | null | undefined) => (node ? textContent(node) : '');
const hasClass = (node: Node, c: string) => isTag(node) && (node.attribs.class ?? '').split(/\s+/).includes(c);

/** The character references Astro writes in attribute values. */
const decodeEntities = (text: string) => text.replace(/&(amp|lt|gt|quot|#39|#x27);/g, (_, e: string) => ({ amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'", '#x27': "'" })[e]!);

/** Escapes what Markdown would read as markup in running text. */
const escapeText = (text: string) => text.replace(/([\\`*_[\]<])/g, '\\$1');
const squash = (text: string) => text.replace(/\s+/g, ' ');

/** Makes the twin of one built page; `pageUrl` is its absolute URL, against which its links resolve. */
export function markdownTwin(html: string, pageUrl: string, options: TwinOptions): Twin {
	// Only <main> is built into a document (the head's two values are read off the text): building the whole
	// page's DOM costs several times more, and the twin is made for every page of every build.
	const from = html.indexOf('<main');
	const to = html.lastIndexOf('</main>');
	const document = parseDocument(from >= 0 && to > from ? html.slice(from, to + 7) : html);
	const main = (selectOne('main', document) ?? document) as unknown as El;
	const attribute = (pattern: RegExp) => decodeEntities(pattern.exec(html)?.[1] ?? '');
	const title = squash(text(selectOne('h1', main))).trim();
	const description = attribute(/<meta name="description" content="([^"]*)"/);
	const url = attribute(/<link rel="canonical" href="([^"]*)"/) || pageUrl;
	// The footnotes are the sources of the page's references list, in its order.
	const sources = selectAll('.references li[id^="ref-"]', main).map((li) => attr(li, 'id')!.slice(4));
	const number = new Map(sources.map((id, i) => [id, i + 1]));
	const absolute = (href: string) => new URL(href, pageUrl).href;

	const inline = (node: Node): string => {
		if (isText(node)) return escapeText(squash(node.data));
		if (!isTag(node)) return '';
		const el = node;
		const cite = matches(el, 'sup.cite');
		if (!cite && matches(el, SKIP)) return '';
		const inner = () => joinInline(el.children);
		const tag = el.name;
		if (cite) return selectAll('a[href^="#ref-"]', el).map((a) => `[^${number.get(attr(a, 'href')!.slice(5)) ?? '?'}]`).join('');
		if (tag === 'span' && hasClass(el, 'claim')) {
			const label = squash(text(selectOne('.label', el))).trim().replace(/:$/, '');
			const rest = el.children.filter((c) => !hasClass(c, 'label')).map(inline).join('').trim();
			return `*${label}:* ${rest}`;
		}
		if (tag === 'a') {
			const href = attr(el, 'href');
			const label = inner().trim();
			if (!href || href.startsWith('#ref-')) return label;
			return `[${label}](${absolute(href)})`;
		}
		if (tag === 'strong' || tag === 'b') return `**${inner().trim()}**`;
		if (tag === 'em' || tag === 'i' || tag === 'cite') return `*${inner().trim()}*`;
		if (tag === 'code') return `\`${text(el)}\``;
		if (tag === 'br') return '\n';
		return inner();
	};

	const joinInline = (nodes: Node[]) => nodes.reduce<[string, Node | undefined]>(([text, previous], n) => [glue(text, inline(n), previous, n), n], ['', undefined])[0];

	const blocks = (node: Node, out: string[], indent = ''): void => {
		if (isText(node)) {
			const line = inline(node).trim();
			if (line) out.push(indent + line);
			return;
		}
		if (!isTag(node) && node.type !== 'root') return;
		const el = node as El;
		if (isTag(node) && matches(el, SKIP)) return;
		const tag = isTag(node) ? el.name : '';
		const children = () => {
			// Runs of inline content between blocks make one paragraph.
			let run = '';
			const flush = () => {
				if (run.trim()) out.push(indent + run.trim());
				run = '';
			};
			let previous: Node | undefined;
			for (const c of el.children) {
				if (isText(c) || (isTag(c) && isInline(c))) {
					run = glue(run, inline(c), previous, c);
					previous = c;
				} else {
					previous = undefined;
					flush();
					blocks(c, out, indent);
				}
			}
			flush();
		};
		if (/^h[1-6]$/.test(tag)) {
			if (tag === 'h1') return;
			out.push(`${'#'.repeat(Number(tag[1]))} ${inline(el).trim()}`);
		} else if (tag === 'p') {
			const line = inline(el).trim();
			if (line) out.push(indent + line);
		} else if (tag === 'ul' || tag === 'ol') {
			let n = 0;
			const items: string[] = [];
			for (const li of el.children) {
				if (!isTag(li) || li.name !== 'li' || matches(li, SKIP)) continue;
				const marker = tag === 'ol' ? `${++n}. ` : '- ';
				const parts: string[] = [];
				blocks(li, parts, '');
				const [first = '', ...rest] = parts.join('\n').split('\n');
				items.push(`${indent}${marker}${first}${rest.map((l) => `\n${indent}${' '.repeat(marker.length)}${l}`).join('')}`);
			}
			if (items.length) out.push(items.join('\n'));
		} else if (tag === 'table') {
			const rows = selectAll('tr', el).map((tr) => selectAll('th, td', tr).map((c) => inline(c).trim().replace(/\|/g, '\\|')));
			if (rows.length) {
				const width = Math.max(...rows.map((r) => r.length));
				const line = (r: string[]) => `| ${Array.from({ length: width }, (_, i) => r[i] ?? '').join(' | ')} |`;
				out.push([line(rows[0]!), `|${' --- |'.repeat(width)}`, ...rows.slice(1).map(line)].join('\n'));
			}
		} else if (tag === 'aside' && hasClass(el, 'conflict')) {
			const heading = selectOne('.heading', el);
			const name = squash(text(heading)).replace(/^\s*Sources disagree\s*/, '').trim();
			out.push(`**Sources disagree: ${escapeText(name)}**`);
			for (const c of el.children) if (c !== heading) blocks(c, out, indent);
		} else if (tag === 'aside' && hasClass(el, 'open-question')) {
			const inner: string[] = [];
			const heading = selectOne('.heading', el);
			inner.push(`**${squash(text(selectOne('.label', heading ?? el)) || 'Open question').trim()}:** ${escapeText(squash(text(heading)).replace(/^\s*(Open question|Answered)\s*/, '').trim())}`);
			for (const p of selectAll('p:not(.heading)', el)) inner.push(inline(p).trim());
			out.push(inner.map((l) => `> ${l}`).join('\n>\n'));
		} else if (tag === 'figure') {
			// A chart: its data table and caption, not its drawing.
			children();
		} else if (tag === 'pre') {
			out.push(`\`\`\`\n${text(el)}\n\`\`\``);
		} else if (tag === 'blockquote') {
			const inner: string[] = [];
			for (const c of el.children) blocks(c, inner);
			out.push(inner.map((l) => `> ${l}`).join('\n'));
		} else children();
	};

	const body: string[] = [];
	blocks(main, body);
	const updated = attr(selectOne('.page-dates .updated time', main), 'datetime');
	const horizon = attr(selectOne('.page-dates .horizon time', main), 'datetime');
	const header = [
		`# ${escapeText(title)}`,
		description ? `> ${escapeText(description)}` : '',
		[
			`- Page: ${url}`,
			updated ? `- Last updated: ${options.formatDate(updated)}` : '',
			horizon ? `- Sources read to: ${options.formatDate(horizon)}` : '',
			`- From ${options.site}: every statement cites its sources; *Reported*, *Claim*, *Disputed* and *Unverified* say how sure a statement is.`,
		].filter(Boolean).join('\n'),
	].filter(Boolean);
	const notes = sources.map((id, i) => `[^${i + 1}]: ${footnote(options.sources.get(id), id, options.formatDate)}`);
	const markdown = [...header, ...body, ...(notes.length ? ['## Sources', notes.join('\n')] : [])].join('\n\n');
	return { title, description, url, markdown: `${markdown}\n`, sources };
}

/** One source as a footnote: publisher, *title*, date, address. */
export function footnote(source: TwinSource | undefined, id: string, formatDate: (date: string) => string): string {
	if (!source) return id;
	return `${escapeText(source.publisher)}, *${escapeText(source.title)}*${source.date ? `, ${formatDate(source.date)}` : ''}. [${source.url}](${source.url})`;
}

/**
 * Joins the Markdown of two neighbouring inline nodes. Two elements written side by side in the HTML (a date
 * and a label, two links) are laid out apart by CSS; in text they need a space, except before a citation.
 */
function glue(before: string, next: string, previous: Node | undefined, node: Node): string {
	const elements = !!previous && isTag(previous) && isTag(node);
	const citation = isTag(node) && matches(node, 'sup.cite');
	return elements && !citation && /[\p{L}\p{N})\]*.:]$/u.test(before) && /^[\p{L}\p{N}[*]/u.test(next) ? `${before} ${next}` : before + next;
}

const INLINE = new Set(['a', 'abbr', 'b', 'cite', 'code', 'em', 'i', 'span', 'strong', 'sup', 'sub', 'time', 'small', 'mark', 'br', 'q', 's', 'u']);
function isInline(el: El): boolean {
	return INLINE.has(el.name);
}

/**
 * Where a page's twin is served, beside the page: `/rocketry/nova/` → `/rocketry/nova.md`; the home page
 * (`base`) → `<base>index.md`.
 */
export function twinPath(pagePath: string, base = '/'): string {
	if (pagePath === base) return `${base}index.md`;
	return pagePath.endsWith('/') ? `${pagePath.slice(0, -1)}.md` : `${pagePath}.md`;
}
