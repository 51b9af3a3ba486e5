/**
 * Making the "Did you mean" vocabulary (see did-you-mean.ts) from the pages' text, at build time and in dev.
 * Kept apart from did-you-mean.ts, which the browser loads after a search that found little.
 */
import { normalizeTerm, type Vocabulary, type VocabularyTerm } from './did-you-mean.ts';
import { ownCopy } from './owned-strings.ts';

let segmenter: Intl.Segmenter | undefined;
/** Splits Chinese text into words (made once; the build's Node has the ICU data for it). */
const hanSegmenter = () => (segmenter ??= new Intl.Segmenter('zh', { granularity: 'word' }));

/** A token of running text: a letter, then letters, digits, apostrophes or hyphens, ending on a letter or digit. */
const TOKEN = /[\p{L}][\p{L}\p{N}'’-]*[\p{L}\p{N}]/gu;

const STOP = new Set('the and for that with from this was were are has have had its his her their they them into over than then also but not can will would could which who whom what when where while about after before been being more most such only other some these those there said says say his she him our out one two may might per via'.split(' '));

/** A word of the vocabulary: its forms as read ("Launch", "launch"), how often it was read and its boost. */
interface Word {
	forms: Form[];
	count: number;
	boost: number;
}
/** One form of a word, as read: its own copy of the text (see owned-strings.ts) and how often it was read. */
interface Form {
	form: string;
	count: number;
	word: Word;
}

/** Collects words and names from pages, then gives the vocabulary: names and titles first, then the most frequent words. */
export class VocabularyBuilder {
	#names = new Map<string, { display: string; weight: number }>();
	/** The words, by normalized key, in the order first read. */
	#words = new Map<string, Word>();
	/** Each counted form read, by its text. */
	#forms = new Map<string, Form>();
	/**
	 * What each token of running text adds, worked out once: most tokens recur, and the rules (possessive,
	 * length, hyphens, stop words, Chinese segmentation) give the same forms every time.
	 */
	#tokens = new Map<string, readonly Form[]>();

	/**
	 * A name or title, and each of its words with a boost. A title is kept whole when it is short enough to
	 * be typed (at most four words, no digits); a name (`whole`) always is.
	 */
	addName(text: string, weight = 50, whole = false) {
		const clean = text.replace(/\s+/g, ' ').trim();
		const key = normalizeTerm(clean);
		if (!key) return;
		const n = key.split(' ').length;
		if (n > 1 && (whole || (n <= 4 && clean.length <= 40 && !/\d/.test(key)))) {
			const known = this.#names.get(key);
			this.#names.set(key, { display: known?.display ?? clean, weight: (known?.weight ?? 0) + weight });
		}
		this.addText(clean, 5);
	}

	/**
	 * Running text: every word of three letters or more that is not a number or a stop word. Chinese, written
	 * without spaces, is split into its words first (Intl.Segmenter), and words of two characters count.
	 */
	addText(text: string, boost = 0) {
		for (const m of text.matchAll(TOKEN))
			for (const f of this.#tokenForms(m[0])) {
				if (f.count++ === 0) f.word.forms.push(f);
				f.word.count++;
				f.word.boost += boost;
			}
	}

	/** The forms a token of running text adds, in order (none for a stop word, a number or a short word). */
	#tokenForms(token: string): readonly Form[] {
		const known = this.#tokens.get(token);
		if (known) return known;
		const forms: Form[] = [];
		const form = token.replace(/['’]s$/, '');
		if (/\p{Script=Han}/u.test(token)) {
			for (const s of hanSegmenter().segment(token)) if (s.isWordLike && /^\p{Script=Han}{2,8}$/u.test(s.segment)) forms.push(this.#form(s.segment, normalizeTerm(s.segment)));
		} else if (form.length >= 3 && form.length <= 30) {
			if (/[-'’]/.test(form)) {
				for (const part of form.split(/[-'’]/)) if (part.length >= 3) for (const m of part.matchAll(TOKEN)) forms.push(...this.#tokenForms(m[0]));
			} else {
				const key = normalizeTerm(form);
				if (!STOP.has(key) && !/\d/.test(key)) forms.push(this.#form(form, key));
			}
		}
		this.#tokens.set(ownCopy(token), forms);
		return forms;
	}

	/** The form `text` of the word `key`, from the table of forms read. */
	#form(text: string, key: string): Form {
		let form = this.#forms.get(text);
		if (!form) {
			let word = this.#words.get(key);
			if (!word) this.#words.set(key, (word = { forms: [], count: 0, boost: 0 }));
			this.#forms.set(text, (form = { form: ownCopy(text), count: 0, word }));
		}
		return form;
	}

	/** The vocabulary: every name, then up to `maxWords` words, by weight. */
	build(maxWords = 8000): Vocabulary {
		const display = (forms: readonly Form[]) => {
			const lower = forms.find((f) => f.form === f.form.toLowerCase());
			if (lower && lower.count * 4 >= Math.max(...forms.map((f) => f.count))) return lower.form;
			return [...forms].sort((a, b) => b.count - a.count)[0]!.form;
		};
		const words = [...this.#words.values()]
			.filter((w) => w.count >= 2 || w.boost > 0)
			.map((w): VocabularyTerm => [display(w.forms), w.count + w.boost])
			.sort((a, b) => b[1] - a[1])
			.slice(0, maxWords);
		const names = [...this.#names.values()].map((n): VocabularyTerm => [n.display, n.weight]).sort((a, b) => b[1] - a[1]);
		return { version: 1, terms: [...names, ...words] };
	}
}

/** The text of a built page that search indexes: its title, headings and its `data-pagefind-body` text. */
export function pageText(html: string): { title: string; headings: string[]; body: string } {
	const bodyStart = html.search(/<[^>]+data-pagefind-body/);
	const title = /<h1[^>]*>([\s\S]*?)<\/h1>/.exec(html)?.[1] ?? '';
	const region = bodyStart >= 0 ? html.slice(bodyStart) : '';
	const headings = [...region.matchAll(/<h[2-3][^>]*>([\s\S]*?)<\/h[2-3]>/g)].map((m) => stripTags(m[1]!));
	// Whatever Pagefind ignores is left out too (navigation, citations' lists).
	const body = stripTags(region.replace(/<([a-z]+)[^>]*data-pagefind-ignore[^>]*>[\s\S]*?<\/\1>/g, ' ').replace(/<(script|style|template)[\s\S]*?<\/\1>/g, ' '));
	return { title: stripTags(title), headings, body };
}

function stripTags(html: string): string {
	return html
		.replace(/<[^>]*>/g, ' ')
		.replace(/&(amp|lt|gt|quot|#39|apos|nbsp);/g, (_, e: string) => ({ amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'", apos: "'", nbsp: ' ' })[e] ?? ' ')
		.replace(/&#x?[0-9a-f]+;/gi, ' ')
		.replace(/\s+/g, ' ')
		.trim();
}
