/**
 * Content integrity: what the knowledge base promises readers, checked on the source files.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { load } from 'js-yaml';
import { describe, expect, it } from 'vitest';
import { citedIds, mentionedEntities } from '../../src/lib/mentions';

const root = join(import.meta.dirname, '../..');
const yaml = <T>(p: string) => load(readFileSync(join(root, p), 'utf8')) as T;
const themes = yaml<{ id: string }[]>('src/content/data/themes.yaml');
const sources = yaml<{ id: string }[]>('src/content/data/sources.yaml');
const entities = yaml<{ id: string; sources: string[] }[]>('src/content/data/entities.yaml');
const events = yaml<{ id: string; date: string; themes: string[]; sources: string[]; pages: string[] }[]>('src/content/data/events.yaml');

interface Page { id: string; theme?: string | undefined; body: string; fm: Record<string, unknown> }
function readPage(file: string, id: string, theme?: string): Page {
	const [, fm = '', body = ''] = readFileSync(file, 'utf8').match(/^---\n([\s\S]*?)\n---\n([\s\S]*)$/) ?? [];
	return { id, theme, body, fm: (load(fm) ?? {}) as Record<string, unknown> };
}
const docsDir = join(root, 'src/content/docs');
const pages: Page[] = [
	...readdirSync(docsDir).flatMap((theme) =>
		readdirSync(join(docsDir, theme)).filter((f) => f.endsWith('.mdx')).map((f) => readPage(join(docsDir, theme, f), `${theme}/${f.slice(0, -4)}`, theme)),
	),
	...readdirSync(join(root, 'src/content/pages')).filter((f) => f.endsWith('.mdx')).map((f) => readPage(join(root, 'src/content/pages', f), f.slice(0, -4))),
].filter((p) => p.fm.draft !== true);
const words = (body: string) => body.replace(/<[^>]+>/g, ' ').split(/\s+/).filter((w) => /\w/.test(w)).length;

describe('pages', () => {
	it('has at least six published pages in every theme', () => {
		for (const t of themes) expect(pages.filter((p) => p.theme === t.id).length, t.id).toBeGreaterThanOrEqual(6);
	});
	it('has the story overview', () => {
		expect(pages.some((p) => p.id === 'story')).toBe(true);
	});
	it.each(pages.map((p) => [p.id, p] as const))('%s cites at least one source', (_, p) => {
		expect(citedIds(p.body).length + ((p.fm.sources as unknown[]) ?? []).length).toBeGreaterThan(0);
	});
	it.each(pages.map((p) => [p.id, p] as const))('%s runs 600–1,500 words and opens with a summary paragraph', (_, p) => {
		const n = words(p.body);
		expect(n).toBeGreaterThanOrEqual(600);
		expect(n).toBeLessThanOrEqual(1500);
		const first = p.body.trim().split(/\n\s*\n/)[0]!;
		expect(first.startsWith('#')).toBe(false);
	});
	it('links related pages that exist', () => {
		const ids = new Set(pages.map((p) => p.id));
		for (const p of pages) for (const r of (p.fm.related as string[]) ?? []) expect(ids.has(r), `${p.id} → ${r}`).toBe(true);
	});
});

describe('data collections', () => {
	const sourceIds = new Set(sources.map((s) => s.id));
	it('has at least 15 entities and 30 events', () => {
		expect(entities.length).toBeGreaterThanOrEqual(15);
		expect(events.length).toBeGreaterThanOrEqual(30);
	});
	it('uses every source somewhere: a page, an entity or an event', () => {
		const used = new Set([
			...pages.flatMap((p) => [...citedIds(p.body), ...((p.fm.sources as string[]) ?? [])]),
			...entities.flatMap((e) => e.sources),
			...events.flatMap((e) => e.sources),
		]);
		expect([...sourceIds].filter((id) => !used.has(id))).toEqual([]);
	});
	it('mentions every entity on at least one page', () => {
		const mentioned = new Set(pages.flatMap((p) => mentionedEntities(p.body)));
		expect(entities.map((e) => e.id).filter((id) => !mentioned.has(id))).toEqual([]);
	});
	it('dates every event, sorted oldest first, each with a theme and a known source', () => {
		const dates = events.map((e) => e.date);
		for (const e of events) {
			expect(e.date, e.id).toMatch(/^\d{4}(-\d{2}(-\d{2})?)?$/);
			expect(e.themes.length, e.id).toBeGreaterThan(0);
			expect(e.sources.length, e.id).toBeGreaterThan(0);
			for (const s of e.sources) expect(sourceIds.has(s), `${e.id} → ${s}`).toBe(true);
		}
		expect(dates).toEqual([...dates].sort());
	});
	it('links events only to pages that exist', () => {
		const ids = new Set(pages.map((p) => p.id));
		for (const e of events) for (const p of e.pages) expect(ids.has(p), `${e.id} → ${p}`).toBe(true);
	});
});
