/**
 * Editor-facing build errors. Each names the file (relative to the project) and the field,
 * and the build script prints only the message, never a stack trace.
 */
import { relative } from 'node:path';

/** An error in an editor's content: message for people, no stack needed. */
export class ContentError extends Error {
	override name = 'ContentError';
	constructor(file: string | undefined, problem: string, hint?: string) {
		const where = file ? `${relative(process.cwd(), file)}: ` : '';
		super(`${where}${problem}${hint ? `\n  Hint: ${hint}` : ''}`);
	}
}
