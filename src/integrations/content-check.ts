/**
 * Checks the content files as an editor wrote them, before Astro builds anything, with the rules in
 * src/lib/content-rules.ts: duplicate URLs, impossible dates, and references to sources, themes,
 * entities or pages that do not exist. A build fails with every problem listed, each naming its file and
 * field; under `astro dev` the check runs again whenever a content file changes and reports in the terminal.
 */
import type { AstroIntegration } from 'astro';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { readContent } from '../lib/content-model.ts';
import { contentProblems } from '../lib/content-rules.ts';
import { translationProblems } from '../lib/translation.ts';
import { ContentError } from '../lib/errors.ts';

/** The site paths that routes other than the content pages take: each top-level file or folder in src/pages. */
function routeNames(pagesDir: string): string[] {
	if (!existsSync(pagesDir)) return [];
	return readdirSync(pagesDir)
		.filter((name) => !name.startsWith('[') && !name.startsWith('_'))
		.map((name) => name.replace(/\.(astro|ts|js|md|mdx|html)$/, ''));
}

/** Every problem in the content, as sentences. Empty when all is well. */
export function checkContent(root: string, draftsShown = false): string[] {
	const model = readContent(root);
	return [...contentProblems(model, { reserved: routeNames(join(root, 'src/pages')), draftsShown }), ...translationProblems(root, model)];
}

const summary = (problems: readonly string[]) =>
	`${problems.length === 1 ? 'A problem' : `${problems.length} problems`} in the content:\n  ${problems.join('\n  ')}`;

export default function contentCheck(): AstroIntegration {
	let root = '';
	return {
		name: 'atlas:content-check',
		hooks: {
			'astro:config:setup': ({ config, command }) => {
				root = fileURLToPath(config.root);
				const problems = checkContent(root, command === 'dev');
				if (problems.length) throw new ContentError(undefined, summary(problems));
			},
			'astro:server:setup': ({ server, logger }) => {
				const content = join(root, 'src/content');
				server.watcher.on('all', (_event, file) => {
					if (!file.startsWith(content)) return;
					const problems = checkContent(root, true);
					if (problems.length) logger.error(summary(problems));
				});
			},
		},
	};
}
