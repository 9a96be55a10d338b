/**
 * SECURITY.md is an audit: every test file it names must exist, and every test
 * name it quotes after "›" must appear in that file (a leading or trailing
 * "…" quotes part of a title), so the document cannot
 * silently drift from the tests that back it.
 */
import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const doc = readFileSync('SECURITY.md', 'utf8');

/** `tests/…` paths, each with the quoted names that follow it (`path` › "a", "b"). */
function references(): { file: string; names: string[] }[] {
  const refs: { file: string; names: string[] }[] = [];
  const pattern = /`(tests\/[^`]+?\.(?:test|spec)\.ts)`(?:\s*›\s*((?:"[^"]+"(?:,\s*)?)+))?/g;
  for (const match of doc.matchAll(pattern)) {
    const names = [...(match[2] ?? '').matchAll(/"([^"]+)"/g)].map((m) => (m[1] ?? '').replace(/\s+/g, ' '));
    refs.push({ file: match[1] ?? '', names });
  }
  return refs;
}

describe('SECURITY.md', () => {
  it('covers all 20 checklist items', () => {
    for (let item = 1; item <= 20; item += 1) expect(doc).toMatch(new RegExp(`^\\| ${item} \\|`, 'm'));
  });

  it('names test files that exist', () => {
    const refs = references();
    expect(refs.length).toBeGreaterThan(30);
    for (const { file } of refs) {
      expect(existsSync(file), file).toBe(true);
    }
  });

  it('quotes test names that appear in the files it names', () => {
    for (const { file, names } of references()) {
      if (!existsSync(file)) continue;
      // Titles are string literals: undo the escaping of quotes.
      const source = readFileSync(file, 'utf8').replaceAll("\\'", "'");
      // A leading or trailing "…" abbreviates a long title: the rest must match.
      for (const name of names) expect(source.includes(name.replace(/ …$/, '').replace(/^… /, '')), `${file} › "${name}"`).toBe(true);
    }
  });
});
