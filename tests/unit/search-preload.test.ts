import { describe, expect, it } from 'vitest';
import { chunksFor, type ChunkRange } from '../../src/lib/search-preload.ts';
import { decodeCbor, likelyPages } from '../../src/lib/pagefind-index.ts';

/** A tiny CBOR encoder for the test data (unsigned and negative integers, text, arrays). */
function cbor(v: unknown): number[] {
	const head = (major: number, n: number): number[] =>
		n < 24 ? [(major << 5) | n] : n < 256 ? [(major << 5) | 24, n] : n < 65536 ? [(major << 5) | 25, n >> 8, n & 255] : [(major << 5) | 26, (n >>> 24) & 255, (n >> 16) & 255, (n >> 8) & 255, n & 255];
	if (typeof v === 'number') return v >= 0 ? head(0, v) : head(1, -1 - v);
	if (typeof v === 'string') { const b = [...new TextEncoder().encode(v)]; return [...head(3, b.length), ...b]; }
	if (Array.isArray(v)) return [...head(4, v.length), ...v.flatMap(cbor)];
	throw new Error('unsupported');
}

describe('decodeCbor', () => {
	it('reads what Pagefind writes: integers, negative integers, text and arrays', () => {
		const value = ['1.6.0', [['en_abc', 586, '']], [-25, 300, 70000], [['a', 'b', 'en_1']]];
		expect(decodeCbor(new Uint8Array(cbor(value)))).toEqual(value);
	});
});

describe('chunksFor', () => {
	const chunks: ChunkRange[] = [['0', 'b', 'h1'], ['ba', 'heat', 'h2'], ['heav', 'radi', 'h3'], ['radia', 'zz', 'h4']];
	it('finds the chunk a word (or its stem) falls in', () => {
		expect(chunksFor('radiators', chunks)).toEqual(['h4']);
		expect(chunksFor('radi', chunks)).toEqual(['h3', 'h4']);
		expect(chunksFor('heat shield', chunks)).toEqual(['h2', 'h4']);
		expect(chunksFor('zebra', chunks)).toEqual(['h4']);
	});
	it('ignores words too short to tell, and caps how many chunks one query starts', () => {
		expect(chunksFor('an', chunks)).toEqual([]);
		expect(chunksFor('apple heat radiator zebra', chunks, 2)).toHaveLength(2);
	});
});

describe('likelyPages', () => {
	// Pages: [hash, word count]. Postings: [page delta, locations (a negative number sets the weight), title hits].
	const meta = ['1.6.0', [['p0', 500], ['p1', 500], ['p2', 100], ['p3', 500]]];
	const chunk = [[
		['orbit', [[0, [-25, 10], []], [1, [-25, 10, 20, 30], []], [1, [-25, 5], []]]],
		['radiat', [[3, [-25, 4], [-1, 2]]]],
	]];
	it('ranks a title match first, then the most occurrences for the length', () => {
		expect(likelyPages('radiators', meta, [chunk], 1)).toEqual(['p3']);
		expect(likelyPages('orbit', meta, [chunk], 3)).toEqual(['p1', 'p2', 'p0']);
	});
	it('gives nothing for a word the chunks do not hold', () => {
		expect(likelyPages('zenith', meta, [chunk])).toEqual([]);
	});
});
