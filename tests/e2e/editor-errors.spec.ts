/**
 * An editor's mistakes fail `npm run build` with a message naming the file and what is wrong,
 * never a stack trace, and leave no dist/ behind for a deploy step to take.
 */
import { expect, test } from '@playwright/test';
import { existsSync, readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { copyProject, removeProject, runBuild } from '../support/project.ts';

test.describe.configure({ mode: 'parallel' });

const NOVA = 'src/content/docs/rocketry/nova.mdx';
type Edit = (dir: string) => void;
const editNova = (change: (text: string) => string): Edit => (dir) => {
	const file = join(dir, NOVA);
	writeFileSync(file, change(readFileSync(file, 'utf8')));
};
const editQuestions = (change: (text: string) => string): Edit => (dir) => {
	const file = join(dir, 'src/content/data/questions.yaml');
	writeFileSync(file, change(readFileSync(file, 'utf8')));
};
const addFile = (path: string, text: string): Edit => (dir) => {
	mkdirSync(join(dir, path, '..'), { recursive: true });
	writeFileSync(join(dir, path), text);
};
const ES_NOVA = 'src/content/translations/es/rocketry/nova.mdx';
const editFile = (path: string, change: (text: string) => string): Edit => (dir) => {
	const file = join(dir, path);
	writeFileSync(file, change(readFileSync(file, 'utf8')));
};
const page = (fm: string, body = 'Text<Cite id="s1" />.') => `---\n${fm}\n---\n\n${body}\n`;

const cases: { name: string; edit: Edit; expect: RegExp[] }[] = [
	{ name: 'missing title', edit: editNova((t) => t.replace(/^title:.*\n/m, '')), expect: [/src\/content\/docs\/rocketry\/nova\.mdx/, /title: Required/] },
	{ name: 'description over 160 characters', edit: editNova((t) => t.replace(/^description:.*$/m, `description: ${'x'.repeat(161)}`)), expect: [/nova\.mdx/, /description: must be at most 160 characters/] },
	{ name: 'unknown theme folder', edit: addFile('src/content/docs/cooking/recipes.mdx', page('title: Recipes\ndescription: Food.')), expect: [/src\/content\/docs\/cooking\/recipes\.mdx/, /folder "cooking" is not a known theme/] },
	{ name: 'unknown source id in a citation', edit: editNova((t) => `${t}\nMore<Cite id="s999" />.\n`), expect: [/nova\.mdx:\d+/, /<Cite id="s999"> cites a source that does not exist/] },
	{ name: 'unknown source id in frontmatter', edit: editNova((t) => t.replace(/^related:/m, 'sources:\n  - s998\nrelated:')), expect: [/nova\.mdx/, /field "sources" lists "s998"/] },
	{ name: 'unknown entity id', edit: editNova((t) => `${t}\n<Entity id="nobody">Nobody</Entity>\n`), expect: [/nova\.mdx:\d+/, /<Entity id="nobody">/] },
	{ name: 'broken internal link', edit: editNova((t) => `${t}\nSee [this](/rocketry/no-such-page/).\n`), expect: [/src\/content\/docs\/rocketry\/nova\.mdx \(\/rocketry\/nova\/\)/, /broken link "\/rocketry\/no-such-page\/"/] },
	{ name: 'broken #fragment', edit: editNova((t) => `${t}\nSee [this](/rocketry/stoke-space/#no-such-heading).\n`), expect: [/nova\.mdx/, /broken fragment "\/rocketry\/stoke-space\/#no-such-heading"/] },
	{ name: 'two pages with the same URL', edit: (dir) => addFile('src/content/docs/rocketry/Nova.mdx', readFileSync(join(dir, NOVA), 'utf8'))(dir), expect: [/two files claim the URL \/rocketry\/nova\//, /Nova\.mdx and .*nova\.mdx/] },
	{ name: 'malformed date', edit: editNova((t) => t.replace(/^updated:.*$/m, 'updated: 2025-13-45')), expect: [/nova\.mdx/, /field "updated" is "2025-13-45", which is not a real date/] },
	{ name: 'impossible date in changes', edit: addFile('src/content/docs/rocketry/changed.mdx', page('title: Changed\ndescription: A page with a change.\nchanges:\n  - { date: 2026-02-30, note: "Fixed a figure." }')), expect: [/src\/content\/docs\/rocketry\/changed\.mdx/, /field "changes", entry 1: date "2026-02-30" is not a real date/] },
	{ name: 'change without a note', edit: addFile('src/content/docs/rocketry/changed.mdx', page('title: Changed\ndescription: A page with a change.\nchanges:\n  - { date: 2026-02-10 }')), expect: [/changed\.mdx/, /changes\.0\.note/] },
	{ name: 'MDX syntax error', edit: editNova((t) => `${t}\nAn unclosed {brace\n`), expect: [/src\/content\/docs\/rocketry\/nova\.mdx:\d+/, /closing brace/] },
	{ name: 'unknown related page', edit: editNova((t) => t.replace(/^related:/m, 'related:\n  - rocketry/gone')), expect: [/nova\.mdx/, /field "related" lists "rocketry\/gone"/] },
	{ name: 'event citing an unknown source', edit: (dir) => { const f = join(dir, 'src/content/data/events.yaml'); writeFileSync(f, readFileSync(f, 'utf8').replace(/sources:\s*\n(\s*)- "?s\d+[a-z]?"?/, 'sources:\n$1- "s997"')); }, expect: [/src\/content\/data\/events\.yaml/, /no source with id "s997"/] },
	{ name: 'external link in the prose', edit: editNova((t) => `${t}\nAs [one report](https://example.org/report) says.\n`), expect: [/src\/content\/docs\/rocketry\/nova\.mdx:\d+: an external link in the prose \(https:\/\/example\.org\/report\)/, /only through <Cite/] },
	{ name: 'unknown open question', edit: editNova((t) => `${t}\n<OpenQuestion id="nova-second-flight" />\n`), expect: [/nova\.mdx:\d+/, /<OpenQuestion id="nova-second-flight"> names a question that does not exist/] },
	{ name: 'answered question naming an unknown event', edit: editQuestions((t) => t.replace(/^(\s*)state: open$/m, '$1state: answered\n$1answeredBy: nova-reaches-orbit')), expect: [/src\/content\/data\/questions\.yaml/, /answeredBy/, /nova-reaches-orbit/] },
	{ name: 'open question with an impossible date', edit: editQuestions((t) => t.replace(/^(\s*)date: "?\d{4}(-\d{2}){0,2}"?$/m, '$1date: "2026-02-30"')), expect: [/src\/content\/data\/questions\.yaml: entry "[a-z0-9-]+", field "lastKnown\.date": "2026-02-30" is not a real date/] },
	{ name: 'open question owned by an unknown page', edit: editQuestions((t) => t.replace(/^(\s*)page: .*$/m, '$1page: rocketry/gone')), expect: [/src\/content\/data\/questions\.yaml: entry "[a-z0-9-]+", field "page": "rocketry\/gone" is not a published page/] },
	{ name: 'translation that drops a citation', edit: editFile(ES_NOVA, (t) => t.replace('<Cite id="s22 s16" />', '')), expect: [/src\/content\/translations\/es\/rocketry\/nova\.mdx: missing <Cite id>: "s22 s16"/, /compared with src\/content\/docs\/rocketry\/nova\.mdx/] },
	{ name: 'translation that changes a figure', edit: editFile(ES_NOVA, (t) => t.replace('22.800', '22.900')), expect: [/es\/rocketry\/nova\.mdx: missing figure or date: "22800"/, /figure or date not in the English page: "22900"/] },
	{ name: 'translation that changes a claim status', edit: editFile(ES_NOVA, (t) => t.replace('<Claim status="claim">', '<Claim status="reported">')), expect: [/es\/rocketry\/nova\.mdx: missing <Claim status>: "claim"/, /<Claim status> not in the English page: "reported"/] },
	{ name: 'language without one of its strings', edit: editFile('src/content/strings/zh-cn.yaml', (t) => t.replace(/^menu:.*\n/m, '')), expect: [/src\/content\/strings\/zh-cn\.yaml: missing string "menu" for language "zh-cn"/] },
	{ name: 'sources\' horizon that is not a date', edit: (dir) => { const f = join(dir, 'src/content/data/atlas.yaml'); writeFileSync(f, readFileSync(f, 'utf8').replace(/date: .*/, 'date: "2026-07-32"')); }, expect: [/src\/content\/data\/atlas\.yaml: entry "horizon", field "date"/] },
];

/** Builds a copy of the project after `edit`, hands the result to `check`, and cleans up. */
function buildEdited(edit: Edit, check: (r: { code: number; output: string; dir: string }) => void) {
	test.setTimeout(120_000);
	const dir = copyProject();
	try {
		edit(dir);
		check({ ...runBuild(dir), dir });
	} finally {
		removeProject(dir);
	}
}

for (const c of cases) {
	test(`bad input fails the build clearly: ${c.name}`, () =>
		buildEdited(c.edit, ({ code, output, dir }) => {
			expect(code, output).not.toBe(0);
			const message = output.slice(output.indexOf('Build failed.'));
			expect(message, output).toContain('Build failed.');
			for (const pattern of c.expect) expect(message).toMatch(pattern);
			expect(message).not.toMatch(/^\s+at\s/m);
			expect(existsSync(join(dir, 'dist'))).toBe(false);
		}));
}

test('a page with only a title and a description builds; one that cites nothing gets a warning', () =>
	buildEdited(addFile('src/content/docs/rocketry/minimal.mdx', '---\ntitle: Minimal page\ndescription: Only the required fields.\n---\n\nJust text.\n'), ({ code, output, dir }) => {
		expect(code, output).toBe(0);
		expect(output).toMatch(/src\/content\/docs\/rocketry\/minimal\.mdx: cites no source/);
		expect(readFileSync(join(dir, 'dist/rocketry/minimal/index.html'), 'utf8')).toContain('Minimal page');
	}));

test('drafts are not built for production', () =>
	buildEdited(addFile('src/content/docs/rocketry/draft.mdx', page('title: Work in progress\ndescription: Not ready.\ndraft: true')), ({ code, output, dir }) => {
		expect(code, output).toBe(0);
		expect(existsSync(join(dir, 'dist/rocketry/draft/index.html'))).toBe(false);
		expect(readFileSync(join(dir, 'dist/rocketry/index.html'), 'utf8')).not.toContain('Work in progress');
	}));
