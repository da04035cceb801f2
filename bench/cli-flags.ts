/** The comparison scripts' command line: `--name value` flags, read from process.argv. */
export const args = process.argv.slice(2);

/** The value after `--name`, if the flag is given. */
export function flag(name: string): string | undefined {
  const at = args.indexOf(`--${name}`);
  return at >= 0 ? args[at + 1] : undefined;
}
