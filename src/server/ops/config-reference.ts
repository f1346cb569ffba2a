/**
 * The configuration reference, generated from the one list of settings (SETTINGS in ../config.ts): a
 * markdown table that README.md keeps between two markers. `npm run config:reference` rewrites it, and
 * a unit test fails when the README's copy differs from what the settings generate.
 */
import { SETTINGS, type Setting } from '../config';

export const START_MARKER = '<!-- config:start -->';
export const END_MARKER = '<!-- config:end -->';

/** A cell's text: pipes escaped, so that a type like `json | text` stays in its column. */
const cell = (text: string) => text.replace(/\|/g, '\\|');
const code = (text: string) => `\`${text.replace(/\|/g, '\\|')}\``;

export function configTable(settings: readonly Setting[] = SETTINGS): string {
  const rows = settings.map((s) => `| ${code(s.name)} | ${cell(s.type)} | ${s.default !== undefined ? code(s.default) : s.defaultNote !== undefined ? cell(s.defaultNote) : '—'} | ${cell(s.description)} |`);
  return ['| Variable | Type | Default | Meaning |', '| --- | --- | --- | --- |', ...rows].join('\n');
}

/** The README with the table between the markers replaced; throws when the markers are missing. */
export function withConfigTable(readme: string, table: string = configTable()): string {
  const start = readme.indexOf(START_MARKER);
  const end = readme.indexOf(END_MARKER);
  if (start < 0 || end < start) throw new Error(`README.md needs the markers ${START_MARKER} and ${END_MARKER} around the configuration table`);
  return `${readme.slice(0, start + START_MARKER.length)}\n${table}\n${readme.slice(end)}`;
}
