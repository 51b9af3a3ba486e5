import { describe, expect, it } from 'vitest';
import { contentChunkGuard, ENTRY_WRAPPERS_CHUNK } from '../../src/integrations/content-chunks.ts';

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

describe('the content chunk guard', () => {
	const page = '/p/src/content/docs/rocketry/nova.mdx';
	it('passes when the wrappers went into their chunk', () => {
		expect(guard({ [ENTRY_WRAPPERS_CHUNK]: [`${page}?astroPropagatedAssets`], 'content-rocketry': [page] })).toBeUndefined();
	});
	it('fails loudly when compiled pages are bundled but no wrapper landed in its chunk', () => {
		expect(guard({ 'content-rocketry': [page], 'nova-wrapper': [`${page}?someNewQuery`] })).toMatch(/matched no entry wrapper.*content-chunks\.ts/s);
	});
	it('says nothing for a bundle without content (the client scripts)', () => {
		expect(guard({ index: ['/p/src/scripts/toc.ts'] })).toBeUndefined();
	});
});
