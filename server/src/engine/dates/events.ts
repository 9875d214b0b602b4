/**
 * References to known events in one document: names from the knowledge base ("Russia's full-scale
 * invasion", "the September 11th terror attacks"), generic nouns tied to the event the document is
 * about ("the war"), and office-holder clauses ("Donald Trump entered the White House",
 * "Obama's second term"). Built once per document, before the grammar runs, so rules can ask
 * "is there an event at token i?" in constant time.
 */
import type { Token } from '../types';
import { isUpperInitial } from '../text/chars';
import {
  EVENT_NAMES, EVENTS, GENERIC_EVENT_NOUNS, OFFICE_HOLDER_NAMES, OFFICE_START_PHRASES, ORDINAL_TERM_WORDS, type KnownEvent, type OfficeHolder,
} from './dateLexicon';
import type { EventHit } from './scan';
import { ORDINALS } from './dateLexicon';
import { DETERMINER, DETERMINERS, EVENT_CUE, EVENT_NAME, HOLDER_NAME, POSSESSIVE, type SentenceWords } from './sentenceWords';

export interface EventReference extends EventHit {
  start: number;
  /** The event (absent for office-holder clauses). */
  event?: KnownEvent;
  holder?: OfficeHolder;
  /** The reference is a generic noun ("the war") resolved to the document's event. */
  generic: boolean;
}

export interface DocumentEvents {
  /** Per sentence (same order as the sentences given), references keyed by their first token. */
  bySentence: ReadonlyMap<number, EventReference>[];
  /** Office holders named anywhere in the document. */
  holders: Set<OfficeHolder>;
}

const MIN_CUES = 3;

/** The references of a sentence that has none (shared: most sentences). */
const NO_REFERENCES: ReadonlyMap<number, EventReference> = new Map();

export function findEventReferences(sentences: Token[][], words: SentenceWords[]): DocumentEvents {
  const named = new Map<KnownEvent, number>();
  const holders = new Set<OfficeHolder>();
  const cueCounts = new Map<string, number>();
  const bySentence: ReadonlyMap<number, EventReference>[] = words.map(() => NO_REFERENCES);
  const add = (si: number, ref: EventReference) => {
    if (bySentence[si] === NO_REFERENCES) bySentence[si] = new Map();
    (bySentence[si] as Map<number, EventReference>).set(ref.start, ref);
  };
  words.forEach(({ low, classes, all }, si) => {
    if (!(all & (EVENT_NAME | HOLDER_NAME | EVENT_CUE))) return;
    for (let i = 0; i < low.length; i++) {
      const bits = classes[i];
      if (!(bits & (EVENT_NAME | HOLDER_NAME | EVENT_CUE))) continue;
      if (bits & EVENT_CUE) cueCounts.set(low[i], (cueCounts.get(low[i]) ?? 0) + 1);
      const name = bits & EVENT_NAME ? EVENT_NAMES.match(low, i) : null;
      if (name) {
        named.set(name.data, (named.get(name.data) ?? 0) + 1);
        add(si, eventReference(i, name.end, name.data, false));
        i = name.end - 1;
        continue;
      }
      const holder = bits & HOLDER_NAME ? OFFICE_HOLDER_NAMES.match(low, i) : null;
      if (holder && isUpperInitial(sentences[si][i].text)) {
        holders.add(holder.data);
        const clause = officeClause(low, holder.end, holder.data);
        if (clause) add(si, { start: i, nameStart: i, end: clause.end, label: clause.label, candidates: clause.candidates, holder: holder.data, generic: false });
        i = holder.end - 1;
      }
    }
  });
  const mainEvent = chooseMainEvents(named, cueCounts);
  if (mainEvent.size === 0) return { bySentence, holders };
  words.forEach(({ low, classes, all }, si) => {
    if (!(all & (DETERMINER | POSSESSIVE))) return;
    for (let i = 0; i < low.length; i++) {
      if (!(classes[i] & DETERMINER) && !(classes[i + 1] & POSSESSIVE)) continue;
      const at = low[i + 1] === "'s" ? i + 2 : i + 1;
      const noun = GENERIC_EVENT_NOUNS.match(low, at) ?? (isAdjective(sentences[si][at]) ? GENERIC_EVENT_NOUNS.match(low, at + 1) : null);
      const event = noun && mainEvent.get(noun.data);
      if (noun && event && !bySentence[si].has(i) && !bySentence[si].has(at)) {
        add(si, eventReference(i, noun.end, event, true));
      }
    }
  });
  return { bySentence, holders };
}

function eventReference(start: number, end: number, event: KnownEvent, generic: boolean): EventReference {
  return { start, end, label: event.label, candidates: [{ from: event.range.from, to: event.range.from }], event, generic, named: event.named && !generic, nameStart: start };
}

const isAdjective = (t: Token | undefined) => !!t && t.kind === 'word' && !isUpperInitial(t.text) && t.text.length > 2;

/**
 * For each generic noun, the event it means in this document: the most-named event that takes the
 * noun; when none is named, the event whose cue words are frequent enough.
 */
function chooseMainEvents(named: Map<KnownEvent, number>, cueCounts: Map<string, number>): Map<string, KnownEvent> {
  const out = new Map<string, KnownEvent>();
  if (named.size === 0 && cueCounts.size === 0) return out;
  const score = new Map<KnownEvent, number>();
  for (const e of EVENTS) {
    const cues = e.cues.reduce((n, c) => n + (cueCounts.get(c) ?? 0), 0);
    const s = (named.get(e) ?? 0) * 100 + (cues >= MIN_CUES ? cues : 0);
    if (s > 0) score.set(e, s);
  }
  const ranked = [...score.entries()].sort((a, b) => b[1] - a[1]);
  for (const [e] of ranked) for (const g of e.generic) if (!out.has(g)) out.set(g, e);
  return out;
}

/** "entered the White House", "took office", "'s inauguration", "'s second term": the holder's term starts. */
function officeClause(low: string[], at: number, holder: OfficeHolder): { end: number; label: string; candidates: { from: number; to: number }[] } | null {
  const starts = holder.terms.map((t) => ({ from: t.from, to: t.from }));
  const name = holder.id.replace(/-/g, ' ');
  for (let k = at; k < Math.min(low.length, at + 3); k++) {
    const phrase = OFFICE_START_PHRASES.match(low, k);
    if (phrase) return { end: phrase.end, label: `${titleCase(name)} taking office`, candidates: starts };
    if (low[k] === "'s" && k === at) {
      const ordinal = ORDINALS.get(low[k + 1]);
      if (ordinal !== undefined && ORDINAL_TERM_WORDS.has(low[k + 2]) && holder.terms[ordinal - 1]) {
        const t = holder.terms[ordinal - 1];
        return { end: k + 3, label: `${titleCase(name)}'s ${low[k + 1]} ${low[k + 2]}`, candidates: [{ from: t.from, to: t.from }] };
      }
      continue;
    }
    if (low[k] === ',' || low[k] === 'had' || low[k] === 'has' || low[k] === 'first') continue;
    break;
  }
  return null;
}

const titleCase = (s: string) => s.replace(/\b\w/g, (c) => c.toUpperCase());

/** The reference starting at token i, allowing a few title words before a name ("U.S. President Donald Trump took office"). */
export function eventAtToken(refs: ReadonlyMap<number, EventReference>, toks: Token[], i: number): EventReference | null {
  if (refs.size === 0) return null;
  for (let k = i; k < Math.min(toks.length, i + 5); k++) {
    const ref = refs.get(k);
    if (ref) return { ...ref, start: i };
    const t = toks[k];
    if (!(isUpperInitial(t.text) || DETERMINERS.has(t.norm.toLowerCase()) || t.norm === '.')) return null;
  }
  return null;
}

/** The event reference nearest to token i in this sentence, else the last one in the two sentences before. */
export function eventNearToken(doc: DocumentEvents, sentence: number, i: number): EventReference | null {
  let best: EventReference | null = null;
  for (const ref of doc.bySentence[sentence]?.values() ?? []) {
    if (!ref.event) continue;
    if (!best || Math.abs(ref.start - i) < Math.abs(best.start - i)) best = ref;
  }
  if (best) return best;
  for (let s = sentence - 1; s >= Math.max(0, sentence - 2); s--) {
    const refs = [...doc.bySentence[s].values()].filter((r) => r.event);
    if (refs.length) return refs[refs.length - 1];
  }
  return null;
}
