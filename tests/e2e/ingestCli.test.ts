/**
 * `npm run ingest` as a user runs it: a new article against a copy of the case folders writes a
 * draft beside the case file and a summary, touches nothing else, and refuses bad arguments with
 * a message and exit code 1.
 */
import { execFile } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { loadCases } from '../../src/domain/loadCases.js';
import { DEFAULT_DATA_DIR, PROJECT_ROOT } from '../../src/paths.js';

const run = promisify(execFile);
const dir = mkdtempSync(join(tmpdir(), 'case-graph-ingest-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const ARTICLE =
  'Lawyer Luke Nikas said the ruling vindicated Alec Baldwin. Cinematographer Halyna Hutchins died in ' +
  'October 2021 after a shooting on the set of the western Rust near Santa Fe.';

function ingest(...args: string[]) {
  return run('npx', ['tsx', 'src/cli/ingest.ts', ...args], { cwd: PROJECT_ROOT, env: { ...process.env } });
}

describe('npm run ingest', () => {
  const data = join(dir, 'data');
  cpSync(DEFAULT_DATA_DIR, data, { recursive: true });
  const article = join(dir, 'ruling-report.txt');
  writeFileSync(article, ARTICLE);

  it('writes the draft beside the case file, proposes the known people, and leaves case.json alone', {
    timeout: 60_000,
  }, async () => {
    const caseFile = readFileSync(join(data, 'rust-case', 'case.json'), 'utf8');
    const { stdout } = await ingest(article, '--case', join(data, 'rust-case'));
    expect(stdout).toContain('same as galina-hutchins');
    expect(stdout).toContain('same as lewten-nikas');
    expect(stdout).toContain('new entity santa-fe');
    expect(stdout).toContain('"October 2021" at');
    expect(readdirSync(join(data, 'rust-case')).sort()).toEqual([
      'case.json',
      'ruling-report.draft.json',
      'rust-article.txt',
    ]);
    expect(readFileSync(join(data, 'rust-case', 'case.json'), 'utf8')).toBe(caseFile);
    const draft = JSON.parse(readFileSync(join(data, 'rust-case', 'ruling-report.draft.json'), 'utf8'));
    expect(draft.sourceKey).toBe('ruling-report');
    for (const e of draft.entities) for (const m of e.mentions) expect(ARTICLE.slice(m.start, m.end)).toBe(m.quote);
    // a draft whose source the case does not hold yet is not loaded: the graph is as it was
    expect(loadCases(data).drafts).toBeUndefined();
  });

  it('refuses a missing file, a missing --case and a key that is not a slug, saying how to run it', {
    timeout: 60_000,
  }, async () => {
    for (const args of [
      [join(dir, 'nowhere.txt'), '--case', data],
      [article],
      [article, '--case', data, '--key', '../../x'],
    ]) {
      const failed = await ingest(...args).catch((error: { code: number; stderr: string }) => error);
      expect(failed).toMatchObject({ code: 1 });
      expect((failed as { stderr: string }).stderr).toMatch(/usage: npm run ingest/);
    }
  });
});
