/**
 * How often the first result shown before Pagefind has loaded (src/lib/first-result.ts) is the one Pagefind
 * then puts first: Pagefind runs in Chromium on the built site, the guess runs here on the files the build
 * wrote. Used by `npm run bench:first-result` and by the end-to-end tests.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { sameScore, topGuess, type TopShard } from '../../src/lib/first-result.ts';
import { PAGEFIND_RANKING } from '../../src/lib/pagefind-index.ts';
import { shardKeys, shardPath } from '../../src/lib/search-preload.ts';

/**
 * How close the model's score must be to Pagefind's: Pagefind scores in 32-bit floats, the model in 64-bit,
 * so they part in the fifth or sixth digit; a changed constant or formula moves scores by far more.
 */
export const MODEL_TOLERANCE = 1e-4;

export interface Agreement {
	queries: number;
	/** Queries the files answer before Pagefind has loaded. */
	shown: number;
	/** …whose early first result is Pagefind's first too, or scores the same as it (see keepShownFirst). */
	same: number;
	/** The others: query, the page shown early, Pagefind's first. */
	differ: [query: string, early: string, pagefind: string][];
	/** Queries where the model's score for the page it shows is not Pagefind's score for that page. */
	scores: [query: string, model: number, pagefind: number | null][];
}

/**
 * Compares, for each query, the early guess with Pagefind's first result. `page` shows any page of the built
 * site at `dist`, served under `base`.
 */
export async function firstResultAgreement(page: Page, dist: string, queries: readonly string[], base = '/'): Promise<Agreement> {
	const bundle = join(dist, 'pagefind');
	const firsts = await page.evaluate(async ([queries, ranking, base]) => {
		const pf = await import(/* @vite-ignore */ `${base}pagefind/pagefind.js`);
		await pf.options({ baseUrl: base, ranking, noWorker: true });
		await pf.init();
		const out: [string, number][][] = [];
		for (const q of queries) out.push(((await pf.search(q))?.results ?? []).slice(0, 20).map((r: { id: string; score: number }) => [r.id, r.score]));
		return out;
	}, [queries, PAGEFIND_RANKING, base] as const);
	const files = new Map<string, TopShard>();
	const file = (key: string) => {
		if (!files.has(key)) files.set(key, JSON.parse(readFileSync(join(bundle, shardPath(key)), 'utf8')) as TopShard);
		return files.get(key)!;
	};
	const result: Agreement = { queries: queries.length, shown: 0, same: 0, differ: [], scores: [] };
	queries.forEach((q, i) => {
		const guess = topGuess(q, new Map(shardKeys(q).map((k) => [k, file(k)])));
		if (!guess) return;
		result.shown++;
		const results = firsts[i]!;
		const mine = results.find(([id]) => id === guess.hash);
		if (!mine || Math.abs(guess.score - mine[1]) > MODEL_TOLERANCE * Math.abs(mine[1])) result.scores.push([q, guess.score, mine?.[1] ?? null]);
		if (mine && results[0] && sameScore(mine[1], results[0][1])) result.same++;
		else result.differ.push([q, guess.hash, results[0]?.[0] ?? '(none)']);
	});
	return result;
}
