// Runs a command with a Node.js that Astro supports: `node scripts/node.mjs <command> [args…]`.
//
// Every npm script goes through here, so `npm install && npm start` and `npm test` work on a machine whose
// system Node is older than Astro 7 needs (>= 22.12; Debian 12 ships 20). When the Node running this file is
// too old, it installs Node 24 from the npm registry (the `node-<platform>-<arch>` package, the same one
// .ci/run used to install by hand) into a cache folder once, says so in one line, and runs the command with
// that Node first on the PATH, so the command and everything it starts (npm, npx, node) use it. With a
// supported Node it runs the command as it is. Written for any Node >= 18: no TypeScript, no dependencies.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { homedir } from 'node:os';
import { delimiter, join } from 'node:path';

const [major, minor] = process.versions.node.split('.').map(Number);
const supported = major > 22 || (major === 22 && minor >= 12);
const [command, ...args] = process.argv.slice(2);
if (!command) {
	console.error('usage: node scripts/node.mjs <command> [args…]');
	process.exit(2);
}

const env = { ...process.env };
if (!supported) {
	const platform = { linux: 'linux', darwin: 'darwin', win32: 'win' }[process.platform];
	const pkg = `node-${platform}-${process.arch}`;
	const prefix = process.env.ATLAS_NODE_CACHE ?? join(homedir(), '.cache', 'node24');
	const bin = join(prefix, 'node_modules', pkg, 'bin');
	const node = join(bin, process.platform === 'win32' ? 'node.exe' : 'node');
	if (!existsSync(node)) {
		console.log(`node: the system's Node ${process.version} is older than Astro needs (22.12); installing Node 24 (${pkg}) from the npm registry into ${prefix}, once`);
		mkdirSync(prefix, { recursive: true });
		const npm = spawnSync('npm', ['install', '--prefix', prefix, '--no-save', '--no-audit', '--no-fund', '--loglevel=error', `${pkg}@24`], { stdio: 'inherit', shell: process.platform === 'win32' });
		if (npm.status !== 0 || !existsSync(node)) {
			console.error(`node: could not install ${pkg}@24. Install Node.js 22.12 or newer (https://nodejs.org) and run the command again.`);
			process.exit(1);
		}
	}
	const version = spawnSync(node, ['--version'], { encoding: 'utf8' }).stdout.trim();
	console.log(`node: using Node ${version} from ${prefix} (the system's ${process.version} is older than Astro needs)`);
	env.PATH = `${bin}${delimiter}${env.PATH ?? ''}`;
}
const run = spawnSync(command, args, { stdio: 'inherit', env, shell: process.platform === 'win32' });
if (run.error) {
	console.error(`node: could not run ${command}: ${run.error.message}`);
	process.exit(1);
}
process.exit(run.status ?? (run.signal ? 1 : 0));
