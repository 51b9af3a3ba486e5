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

/** The browser to launch: a path, or undefined for Playwright's own. Exits with help when there is none. */
export function chromiumPath(): string | undefined {
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
	for (const candidate of ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome']) {
		if (existsSync(candidate)) return candidate;
	}
	console.error(
		[
			'',
			'No Chromium was found for the browser tests. Get one of these, then run `npm test` again:',
			'  • Debian or Ubuntu:  sudo apt-get update && sudo apt-get install -y chromium',
			'  • Playwright’s own:  npx playwright install chromium',
			'  • Any Chrome/Chromium already installed:  CHROMIUM_PATH=/path/to/chrome npm test',
			'',
		].join('\n'),
	);
	process.exit(1);
}

/** The browser's executable as a path, for tools that need one (Lighthouse). */
export function chromiumExecutable(): string {
	return chromiumPath() ?? chromium.executablePath();
}
