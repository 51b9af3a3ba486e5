/**
 * Editor-facing build errors. Each carries the file (relative to the project), the line when known,
 * the problem and a hint as fields, so the build script prints them as they are, never a stack trace.
 */
import { relative } from 'node:path';

/** An error in an editor's content: a message for people, no stack needed. */
export class ContentError extends Error {
	override name = 'ContentError';
	/** The file to fix, relative to the project, when there is one. */
	readonly file: string | undefined;
	/** The line in that file, when known. */
	readonly line: number | undefined;
	/** What is wrong, in one or more sentences. */
	readonly problem: string;
	/** What to do about it. */
	readonly hint: string | undefined;

	constructor(place: string | { file: string; line?: number | undefined } | undefined, problem: string, hint?: string) {
		const at = typeof place === 'string' ? { file: place } : place;
		const file = at?.file ? relative(process.cwd(), at.file) : undefined;
		const line = typeof place === 'object' ? place.line : undefined;
		super(`${file ? `${file}${line ? `:${line}` : ''}: ` : ''}${problem}${hint ? `\n  Hint: ${hint}` : ''}`);
		this.file = file;
		this.line = line;
		this.problem = problem;
		this.hint = hint;
	}
}
