import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import * as path from 'node:path';
import { test } from 'node:test';
import { createLanguageService } from '../../../server/src/engine/languageService';
import { InMemoryWorkspace } from '../../../server/src/engine/workspace';

const SEEDS = path.resolve(__dirname, '../../../../seeds');

async function seedService(extra: [string, string][] = []) {
  const files = new Map<string, string>(readdirSync(SEEDS).map((f) => [f, readFileSync(path.join(SEEDS, f), 'utf8')]));
  for (const [k, v] of extra) files.set(k, v);
  const service = createLanguageService({ workspace: new InMemoryWorkspace(files) });
  await service.indexWorkspace();
  return service;
}

const textOf = (service: Awaited<ReturnType<typeof seedService>>, p: string, span: { start: number; end: number }) =>
  readFileSync(path.join(SEEDS, p), 'utf8').slice(span.start, span.end).replace(/\s+/g, ' ');

test('few, right findings: an unsourced figure is reported; an unsourced general statement is not', async () => {
  const service = await seedService();
  const f003 = service.findings('003_05eff9d5d1b361e9.txt');
  const unsourced = f003.filter((f) => f.code === 'unsourced-claim').map((f) => textOf(service, '003_05eff9d5d1b361e9.txt', f.span));
  assert.ok(unsourced.some((t) => t.includes('as many as 200,000 casualties')), unsourced.join(' | '));
  assert.ok(!unsourced.some((t) => t.startsWith('Nearly five months')), 'a span of time is not a figure to check');
  assert.ok(!unsourced.some((t) => t.includes('Ending such a war requires')), 'a general statement raises nothing');
  const total = service.index.paths().reduce((n, p) => n + service.findings(p).length, 0);
  const claims = [...service.index.documents()].reduce((n, d) => n + d.claims.length, 0);
  assert.ok(total <= claims / 4, `${total} findings for ${claims} claims: not a wall of hints`);
});

test('a vaguely sourced claim is reported with its cue', async () => {
  const service = await seedService();
  const vague = service.findings('003_05eff9d5d1b361e9.txt').find((f) => f.code === 'vague-attribution');
  assert.match(vague!.message, /^Vague attribution \("Several Western analyses"\)/);
});
