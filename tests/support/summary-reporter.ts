/** Ends the browser test run with one plain line, "e2e: N passed, N failed, N skipped", for CI logs. */
import type { FullResult, Reporter, TestCase, TestResult } from '@playwright/test/reporter';

export default class SummaryReporter implements Reporter {
	#passed = 0;
	#failed = 0;
	#skipped = 0;

	onTestEnd(test: TestCase, result: TestResult) {
		if (result.retry < test.retries && result.status !== 'passed') return;
		if (result.status === 'passed') this.#passed++;
		else if (result.status === 'skipped') this.#skipped++;
		else this.#failed++;
	}

	onEnd(_: FullResult) {
		console.log(`\ne2e: ${this.#passed} passed, ${this.#failed} failed, ${this.#skipped} skipped`);
	}

	printsToStdio() {
		return false;
	}
}
