// Makes sure the browser tests have a Chromium, before `npm run test:e2e` starts Playwright. In order:
// CHROMIUM_PATH or a browser already installed (Playwright's own, else the system's); Playwright's installer
// (`playwright install chromium`, which needs its download host); Debian's `chromium` package when this
// runs as root on a machine with apt-get (as CI does); else one message that says what to do.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { findChromium, NO_BROWSER_HELP } from './lib/chromium.ts';

const found = () => findChromium() !== null;
const run = (command, args, timeout) => spawnSync(command, args, { stdio: 'inherit', timeout, env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } }).status === 0;

if (!found()) {
	console.log('browser: no Chromium found; trying Playwright’s installer');
	run('npx', ['playwright', 'install', 'chromium'], 180_000);
}
if (!found() && process.getuid?.() === 0 && existsSync('/usr/bin/apt-get')) {
	console.log('browser: installing Debian’s chromium package (running as root)');
	if (run('apt-get', ['update', '-qq'], 600_000)) run('apt-get', ['install', '-y', '-qq', 'chromium'], 900_000);
}
if (!found()) {
	console.error(NO_BROWSER_HELP);
	process.exit(1);
}
