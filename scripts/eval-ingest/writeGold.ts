/** Rebuilds every article.txt and gold.json of the set from its article.marked.txt and spec.json. */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { GOLD_DIR } from './gold.js';
import { buildGold, type GoldSpec } from './markup.js';

export function readMarkedArticle(dir: string): { text: string; gold: ReturnType<typeof buildGold>['gold'] } {
  const marked = readFileSync(join(dir, 'article.marked.txt'), 'utf8');
  const spec = JSON.parse(readFileSync(join(dir, 'spec.json'), 'utf8')) as GoldSpec;
  return buildGold(marked, spec);
}

export function goldJson(gold: ReturnType<typeof buildGold>['gold']): string {
  return `${JSON.stringify(gold, null, 2)}\n`;
}

export function writeGold(root = GOLD_DIR): string[] {
  const keys = readdirSync(root, { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .map((d) => d.name)
    .sort();
  for (const key of keys) {
    const { text, gold } = readMarkedArticle(join(root, key));
    writeFileSync(join(root, key, 'article.txt'), text);
    writeFileSync(join(root, key, 'gold.json'), goldJson(gold));
  }
  return keys;
}
