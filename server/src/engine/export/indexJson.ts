import { mkdtempSync, rmSync } from 'node:fs';
import * as path from 'node:path';
import { mentionCountOf } from '../actors/mentionRefs';
import type { CorpusIndex } from '../corpus/corpusIndex';
import { mentionCount, mentionKind, mentionSpan } from '../corpus/residentDocument';
import { rangeOf } from '../text/lines';
import type { Finding, Range, Span } from '../types';
import { closeArray, JsonArrayOut, SpillFile, type TextOut } from './jsonText';

/** The index in the public JSON shape of docs/index-json.md (version 1). Add fields freely; never rename or remove one. */
export interface IndexJson {
  version: 1;
  documents: {
    path: string;
    title: string | null;
    date: { value: string; from: string; to: string; source: string; evidence: string } | null;
    boilerplate: Range[];
  }[];
  actors: { id: string; name: string; kind: string; aliases: string[]; roles: string[]; mentions: (Range & { path: string; text: string; kind: string; confidence: number })[] }[];
  dates: (Range & { path: string; text: string; value: string | null; kind: string; anchor: string; evidence: string })[];
  claims: (Range & { id: string; path: string; text: string; attribution: string; source: string | null; sourceText: string | null; actors: string[]; cluster: string | null; hedged: boolean })[];
  contradictions: { a: string; b: string; reason: string; confidence: number; type: string }[];
  diagnostics: (Range & { path: string; severity: string; code: string; message: string; related: (Range & { path: string; message: string })[] })[];
  skipped: { path: string; reason: string }[];
}

export interface IndexJsonInput {
  index: CorpusIndex;
  findings: readonly Finding[];
  /** A document's path as the export shows it. */
  rel: (id: string) => string;
  skipped?: readonly { id: string; reason: string }[];
  /** A folder for the temporary files holding the dates and claims while the actors are written (callers give the system's). */
  tempFolder: string;
}

/** Documents between two calls of `out.drain()` (and turns given to the event loop). */
const DOCUMENTS_PER_TURN = 256;

/** Documents in path order (the order an exact join lists an actor's mentions and roles in; a patched one may not). */
const byPath = (a: { path: string }, b: { path: string }) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0);

/**
 * Writes the index as JSON (IndexJson, laid out as JSON.stringify(index, null, 2) would) to `out`,
 * a piece at a time: no part of the output is held whole, so a corpus of any size can be exported.
 * Each document's analysis is read once, in path order: its entry, dates and claims are written
 * then (the dates and claims to temporary files, copied after the actors), and what the actors'
 * mention entries need beyond the resident parts (their text and confidence) is kept in two arrays.
 */
export async function writeIndexJson(input: IndexJsonInput, out: TextOut): Promise<void> {
  const { index, rel } = input;
  const docs = index.paths().sort();
  const lines = (p: string) => index.resident(p)!.lineStarts;
  const at = (p: string, span: Span) => rangeOf(lines(p), span);
  const spillFolder = mkdtempSync(path.join(input.tempFolder, 'corpus-lens-export-'));
  const dates = new SpillFile(path.join(spillFolder, 'dates'));
  const claims = new SpillFile(path.join(spillFolder, 'claims'));
  try {
    out.write('{\n  "version": 1,\n  "documents": [');
    const documents = new JsonArrayOut(out);
    const dateItems = new JsonArrayOut(dates);
    const claimItems = new JsonArrayOut(claims);
    const mentions = new MentionDetails(index, docs);
    const claimIds = new ContradictionClaimIds(index);
    for (let k = 0; k < docs.length; k++) {
      const p = docs[k];
      const d = index.get(p)!;
      documents.add({ path: rel(p), title: d.titleText, date: d.date && { ...d.date }, boilerplate: d.boilerplate.map((s) => at(p, s)) });
      for (const date of d.dates) dateItems.add({ path: rel(p), ...at(p, date), text: date.text, value: date.value, kind: date.kind, anchor: date.anchor, evidence: date.evidence });
      d.claims.forEach((c, i) => {
        claimItems.add({
          id: c.id,
          path: rel(p),
          ...at(p, c),
          text: c.text,
          attribution: c.attribution,
          source: c.sourceEntity !== undefined ? (index.actors.actorOf(p, c.sourceEntity) ?? null) : null,
          sourceText: c.sourceText ?? null,
          actors: [...new Set(c.entities.map((e) => index.actors.actorOf(p, e)).filter((x): x is string => !!x))],
          cluster: index.claims.clusterOf({ path: p, index: i })?.id ?? null,
          hedged: c.hedged,
        });
        claimIds.saw(p, i, c.id);
      });
      mentions.read(k, d.mentions);
      if (k % DOCUMENTS_PER_TURN === DOCUMENTS_PER_TURN - 1) await turn(out);
    }
    out.write(`${closeArray(documents.empty)},\n  "actors": [`);
    const actors = new JsonArrayOut(out);
    const sorted = [...index.actors.actors].sort((a, b) => mentionCountOf(b) - mentionCountOf(a) || (a.id < b.id ? -1 : 1));
    for (const a of sorted) {
      const head = { id: a.id, name: a.name, kind: a.kind, aliases: a.aliases, roles: [...new Set([...a.roles].sort(byPath).map((r) => r.role))] };
      // the actor's entry as JSON.stringify lays it out, its mentions written one by one before its closing brace
      const headJson = JSON.stringify(head, null, 2).replace(/\n/g, '\n    ');
      out.write(`${actors.separator()}${headJson.slice(0, -'\n    }'.length)},\n      "mentions": [`);
      const items = new JsonArrayOut(out, 4);
      const refs = [...a.mentions].sort((x, y) => byPath(x, y) || x.index - y.index);
      for (let r = 0; r < refs.length; r++) {
        const ref = refs[r];
        items.add({ path: rel(ref.path), ...at(ref.path, mentionSpan(index.resident(ref.path)!, ref.index)), ...mentions.of(ref.path, ref.index) });
        if (r % (DOCUMENTS_PER_TURN * 16) === DOCUMENTS_PER_TURN * 16 - 1) await turn(out);
      }
      out.write(`${closeArray(items.empty, 4)}\n    }`);
      await turn(out);
    }
    out.write(`${closeArray(actors.empty)},\n  "dates": [`);
    await dates.copyTo(out);
    out.write(`${closeArray(dateItems.empty)},\n  "claims": [`);
    await claims.copyTo(out);
    out.write(`${closeArray(claimItems.empty)},\n  "contradictions": `);
    writeArray(
      out,
      index.claims.contradictions.map((c) => ({ a: claimIds.of(c.a), b: claimIds.of(c.b), reason: c.reason, confidence: c.confidence, type: c.type })),
    );
    out.write(',\n  "diagnostics": [');
    const diagnostics = new JsonArrayOut(out);
    for (let i = 0; i < input.findings.length; i++) {
      diagnostics.add(diagnosticEntry(input.findings[i], rel, at));
      if (i % (DOCUMENTS_PER_TURN * 16) === DOCUMENTS_PER_TURN * 16 - 1) await turn(out);
    }
    out.write(`${closeArray(diagnostics.empty)},\n  "skipped": `);
    writeArray(
      out,
      (input.skipped ?? []).map((s) => ({ path: rel(s.id), reason: s.reason })),
    );
    out.write('\n}\n');
    await out.drain();
  } finally {
    dates.close();
    claims.close();
    rmSync(spillFolder, { recursive: true, force: true });
  }
}

/** The diagnostics alone, as the export's `diagnostics` array (`corpus-lens check --format json`). */
export async function writeDiagnosticsJson(index: CorpusIndex, findings: readonly Finding[], rel: (id: string) => string, out: TextOut): Promise<void> {
  const at = (p: string, span: Span) => rangeOf(index.resident(p)!.lineStarts, span);
  out.write('[');
  const items = new JsonArrayOut(out, 1);
  for (const f of findings) items.add(diagnosticEntry(f, rel, at));
  out.write(`${closeArray(items.empty, 1)}\n`);
  await out.drain();
}

/** A finding as the export's `diagnostics` array lists it. */
function diagnosticEntry(f: Finding, rel: (id: string) => string, at: (p: string, span: Span) => Range): IndexJson['diagnostics'][number] {
  return {
    path: rel(f.path),
    ...at(f.path, f.span),
    severity: f.severity,
    code: f.code,
    message: f.message,
    related: f.related.map((r) => ({ path: rel(r.path), ...at(r.path, r.span), message: r.message })),
  };
}

function writeArray(out: TextOut, items: unknown[]): void {
  out.write('[');
  const array = new JsonArrayOut(out);
  for (const item of items) array.add(item);
  out.write(closeArray(array.empty));
}

async function turn(out: TextOut): Promise<void> {
  await out.drain();
  await new Promise((resolve) => setImmediate(resolve));
}

/**
 * What an actor's mention entry takes from the document's analysis (its text as written, its kind
 * and its confidence), kept for every mention of the corpus while the documents are read: the
 * positions come from the resident parts.
 */
class MentionDetails {
  private readonly base = new Map<string, number>();
  private readonly texts: Int32Array;
  private readonly confidences: Float64Array;
  private readonly textIds = new Map<string, number>();
  private readonly textList: string[] = [];

  constructor(
    private readonly index: CorpusIndex,
    private readonly docs: readonly string[],
  ) {
    let total = 0;
    for (const p of docs) {
      this.base.set(p, total);
      total += mentionCount(index.resident(p)!);
    }
    this.texts = new Int32Array(total);
    this.confidences = new Float64Array(total);
  }

  read(k: number, mentions: readonly { text: string; confidence: number }[]): void {
    const base = this.base.get(this.docs[k])!;
    const count = mentionCount(this.index.resident(this.docs[k])!);
    if (mentions.length !== count) throw new Error(`${this.docs[k]}: its analysis has ${mentions.length} mentions, its resident part ${count}`);
    for (let i = 0; i < mentions.length; i++) {
      const text = mentions[i].text;
      let id = this.textIds.get(text);
      if (id === undefined) this.textIds.set(text, (id = this.textList.push(text) - 1));
      this.texts[base + i] = id;
      this.confidences[base + i] = mentions[i].confidence;
    }
  }

  of(p: string, index: number): { text: string; kind: string; confidence: number } {
    const at = this.base.get(p)! + index;
    return { text: this.textList[this.texts[at]], kind: mentionKind(this.index.resident(p)!, index), confidence: this.confidences[at] };
  }
}

/** The ids of the claims that contradictions name, noted as the documents are read. */
class ContradictionClaimIds {
  private readonly wanted = new Set<string>();
  private readonly ids = new Map<string, string>();

  constructor(index: CorpusIndex) {
    for (const c of index.claims.contradictions) for (const ref of [c.a, c.b]) this.wanted.add(`${ref.index}@${ref.path}`);
  }

  saw(p: string, index: number, id: string): void {
    const key = `${index}@${p}`;
    if (this.wanted.has(key)) this.ids.set(key, id);
  }

  of(ref: { path: string; index: number }): string {
    return this.ids.get(`${ref.index}@${ref.path}`) ?? `${ref.path}#${ref.index}`;
  }
}
