// Command-line options of the bench scripts: `--name value`, and `--flag` on its own.

/** The value after `--name`, or `fallback` when the option is not given. */
export const arg = (name, fallback) => { const i = process.argv.indexOf(`--${name}`); return i > 0 ? process.argv[i + 1] : fallback; };

/** Whether `--name` is given. */
export const flag = (name) => process.argv.includes(`--${name}`);
