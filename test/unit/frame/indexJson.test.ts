/**
 * The index export written a piece at a time (engine/export): the same bytes JSON.stringify lays out,
 * whatever the size, through temporary files and a stream that asks to wait.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { Writable } from 'node:stream';
import { test } from 'node:test';
import { allFindings } from '../../../server/src/engine/diagnostics';
import { writeDiagnosticsJson, writeIndexJson } from '../../../server/src/engine/export/indexJson';
import { closeArray, JsonArrayOut, SpillFile, StreamOut, type TextOut } from '../../../server/src/engine/export/jsonText';
import { createLanguageService } from '../../../server/src/engine/languageService';
import { InMemoryWorkspace } from '../../../server/src/engine/workspace';

const SEEDS = path.resolve(__dirname, '../../../../seeds');

/** A TextOut keeping everything written, for comparison. */
class Collected implements TextOut {
  text = '';
  write(text: string): void {
    this.text += text;
  }
  async drain(): Promise<void> {}
}

test('an array written item by item is laid out as JSON.stringify(value, null, 2) lays it out, at any depth', () => {
  const items = [{ a: 1, nested: [{ b: 'line\nbreak "quoted"' }, []], empty: {} }, 'ünïcødé – “quotes”', null, [1, [2, [3]]]];
  const out = new Collected();
  out.write('{\n  "items": [');
  const array = new JsonArrayOut(out);
  for (const item of items) array.add(item);
  out.write(`${closeArray(array.empty)},\n  "none": [`);
  out.write(`${closeArray(new JsonArrayOut(out).empty)}\n}`);
  assert.equal(out.text, JSON.stringify({ items, none: [] }, null, 2));
  const top = new Collected();
  top.write('[');
  const at1 = new JsonArrayOut(top, 1);
  for (const item of items) at1.add(item);
  top.write(closeArray(at1.empty, 1));
  assert.equal(top.text, JSON.stringify(items, null, 2));
});

test('a spill file gives back exactly what was written, characters cut across its 1 MB pieces included', async () => {
  const folder = mkdtempSync(path.join(tmpdir(), 'corpus-lens-spill-test-'));
  try {
    const spill = new SpillFile(path.join(folder, 'items'));
    // three-byte and four-byte characters, so that piece boundaries fall inside them
    const piece = 'Zelensky – “Kyiv” 🇺🇦 '.repeat(5000);
    let written = '';
    for (let i = 0; i < 40; i++) {
      spill.write(piece);
      written += piece;
    }
    const out = new Collected();
    await spill.copyTo(out);
    assert.ok(Buffer.byteLength(written) > 3 << 20);
    assert.equal(out.text, written);
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
});

test('a stream that asks to wait is waited for, and gets every piece in order', async () => {
  const chunks: string[] = [];
  let waits = 0;
  const slow = new Writable({
    highWaterMark: 1024,
    write(chunk, _encoding, done) {
      chunks.push(chunk.toString());
      setImmediate(done);
    },
  });
  slow.on('drain', () => waits++);
  const out = new StreamOut(slow);
  let expected = '';
  for (let i = 0; i < 3000; i++) {
    const line = `line ${i} ${'x'.repeat(1000)}\n`;
    out.write(line);
    expected += line;
    if (i % 100 === 99) await out.drain();
  }
  await out.drain();
  assert.equal(chunks.join(''), expected);
  assert.ok(waits > 0, 'the stream filled up and drained');
});

test('the seeds exported a piece at a time: JSON.stringify layout, every section, no temporary file left', async () => {
  const files = new Map<string, string>(readdirSync(SEEDS).map((f) => [f, readFileSync(path.join(SEEDS, f), 'utf8')]));
  const service = createLanguageService({ workspace: new InMemoryWorkspace(files) });
  await service.indexWorkspace();
  const index = service.index;
  const findings = allFindings(index, service.engineConfig);
  const tempFolder = mkdtempSync(path.join(tmpdir(), 'corpus-lens-export-test-'));
  try {
    const out = new Collected();
    await writeIndexJson({ index, findings, rel: (id) => id, skipped: [{ id: 'broken.txt', reason: 'not UTF-8' }], tempFolder }, out);
    const json = JSON.parse(out.text);
    assert.equal(out.text, `${JSON.stringify(json, null, 2)}\n`);
    assert.deepEqual(Object.keys(json), ['version', 'documents', 'actors', 'dates', 'claims', 'contradictions', 'diagnostics', 'skipped']);
    assert.equal(json.documents.length, 5);
    const putin = json.actors.find((a: { id: string }) => a.id === 'vladimir-putin');
    assert.equal(new Set(putin.mentions.map((m: { path: string }) => m.path)).size, 5);
    // a mention's entry: its position in its document's text, and the text found there
    const oneLine = putin.mentions.filter((m: { start: { line: number }; end: { line: number } }) => m.start.line === m.end.line);
    assert.ok(oneLine.length > 10);
    for (const m of oneLine) assert.equal(files.get(m.path)!.split('\n')[m.start.line].slice(m.start.character, m.end.character), m.text);
    assert.equal(json.claims.length, index.paths().reduce((n, p) => n + index.get(p)!.claims.length, 0));
    assert.equal(json.dates.length, index.paths().reduce((n, p) => n + index.get(p)!.dates.length, 0));
    assert.equal(json.diagnostics.length, findings.length);
    assert.deepEqual(json.skipped, [{ path: 'broken.txt', reason: 'not UTF-8' }]);
    assert.deepEqual(readdirSync(tempFolder), [], 'the temporary files of the dates and claims are removed');
    const diagnostics = new Collected();
    await writeDiagnosticsJson(index, findings, (id) => id, diagnostics);
    assert.equal(diagnostics.text, `${JSON.stringify(json.diagnostics, null, 2)}\n`);
  } finally {
    rmSync(tempFolder, { recursive: true, force: true });
  }
});
