/**
 * The LIKE/ILIKE pattern that finds `text` anywhere in a column: PostgreSQL's wildcards (`%`, `_`) and its escape
 * character (`\`) in what a user typed match themselves. The one place search boxes turn text into a pattern.
 */
export function containsPattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}
