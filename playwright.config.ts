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
	projects: [{ name: 'chromium', use: { ...devices['Desktop Chrome'], launchOptions } }],
	webServer: {
		command: `npx astro preview --port ${PORT} --host localhost`,
		url: `http://localhost:${PORT}/`,
		reuseExistingServer: !process.env.CI,
		timeout: 60_000,
	},
});
