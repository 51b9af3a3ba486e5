import { defineConfig, devices } from '@playwright/test';
import { chromiumPath, LAUNCH_ARGS } from './scripts/lib/chromium.ts';

const executablePath = chromiumPath();
const launchOptions = { args: LAUNCH_ARGS, ...(executablePath ? { executablePath } : {}) };
const PORT = Number(process.env.PORT) || 4321;

export default defineConfig({
	testDir: 'tests/e2e',
	fullyParallel: true,
	workers: 2,
	forbidOnly: !!process.env.CI,
	retries: 0,
	reporter: [['list'], ['./tests/support/summary-reporter.ts']],
	timeout: 60_000,
	use: {
		baseURL: `http://localhost:${PORT}`,
		trace: 'retain-on-failure',
		// The atlas's service worker would answer requests that tests hold back or count with page.route() (which
		// does not see what a service worker answers); the offline tests allow it (tests/e2e/offline.spec.ts).
		serviceWorkers: 'block',
		launchOptions,
	},
	projects: [
		{ name: 'chromium', testIgnore: /dev-search\.spec\.ts$/, use: { ...devices['Desktop Chrome'], launchOptions } },
		// The dev server's tests time a file watcher and a re-index: they run once the builds of the other tests
		// are done, so two cores busy with production builds do not hold the dev server back.
		{ name: 'dev', testMatch: /dev-search\.spec\.ts$/, dependencies: ['chromium'], use: { ...devices['Desktop Chrome'], launchOptions } },
	],
	webServer: {
		command: `npx astro preview --port ${PORT} --host localhost`,
		url: `http://localhost:${PORT}/`,
		reuseExistingServer: !process.env.CI,
		timeout: 60_000,
	},
});
