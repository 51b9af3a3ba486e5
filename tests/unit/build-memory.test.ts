/**
 * The build's memory plan (scripts/lib/build-memory.mjs): a site whose build and index would not fit in
 * the budget together (8,000 MB, what the machine has if less, or ATLAS_BUILD_MEMORY_MB) is indexed after the
 * build, and says so; a budget that is not a number is refused with a message naming the variable.
 */
import { describe, expect, it } from 'vitest';
import { DEFAULT_BUDGET_MB, estimatePages, memoryBudget, MEMORY_ENV, searchPlan } from '../../scripts/lib/build-memory.mjs';
import { ROOT } from '../../scripts/lib/copy-project.ts';

describe('searchPlan', () => {
	it('indexes beside the build while both fit in the budget', () => {
		const plan = searchPlan(3300, { mb: 8000, from: MEMORY_ENV });
		expect(plan.after).toBe(false);
		expect(plan.message).toBeUndefined();
	});

	it('indexes after the build when both at once would need more than the budget, and says why', () => {
		const plan = searchPlan(30300, { mb: 8000, from: MEMORY_ENV });
		expect(plan.after).toBe(true);
		expect(plan.besideMB).toBeGreaterThan(8000);
		expect(plan.afterMB).toBeLessThan(8000);
		expect(plan.message).toMatch(/^Search: about 30,300 pages need about [\d,]+ MB to be built and indexed at once, more than the 8,000 MB allowed by ATLAS_BUILD_MEMORY_MB; building first, then indexing \(about [\d,]+ MB at the peak\)\.$/);
	});

	it('says when it is the default budget that a site is too large for, and how to allow more', () => {
		const plan = searchPlan(30300, { mb: DEFAULT_BUDGET_MB, from: 'default' });
		expect(plan.after).toBe(true);
		expect(plan.message).toMatch(/more than the 8,000 MB the build keeps to unless ATLAS_BUILD_MEMORY_MB allows more; building first, then indexing/);
		expect(searchPlan(3300, { mb: DEFAULT_BUDGET_MB, from: 'default' }).after).toBe(false);
	});

	it('warns when even one after the other needs more than the budget', () => {
		const plan = searchPlan(30300, { mb: 4000, from: 'available' });
		expect(plan.after).toBe(true);
		expect(plan.message).toMatch(/more than the 4,000 MB available; .* That is still more than 4,000 MB: the build may run out of memory\.$/);
	});

	it('needs less memory one after the other than at once, at any size', () => {
		for (const pages of [100, 3000, 30000, 100000]) {
			const plan = searchPlan(pages, { mb: 1, from: MEMORY_ENV });
			expect(plan.afterMB).toBeLessThan(plan.besideMB);
		}
	});
});

describe('memoryBudget', () => {
	it('takes ATLAS_BUILD_MEMORY_MB when it is set', () => {
		expect(memoryBudget({ [MEMORY_ENV]: '8000' })).toEqual({ mb: 8000, from: MEMORY_ENV });
	});

	it('otherwise keeps to 8,000 MB, or to what the machine has available when that is less', () => {
		const budget = memoryBudget({});
		const available = Math.floor(process.availableMemory() / 2 ** 20);
		expect(budget).toEqual(available < DEFAULT_BUDGET_MB ? { mb: available, from: 'available' } : { mb: DEFAULT_BUDGET_MB, from: 'default' });
		expect(DEFAULT_BUDGET_MB).toBe(8000);
	});

	it.each(['8GB', '-1', '0', 'lots'])('refuses %j, naming the variable', (value) => {
		expect(() => memoryBudget({ [MEMORY_ENV]: value })).toThrow(`ATLAS_BUILD_MEMORY_MB must be a number of megabytes, like 8000; it is "${value}".`);
	});
});

it('estimates the pages of the atlas from its content: each page, article and entity, once per language', () => {
	// 24 articles, 1 page and 63 entities in three languages when this was written; the site grows.
	expect(estimatePages(ROOT)).toBeGreaterThanOrEqual(3 * 88);
});
