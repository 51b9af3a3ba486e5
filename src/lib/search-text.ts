/**
 * Pure helpers for the search UI: reading and writing its URL state, and turning Pagefind's
 * excerpt HTML into plain text segments so nothing from the index or the query is ever parsed as markup.
 */

/** The longest query the UI searches for; longer input is cut, never rejected. */
export const MAX_QUERY = 200;

export interface SearchState {
	q: string;
	theme: string;
}

/** Reads ?q= and ?theme= from a URL's search string. */
export function readState(search: string): SearchState {
	const params = new URLSearchParams(search);
	return { q: (params.get('q') ?? '').slice(0, MAX_QUERY), theme: params.get('theme') ?? '' };
}

/** Writes the state into a URL's search string, dropping empty values; other parameters are kept. */
export function writeState(search: string, state: SearchState): string {
	const params = new URLSearchParams(search);
	for (const [key, value] of Object.entries(state)) {
		if (value) params.set(key, value);
		else params.delete(key);
	}
	const s = params.toString();
	return s ? `?${s}` : '';
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' };

/** Decodes the character references Pagefind writes into excerpts. */
export function decodeEntities(text: string): string {
	return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, ref: string) => {
		if (ref[0] === '#') {
			const code = ref[1] === 'x' || ref[1] === 'X' ? parseInt(ref.slice(2), 16) : parseInt(ref.slice(1), 10);
			return Number.isFinite(code) && code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
		}
		return ENTITIES[ref.toLowerCase()] ?? whole;
	});
}

/** One run of excerpt text, highlighted or not. */
export interface Segment {
	text: string;
	mark: boolean;
}

/**
 * Splits an excerpt into text segments on Pagefind's <mark> tags. Any other tag is dropped and its
 * text kept, so the result can be rendered with text nodes only.
 */
export function excerptSegments(html: string): Segment[] {
	const segments: Segment[] = [];
	let mark = false;
	for (const part of html.split(/(<\/?mark\b[^>]*>)/i)) {
		if (/^<mark\b/i.test(part)) mark = true;
		else if (/^<\/mark/i.test(part)) mark = false;
		else {
			const text = decodeEntities(part.replace(/<[^>]*>/g, ''));
			if (text) segments.push({ text, mark });
		}
	}
	return segments;
}
