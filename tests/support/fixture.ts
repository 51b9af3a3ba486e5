/**
 * Small fixture sites: the project's code with the content of `tests/fixtures/<name>/content/` in place of
 * the real content, built for real, so behaviour is tested with exact expectations that do not move when
 * the atlas's words change.
 */
import { expect } from '@playwright/test';
import { cpSync, existsSync, mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { copyProject, removeProject, ROOT, runBuild } from './project.ts';
import { serveStatic, type StaticServer } from '../../scripts/lib/static-server.ts';

export interface FixtureSite {
	dir: string;
	server: StaticServer;
	/** The server's origin and the base path, ready to append a site path to ("/delta/first/"). */
	url: (path: string) => string;
	close: () => Promise<void>;
}

/**
 * A project copy whose content is the fixture's. The interface strings of the source language are the
 * project's (a fixture adds only the strings of its own extra languages, under content/strings/).
 */
export function fixtureProject(name: string): string {
	const dir = copyProject(`atlas-fixture-${name}-`);
	const strings = join(ROOT, 'src/content/strings/en.yaml');
	rmSync(join(dir, 'src/content'), { recursive: true, force: true });
	cpSync(join(ROOT, 'tests/fixtures', name, 'content'), join(dir, 'src/content'), { recursive: true });
	mkdirSync(join(dir, 'src/content/strings'), { recursive: true });
	if (!existsSync(join(dir, 'src/content/strings/en.yaml'))) cpSync(strings, join(dir, 'src/content/strings/en.yaml'));
	return dir;
}

/** Builds a fixture site (with the given environment, e.g. BASE_PATH) and serves it as a static host would. */
export async function buildFixture(name: string, env: Record<string, string> = {}): Promise<FixtureSite> {
	const dir = fixtureProject(name);
	const { code, output } = runBuild(dir, env);
	if (code !== 0) {
		removeProject(dir);
		throw new Error(`The fixture "${name}" did not build:\n${output}`);
	}
	const base = `/${(env.BASE_PATH ?? '/').replace(/^\/+|\/+$/g, '')}/`.replace('//', '/');
	const server = await serveStatic(join(dir, 'dist'), base);
	return {
		dir,
		server,
		url: (path) => `${server.url}${base}${path.replace(/^\//, '')}`,
		close: async () => {
			await server.close();
			removeProject(dir);
		},
	};
}

/** A fixture project served under a base path, to be edited and built again in place (`build()` builds and serves it anew). */
export interface EditableFixture {
	dir: string;
	/** The served URL of a site path ("/delta/first/"), under the base. */
	url: (path: string) => string;
	build: () => Promise<void>;
	close: () => Promise<void>;
}

export function editableFixture(name: string, base: string): EditableFixture {
	const dir = fixtureProject(name);
	let server: StaticServer | undefined;
	return {
		dir,
		url: (path) => `${server!.url}${base}${path.replace(/^\//, '')}`,
		build: async () => {
			await server?.close();
			const { code, output } = runBuild(dir, { BASE_PATH: base });
			expect(code, output).toBe(0);
			server = await serveStatic(join(dir, 'dist'), base);
		},
		close: async () => {
			await server?.close();
			removeProject(dir);
		},
	};
}
