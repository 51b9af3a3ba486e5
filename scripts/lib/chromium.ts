/**
 * The one place that finds Chromium, for the tests, the benchmarks and Lighthouse: Playwright's own when
 * installed, otherwise the system's (/usr/bin/chromium); CHROMIUM_PATH overrides both. And the flags it
 * runs with here (no sandbox as root; nothing that reaches for the network on its own).
 */
import { chromium } from '@playwright/test';
import { existsSync } from 'node:fs';

export const LAUNCH_ARGS = [
	'--no-sandbox',
	'--disable-gpu',
	'--disable-quic',
	'--no-first-run',
	'--disable-background-networking',
	'--disable-component-update',
	'--disable-sync',
];

/** The system's browsers, in the order they are tried after Playwright's own. */
export const SYSTEM_BROWSERS = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'];

/** What to do when no browser is found, as the tests and scripts print it. */
export const NO_BROWSER_HELP = [
	'',
	'No Chromium was found for the browser tests. Get one of these, then run `npm test` again:',
	'  • Debian or Ubuntu:  sudo apt-get update && sudo apt-get install -y chromium',
	'  • Playwright’s own:  npx playwright install chromium',
	'  • Any Chrome/Chromium already installed:  CHROMIUM_PATH=/path/to/chrome npm test',
	'',
].join('\n');

/**
 * The browser to launch: a path, undefined for Playwright's own, or null when there is none. CHROMIUM_PATH
 * wins; a CHROMIUM_PATH that names no file is an error.
 */
export function findChromium(): string | undefined | null {
	const override = process.env.CHROMIUM_PATH;
	if (override) {
		if (existsSync(override)) return override;
		throw new Error(`CHROMIUM_PATH is set to ${override}, but no file is there.`);
	}
	try {
		if (existsSync(chromium.executablePath())) return undefined;
	} catch {
		// Playwright's browser is not installed; fall through to the system's.
	}
	return SYSTEM_BROWSERS.find((candidate) => existsSync(candidate)) ?? null;
}

/** The browser to launch: a path, or undefined for Playwright's own. Exits with help when there is none. */
export function chromiumPath(): string | undefined {
	const found = findChromium();
	if (found !== null) return found;
	console.error(NO_BROWSER_HELP);
	process.exit(1);
}

/** The browser's executable as a path, for tools that need one (Lighthouse). */
export function chromiumExecutable(): string {
	return chromiumPath() ?? chromium.executablePath();
}
