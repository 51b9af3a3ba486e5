import { describe, expect, it } from 'vitest';
import { keepShownFirst, topExcerpt, topGuess, topShards, topUrl, type TopShard } from '../../src/lib/first-result.ts';
import { compareWords, findWords, idf, indexedWords, indexedWordStream, rankPages, termScores, titleScore, wordScore, type IndexedWord } from '../../src/lib/pagefind-index.ts';
import { shardKey, shardKeys, TOP_FILES } from '../../src/lib/search-preload.ts';

describe('findWords', () => {
	const indexed = ['radiat', 'radiationharden', 'rad', 'cool', 'coolant', 'memori', 'constel', 'constellation’'];
	it('looks a word up by its longest indexed start, as Pagefind does with its stem, with every word that extends that', () => {
		expect(findWords('radiators', indexed)).toEqual({ stem: 'radiat', words: ['radiat', 'radiationharden'] });
		expect(findWords('cooling', indexed)).toEqual({ stem: 'cool', words: ['cool', 'coolant'] });
		expect(findWords('memory', indexed)).toEqual({ stem: 'memori', words: ['memori'] });
		expect(findWords('constellation', indexed)).toEqual({ stem: 'constel', words: ['constel', 'constellation’'] });
	});
	it('takes a word being typed as it is, and finds nothing for an unknown word', () => {
		expect(findWords('radia', ['radiat', 'radio']).words).toEqual(['radiat']);
		expect(findWords('zenith', indexed).words).toEqual([]);
	});
});

describe('wordScore', () => {
	// Scores Pagefind 1.6 returned on the 3,000-page bench site (3,082 indexed pages, 579.66 words on average),
	// with the title weighted 12: [weighted count, in title, page length, pages with the word, Pagefind's score].
	const seen: [number, 0 | 1, number, number, number][] = [
		[16, 1, 874, 320, 35.775], // "demand": a page with it in its title
		[11, 1, 586, 320, 35.711],
		[1, 0, 1046, 320, 2.775], // …and in the text only
		[1, 0, 587, 280, 3.999], // "cooling"
		[1, 0, 899, 280, 3.211],
		[11, 1, 586, 280, 37.814],
	];
	it('reproduces the scores Pagefind gives', () => {
		for (const [frequency, inTitle, length, pageCount, score] of seen)
			expect(Math.abs((wordScore(frequency, length, 579.66, 0, idf(pageCount, 3082)) + inTitle * titleScore(idf(pageCount, 3082))) / score - 1)).toBeLessThan(0.002);
	});
	// "own" on a page with "own" (24 of 82 pages find it) 4 times and "owner" (2 pages) once: Pagefind weighs
	// "owner" by the rarity of "own", the query word, not by its own.
	it('weighs every form a query word finds by the query word’s rarity', () => {
		const termIdf = idf(24, 82);
		expect(wordScore(4, 794, 329.43, 0, termIdf) + wordScore(1, 794, 329.43, 2, termIdf)).toBeCloseTo(3.704, 2);
	});
	it('scores a longer word that extends the query lower than the word itself', () => {
		expect(wordScore(3, 500, 500, 4, 2)).toBeLessThan(wordScore(3, 500, 500, 0, 2));
	});
});

describe('rankPages', () => {
	// [page, weighted count, page length, in title, weighted count on its own]. "Heatshield" is indexed whole
	// and as "heat" at the same three places on page d: "heat" counts them twice there (as Pagefind does when
	// the query finds both), "heatshield" on its own counts them once.
	const words = new Map<string, IndexedWord>([
		['heat', { termPages: 4, complete: true, hits: [['a', 1, 500, 0, 1], ['b', 4, 500, 0, 4], ['c', 1, 500, 1, 1], ['d', 6, 500, 0, 3]] }],
		['heatshield', { termPages: 1, complete: true, hits: [['d', 0, 500, 0, 3]] }],
		['shield', { termPages: 2, complete: true, hits: [['a', 2, 500, 0, 2], ['d', 5, 500, 0, 5]] }],
	]);
	const score = (query: string, page: string) => rankPages(query, words, 100, 500).pages.find(([p]) => p === page)?.[1];
	it('ranks a title match first, then the most occurrences', () => {
		expect(rankPages('heat', words, 100, 500).pages.map(([p]) => p)).toEqual(['c', 'd', 'b', 'a']);
	});
	it('counts the places a longer word shares with a shorter one with the shorter one when the query finds both, else with the longer one', () => {
		expect(score('heat', 'd')).toBeCloseTo(wordScore(6, 500, 500, 0, idf(4, 100)), 10);
		expect(score('heatshield', 'd')).toBeCloseTo(wordScore(3, 500, 500, 0, idf(1, 100)), 10);
	});
	it('leaves room above the known score of a page where several found words stand, since Pagefind may add their shared places up differently', () => {
		const heat = termScores('heat', words, 100, 500);
		expect(heat.unknown('b')).toBe(0);
		expect(heat.unknown('d')).toBeCloseTo(wordScore(3, 500, 500, 0, idf(4, 100)) + wordScore(3, 500, 500, 6, idf(4, 100)), 10);
	});
	it('keeps only the pages every word of the query finds', () => {
		expect(rankPages('heat shield', words, 100, 500).pages.map(([p]) => p)).toEqual(['d', 'a']);
		expect(rankPages('heat zenith', words, 100, 500).pages).toEqual([]);
	});
});

describe('the first-result files', () => {
	// Pagefind's metadata ([version, [hash, word count][]]) and one index chunk ([[word, postings]]).
	const meta = ['1.6.0', [['p0', 500], ['p1', 500], ['p2', 100], ['p3', 500]]];
	const chunk = [[
		['orbit', [[0, [-25, 10], []], [1, [-25, 10, 20, 30], []], [1, [-25, 5], []]]],
		['orbital', [[3, [-25, 7], [-1, 0]]]],
		['radiat', [[3, [-25, 4], [-1, 2]]]],
		['ai', [[0, [-25, 1], []]]],
	]];
	const shards = topShards(meta, [chunk]);
	it('are all written, and a word is in the file of its first three letters; words too short to search for are left out', () => {
		expect(shards.size).toBe(TOP_FILES);
		expect(Object.keys(shards.get(shardKey('orb'))!.words)).toEqual(expect.arrayContaining(['orbit', 'orbital']));
		expect([...shards.values()].flatMap((s) => Object.keys(s.words)).sort()).toEqual(['orbit', 'orbital', 'radiat']);
		expect(shardKey('orbit')).toBe(shardKey('orbital'));
		expect(Number(shardKey('über'))).toBeLessThan(TOP_FILES);
		expect(shardKeys('Orbital radiators, orbit')).toEqual([shardKey('orb'), shardKey('rad')].filter((k, i, a) => a.indexOf(k) === i));
	});
	it('include, for a word ending in "y", the file of its stem ending in "i", where the stemmer put it', () => {
		// "why" is indexed as "whi", whose first three letters are another file's.
		const stemmed = topShards(meta, [[[['whi', [[2, [-25, 3], []]]]]]]);
		expect(shardKey('why')).not.toBe(shardKey('whi'));
		const fetched = new Map(shardKeys('why').map((k) => [k, stemmed.get(k)!]));
		expect(topGuess('why', fetched)).toMatchObject({ hash: 'p2', words: ['whi'] });
	});
	it('give the page the search ranks first, with the indexed words to mark', () => {
		expect(topGuess('radiators', shards)).toMatchObject({ hash: 'p3', words: ['radiat'] });
		expect(topGuess('orbit', shards)?.hash).toBe('p3');
		expect(topGuess('orbit radiators', shards)?.hash).toBe('p3');
	});
	it('give nothing when no page is known for every word', () => {
		expect(topGuess('zenith', shards)).toBeUndefined();
		expect(topGuess('radiators zenith', shards)).toBeUndefined();
		expect(topGuess('ai', shards)).toBeUndefined();
	});
	it('survive a trip through JSON', () => {
		const back = new Map([...shards].map(([k, v]) => [k, JSON.parse(JSON.stringify(v)) as TopShard]));
		expect(topGuess('orbital', back)).toEqual(topGuess('orbital', shards));
	});
});

describe('reading the index one chunk at a time', () => {
	const meta = ['1.6.0', [['p0', 500], ['p1', 400], ['p2', 100]]];
	// Two chunks in the index's order. "stoke" and "stoke’" share a place on p0 (a possessive), across the
	// chunk boundary; "stokes" also starts with "stoke" and adds p2 to the pages "stoke" finds.
	const first = [[['radiat', [[0, [-25, 3], []]]], ['stoke', [[0, [-25, 5, 7], [-1, 0]], [1, [-25, 2], []]]]]];
	const second = [[['stokes', [[2, [-25, 1], []]]], ['stoke’', [[0, [-25, 12], []]]], ['zenith', [[1, [-25, 4], []]]]]];

	it('gives each word what the whole index gives it: its pages, the pages of the words that extend it, shared places counted once', () => {
		const { words } = indexedWords(meta, [second, first]);
		expect([...words.keys()]).toEqual(['radiat', 'stoke', 'stokes', 'stoke’', 'zenith']);
		expect(words.get('stoke')).toEqual({ termPages: 3, complete: true, hits: [['p0', 3, 500, 1, 2], ['p1', 1, 400, 0, 1]] });
		expect(words.get('stoke’')).toEqual({ termPages: 1, complete: true, hits: [['p0', 0, 500, 0, 1]] });
		expect(words.get('zenith')!.termPages).toBe(1);
	});
	it('holds only the chunk being read: a word is given as soon as the next word does not extend it', () => {
		const read: number[] = [];
		function* chunks() {
			read.push(1);
			yield first;
			read.push(2);
			yield second;
		}
		const stream = indexedWordStream(meta, chunks());
		expect(stream.next().value).toMatchObject({ word: 'radiat', order: 0 });
		expect(read).toEqual([1]);
		expect([...stream].map((w) => w.word)).toEqual(['stokes', 'stoke’', 'stoke', 'zenith']);
	});
	it('fails, saying what to re-fit, when the chunks are not in word order', () => {
		expect(() => [...indexedWordStream(meta, [second, first])]).toThrow(/no longer in word order.*Re-fit indexedWordStream in src\/lib\/pagefind-index\.ts/);
	});
	it('orders words by code point, as Pagefind does, not by UTF-16 unit', () => {
		expect(compareWords('stoke', 'stokes')).toBeLessThan(0);
		expect(compareWords('\u{1F680}', '\uFF21')).toBeGreaterThan(0);
		expect('\u{1F680}' < '\uFF21').toBe(true);
	});
});

describe('topExcerpt', () => {
	const content = 'One two three radiators four five six seven <b> eight radiation nine ten eleven twelve';
	it('shows the densest run of matches, marked, with the rest escaped', () => {
		expect(topExcerpt(content, ['radiat'], 8)).toBe('… three <mark>radiators</mark> four five six seven &lt;b&gt; eight …');
	});
	// Pagefind's own choice, one word before the window it counted, is kept, so both excerpts are the same.
	it('takes the middle of equally dense windows, as Pagefind does', () => {
		expect(topExcerpt(content, ['radiat'], 3)).toBe('… two three <mark>radiators</mark> …');
	});
	it('shows a short page whole', () => {
		expect(topExcerpt('Radiators, radiating.', ['radiat'], 24)).toBe('<mark>Radiators,</mark> <mark>radiating.</mark>');
	});
});

describe('topUrl', () => {
	it('puts the page under the base and adds the highlight terms, as Pagefind does', () => {
		expect(topUrl('/', '/rocketry/nova/', 'heat shield')).toBe('/rocketry/nova/?highlight=heat&highlight=shield');
		expect(topUrl('/sub/', '/rocketry/nova/', ' Nova’s  S-1 ')).toBe('/sub/rocketry/nova/?highlight=novas&highlight=s1');
	});
});

describe('keepShownFirst', () => {
	const results = [{ id: 'a', score: 3 }, { id: 'b', score: 3 }, { id: 'c', score: 2 }];
	it('keeps the page already shown first when it scores the same as the first', () => {
		expect(keepShownFirst(results, 'b').map((r) => r.id)).toEqual(['b', 'a', 'c']);
	});
	it('leaves the order alone otherwise', () => {
		expect(keepShownFirst(results, 'c').map((r) => r.id)).toEqual(['a', 'b', 'c']);
		expect(keepShownFirst(results, undefined).map((r) => r.id)).toEqual(['a', 'b', 'c']);
		expect(keepShownFirst(results, 'z').map((r) => r.id)).toEqual(['a', 'b', 'c']);
	});
});

describe('topGuess leaves to Pagefind', () => {
	const shards = new Map<string, TopShard>([[shardKey('sta'), { pages: 10, avg: 100, words: { starship: [1, 1, 'p1', 3, 100, 1, 3] } }]]);
	it('a query with a term it cannot look up: a short one, or one with a symbol', () => {
		expect(topGuess('Starship', shards)?.hash).toBe('p1');
		expect(topGuess('Starship 12', shards)).toBeUndefined();
		// Pagefind drops the hyphen, and finds "starship12" by its longest indexed start, as the guess does.
		expect(topGuess('Starship-12', shards)?.hash).toBe('p1');
		expect(topGuess('Starship +', shards)).toBeUndefined();
		expect(topGuess('“Starship”', shards)?.hash).toBe('p1');
	});
});
