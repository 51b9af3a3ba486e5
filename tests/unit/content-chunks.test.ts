import { describe, expect, it } from 'vitest';
import { contentChunkGuard, contentEntriesDirect } from '../../src/integrations/content-chunks.ts';

/** Runs the guard's generateBundle over chunks given as name → module ids; returns the error it raised, if any. */
function guard(chunks: Record<string, string[]>): string | undefined {
	const plugin = contentChunkGuard();
	const bundle = Object.fromEntries(Object.entries(chunks).map(([name, moduleIds]) => [`${name}.mjs`, { type: 'chunk', name, moduleIds }]));
	let raised: string | undefined;
	const context = { error: (message: string) => { raised = message; throw new Error(message); } };
	try {
		(plugin.generateBundle as (this: unknown, o: unknown, b: unknown) => void).call(context, {}, bundle);
	} catch {
		// the message is kept in `raised`
	}
	return raised;
}

/** What the plugin resolves an id to, with a resolver that returns the id it is asked for. */
function direct(id: string): unknown {
	const { resolveId } = contentEntriesDirect() as unknown as { resolveId: { filter: { id: RegExp }; handler: (this: unknown, id: string, importer?: string, o?: object) => unknown } };
	if (!resolveId.filter.id.test(id)) return undefined;
	return resolveId.handler.call({ resolve: (to: string) => ({ id: to }) }, id, undefined, {});
}

describe('the compiled pages in the bundle', () => {
	const page = '/p/src/content/docs/rocketry/nova.mdx';
	it("resolves a page's wrapper to the page itself, and nothing else", () => {
		expect(direct(`${page}?astroPropagatedAssets`)).toEqual({ id: page });
		expect(direct(page)).toBeUndefined();
		expect(direct('/p/src/components/mdx/Cite.astro?astroPropagatedAssets')).toBeUndefined();
	});
	it('pass the guard when every page is one module', () => {
		expect(guard({ 'content-rocketry': [page], index: ['/p/src/scripts/toc.ts'] })).toBeUndefined();
	});
	it('fail loudly when a page is bundled under a query, as the wrappers would be under a new name', () => {
		expect(guard({ 'content-rocketry': [page], 'nova-wrapper': [`${page}?someNewQuery`] })).toMatch(/src\/content\/docs\/rocketry\/nova\.mdx\?someNewQuery.*Update WRAPPER in src\/integrations\/content-chunks\.ts/s);
	});
});
