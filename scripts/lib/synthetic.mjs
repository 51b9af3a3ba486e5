// Synthetic content for benchmarks: a copy of the project with N generated pages spread over the
// site's themes, each a realistic ~700-word article with headings, citations and entity links, committed
// to git with some history, as an editor's site is.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { copyProject, ROOT } from './copy-project.ts';
import { readData } from '../../src/lib/content-model.ts';

export { ROOT };
// The site's own themes, in navigation order: generated pages are spread over whatever themes.yaml lists.
const THEMES = readData(ROOT, 'themes').sort((a, b) => Number(a.order) - Number(b.order)).map((t) => t.id);
const WORDS = 'orbit launch booster stage engine methane radiator satellite cluster latency bandwidth solar panel reusable heat shield payload fairing contract lawsuit board founder investment valuation reactor grid demand compute chip memory radiation vacuum cooling constellation spectrum filing regulator schedule prototype hopper thrust propellant landing barge downrange trajectory insertion'.split(' ');
// Real prose has a long tail: a few words everywhere, most words on few pages. Pages draw from the domain
// words above plus ~3,000 generated ones with a Zipf-like skew, so a query matches a realistic share of pages.
const SYLLABLES = ['ka', 'lo', 'mi', 'ren', 'tor', 'va', 'sel', 'qui', 'dan', 'por', 'ex', 'un', 'bri', 'gal', 'nor', 'sti'];
const LEXICON = [];
for (let i = 0; LEXICON.length < 3000; i++) LEXICON.push(SYLLABLES[i % 16] + SYLLABLES[Math.floor(i / 16) % 16] + SYLLABLES[Math.floor(i / 256) % 16]);
// The domain words are spread through the ranks, from everywhere ("orbit") to rare ("trajectory").
WORDS.forEach((word, k) => LEXICON.splice(k * 60, 0, word));
/** Domain words from the middle of the distribution: what a reader would type, matching a minority of pages. */
export const QUERY_WORDS = WORDS.slice(8, 40);
const pick = (rand) => LEXICON[Math.min(LEXICON.length - 1, Math.floor(LEXICON.length * rand() ** 3))];
const SOURCES = ['s1', 's2', 's3', 's7', 's15', 's19', 's22', 's33', 's35', 's36', 's54', 's69'];
const ENTITIES = ['stoke-space', 'openai', 'spacex', 'google', 'sam-altman', 'elon-musk'];

/** Deterministic pseudo-random numbers, so every run builds the same site. */
function rng(seed) {
	let s = seed >>> 0;
	return () => ((s = (s * 1664525 + 1013904223) >>> 0) / 2 ** 32);
}

function paragraph(rand, words) {
	const out = [];
	for (let i = 0; i < words; i++) out.push(pick(rand));
	out[0] = out[0][0].toUpperCase() + out[0].slice(1);
	return `${out.join(' ')}<Cite id="${SOURCES[Math.floor(rand() * SOURCES.length)]}" />.`;
}

export function syntheticPage(i) {
	const rand = rng(i + 1);
	const theme = THEMES[i % THEMES.length];
	const sections = ['Background', 'Design', 'Numbers', 'Open questions'];
	const body = [
		paragraph(rand, 40),
		`The <Entity id="${ENTITIES[i % ENTITIES.length]}" /> angle matters here.`,
		...sections.flatMap((h) => [`## ${h} ${i}`, paragraph(rand, 70), paragraph(rand, 60)]),
	].join('\n\n');
	return {
		path: `src/content/docs/${theme}/bench-${String(i).padStart(5, '0')}.mdx`,
		// Most docs pages have no `updated` date (their "Last updated" then comes from git), as on a real site.
		text: `---\ntitle: Synthetic page ${i} on ${WORDS[i % WORDS.length]}\ndescription: A generated page for benchmarks, number ${i}.\norder: ${100 + i}\n${i % 4 === 0 ? 'updated: 2026-11-25\n' : ''}---\n\n${body}\n`,
	};
}

/** Writes the synthetic pages numbered `indices` into the project at `dir`. */
export function addSyntheticPages(dir, indices) {
	for (const i of indices) {
		const { path, text } = syntheticPage(i);
		mkdirSync(join(dir, path, '..'), { recursive: true });
		writeFileSync(join(dir, path), text);
	}
}

/** Runs git in `dir`, with a fixed identity; fails loudly. */
function git(dir, args, env = {}) {
	const r = spawnSync('git', args, { cwd: dir, encoding: 'utf8', env: { ...process.env, GIT_AUTHOR_NAME: 'Bench', GIT_AUTHOR_EMAIL: 'bench@example.org', GIT_COMMITTER_NAME: 'Bench', GIT_COMMITTER_EMAIL: 'bench@example.org', ...env }, maxBuffer: 1 << 28 });
	if (r.status !== 0) throw new Error(`git ${args.join(' ')} failed in ${dir}:\n${r.stderr}`);
	return r.stdout;
}

/**
 * Gives the generated pages the history an editor's site would have: the site, then the pages, then `edits`
 * rounds each changing a tenth of them (`touch(i, round)` rewrites generated page i), so the pages' dates
 * differ and `git log` has history to walk. With `git`, `dir` becomes a git checkout with one commit per
 * step, on successive days; without, the same edits are made and nothing is committed, so both builds have
 * the same pages.
 */
export function commitAsHistory(dir, pages, touch, { edits = 5, git: inGit = true } = {}) {
	const commit = (message, day) => {
		if (!inGit) return;
		const date = `2026-10-${String(day).padStart(2, '0')}T12:00:00Z`;
		git(dir, ['add', '-A']);
		git(dir, ['commit', '-q', '--no-verify', '--allow-empty', '-m', message], { GIT_AUTHOR_DATE: date, GIT_COMMITTER_DATE: date });
	};
	if (inGit) {
		writeFileSync(join(dir, '.gitignore'), 'node_modules/\ndist/\n.astro/\nmeasure-build.mjs\nrss.txt\n');
		git(dir, ['init', '-q', '-b', 'main']);
		git(dir, ['add', '-A', '--', '.', ':!src/content/docs/*/bench-*']);
	}
	commit('The site', 1);
	commit(`Add ${pages} generated pages`, 2);
	for (let e = 0; e < edits; e++) {
		for (let i = e; i < pages; i += 10) touch(i, e);
		commit(`Edit a tenth of the generated pages (${e + 1})`, 3 + e);
	}
	return dir;
}

/**
 * Leaves a project copy with its source language only: the first entry of languages.yaml, no translations.
 * The benchmarks' headline figures are for that site (the figures of earlier reports); `--languages all`
 * keeps every language, each building every page again (translated, or the English fallback).
 */
export function sourceLanguageOnly(dir) {
	const file = join(dir, 'src/content/data/languages.yaml');
	const [source] = readData(dir, 'languages');
	writeFileSync(file, `- id: ${source.id}
  name: ${JSON.stringify(source.name)}
  lang: ${source.lang}
  dir: ${source.dir}
`);
	rmSync(join(dir, 'src/content/translations'), { recursive: true, force: true });
}

/**
 * Copies the project to a temporary directory and adds `pages` synthetic pages with their history (see
 * commitAsHistory), committed to git unless `git` is false; with `languages: 'source'`, in the source
 * language only (see sourceLanguageOnly). Returns the directory.
 */
export function syntheticProject(pages, { git: inGit = true, languages = 'source' } = {}) {
	const dir = copyProject(`atlas-bench-${pages}-`);
	if (languages === 'source') sourceLanguageOnly(dir);
	addSyntheticPages(dir, Array.from({ length: pages }, (_, i) => i));
	commitAsHistory(dir, pages, (i, e) => appendEdit(dir, syntheticPage(i).path, e), { git: inGit });
	return dir;
}

/** An editor's small change to a page: one more sentence at its end. */
export function appendEdit(dir, path, e) {
	writeFileSync(join(dir, path), `${readFileSync(join(dir, path), 'utf8')}\nA later correction, number ${e + 1}<Cite id="s1" />.\n`);
}
