import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createLanguageService } from '../../../server/src/engine/languageService';
import { InMemoryWorkspace } from '../../../server/src/engine/workspace';
import { HOVER_CONTRADICTIONS, provideHover } from '../../../server/src/features/hover';

test('a claim with many contradictions and changes lists the contradictions first and a few in all, then how many more', async () => {
  // the same toll told for eight different days (changes over time), and twice for May 3 (a contradiction)
  const files = new Map<string, string>();
  for (let day = 1; day <= 8; day++) files.set(`toll-${day}.txt`, `---\ndate: 2024-05-${String(day + 1).padStart(2, '0')}\n---\nThe strike on the market killed ${10 * day} people on May ${day}, the regional governor said.\n`);
  files.set('toll-3-again.txt', '---\ndate: 2024-05-05\n---\nThe strike on the market killed 95 people on May 3, the regional governor said.\n');
  const service = createLanguageService({ workspace: new InMemoryWorkspace(files) });
  await service.indexWorkspace();
  const text = files.get('toll-3.txt')!;
  const line = text.split('\n').findIndex((l) => l.includes('killed'));
  const hover = provideHover(service, { textDocument: { uri: 'toll-3.txt' }, position: { line, character: text.split('\n')[line].indexOf('killed') + 2 } });
  const card = (hover?.contents as { value: string } | undefined)?.value ?? '';
  const listed = card.split('\n').filter((l) => /^\*\*(Contradicted|Changed over time)\*\*/.test(l));
  assert.equal(listed.length, HOVER_CONTRADICTIONS, card);
  assert.match(listed[0], /^\*\*Contradicted\*\*.*30 people vs 95 people|^\*\*Contradicted\*\*.*95 people vs 30 people/, card);
  assert.ok(listed.slice(1).every((l) => l.startsWith('**Changed over time**') && /different dates/.test(l)), card);
  assert.match(card, /… 3 more \(1 contradiction and 7 changes over time in all\)/);
});
