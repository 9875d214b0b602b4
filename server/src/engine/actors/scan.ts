/**
 * Pass 1 of the name finder, one sentence at a time, linear in its words: runs of capitalised words
 * are cut into gazetteer phrases (longest match) and unknown chunks; titles before a name become
 * its role; each piece gets a provisional kind from its own shape and context.
 */
import type { ActorKind } from '../types';
import type { ActorLexicon, PhraseHit } from './lexicon';
import { matchPhrase, roleBefore, roleKey, titleLengthAt, type PhraseMatch } from './roles';
import { singleSpaced } from './names';
import { COMMON_WORD, CONNECTOR, DETERMINER, OPENING_FUNCTION_WORD, RUN_BREAKER, GIVEN_NAME, HONORIFIC, isWord, LOCATIVE, NOT_NAME, ORG_SUFFIX, PERSON_VERB, PLACE_LOCATIVE, PLACE_PREFIX, PLACE_SUFFIX, STRIKE_NOUN, SURNAME, TITLE } from './lexiconWords';
import type { Unit } from './units';
import { kindsFromContext } from './context';

export interface NameCandidate {
  sentence: number;
  /** Units of the name itself (no title, no article). */
  units: Unit[];
  start: number;
  end: number;
  hit?: PhraseHit;
  /** Provisional kind; undefined when only the rest of the document can tell. */
  kind?: ActorKind;
  role?: string;
  roleKey?: string;
  /** The capital of the first word says nothing (sentence start, after a quote). */
  initial: boolean;
  /** After a locative preposition ("in Moscow"). */
  locative: boolean;
  /** A title, honorific or speech verb marks a person. */
  personCue: boolean;
  /** The kind is a default guess from the name's shape only ("Warhol Polaroids" read as a person). */
  guessed?: boolean;
  /** Where the role is written, when there is a role. */
  roleSpan?: { start: number; end: number };
  /** Followed by "(ACRONYM)": the acronym's candidate index in the same sentence list, set by the caller. */
  acronym?: string;
  /** After a determiner ("this Wall", "their Kremlin"): a capitalised common noun, not a new name. */
  determined?: boolean;
  /** Units [from, to) of the name in its sentence. */
  from: number;
  to: number;
}

/** How a sentence's capitals are read: in running text, in a Title Case heading (known names only), in a byline. */
export type ScanMode = 'text' | 'title' | 'byline';

const MAX_RUN = 12;

export function scanSentence(lex: ActorLexicon, units: readonly Unit[], sentence: number, mode: ScanMode, text: string): NameCandidate[] {
  const out: NameCandidate[] = [];
  let i = 0;
  while (i < units.length) {
    // "pro-Beijing", "anti-American": a name inside a lower-case compound is a modifier, not a mention
    if (!units[i].upper || isWord(lex, units[i], RUN_BREAKER) || (units[i].punctBefore === '-' && i > 0 && !units[i - 1].upper && units[i - 1].end === units[i].start - 1)) {
      i++;
      continue;
    }
    const end = runEnd(lex, units, i);
    scanRun(lex, units, i, end, sentence, mode, text, out);
    i = end;
  }
  if (mode === 'text') kindsFromContext(lex, units, out);
  return out;
}

/** End (exclusive) of the run of capitalised words starting at `from`. */
function runEnd(lex: ActorLexicon, units: readonly Unit[], from: number): number {
  let j = from + 1;
  while (j < units.length && j - from < MAX_RUN && (!units[j].breakBefore || possessiveInsideName(lex, units, j)) && !units[j - 1].attributive) {
    if (units[j - 1].possessive && !possessiveInsideName(lex, units, j)) break;
    if (units[j].upper && !isWord(lex, units[j], RUN_BREAKER)) j++;
    else if (!units[j].upper && joinsName(lex, units, j)) j += 2;
    else break;
  }
  return j;
}

/** "New People's Party", "Women's League": a possessive inside an organisation's name. */
function possessiveInsideName(lex: ActorLexicon, units: readonly Unit[], j: number): boolean {
  if (!units[j - 1].possessive || units[j].punctBefore !== "'s" || !units[j].upper) return false;
  return isWord(lex, units[j], ORG_SUFFIX) || (j + 1 < units.length && units[j + 1].upper && !units[j + 1].breakBefore && isWord(lex, units[j + 1], ORG_SUFFIX));
}


/**
 * A lower-case connector between two capitalised words continues the name only after a word that
 * heads names of institutions or places ("University of", "Bank of", "Daughters of", "Council on"),
 * not after a person's name ("Elizabeth Quat of DAB" is two names).
 */
function joinsName(lex: ActorLexicon, units: readonly Unit[], j: number): boolean {
  const key = units[j].key;
  // (the lexicon last: most words after a name are no connector before another capital)
  if (j + 1 >= units.length || !units[j + 1].upper || units[j + 1].breakBefore || key === 'and' || !isWord(lex, units[j], CONNECTOR)) return false;
  if (key !== 'of' && key !== 'on' && key !== 'for') return true; // "de", "van", "bin", "al" inside personal names
  const head = units[j - 1];
  return isWord(lex, head, ORG_SUFFIX | PLACE_SUFFIX | TITLE) || (isWord(lex, head, COMMON_WORD) && !isWord(lex, head, GIVEN_NAME));
}

function scanRun(lex: ActorLexicon, units: readonly Unit[], from: number, to: number, sentence: number, mode: ScanMode, text: string, out: NameCandidate[]): void {
  let p = from;
  // a capitalised common word opening a sentence ("Despite", "The", "Western") is not part of a name,
  // unless the run is an institution's name ("New People Party", "Civil Defense Authority")
  const institution = to - from >= 2 && (isWord(lex, units[to - 1], ORG_SUFFIX) || isWord(lex, units[to - 1], PLACE_SUFFIX));
  while (p < to && units[p].initial && (!institution || isWord(lex, units[p], OPENING_FUNCTION_WORD)) && isWord(lex, units[p], COMMON_WORD | NOT_NAME) && !strongMatch(lex, units, p)) {
    p++;
  }
  if (p < to && units[p].key === 'the') p++;
  let chunk = -1;
  let lastMatch: NameCandidate | undefined;
  const flush = (endAt: number) => {
    if (chunk >= 0 && chunk < endAt && !compoundHead(lex, units, chunk, endAt, lastMatch, mode)) unknownChunk(lex, units, chunk, endAt, sentence, mode, text, out);
    chunk = -1;
  };
  while (p < to) {
    const m = matchPhrase(lex, units, p);
    if (m && acceptMatch(lex, units, m, chunk, mode)) {
      // "United States Navy", "Russian Army": a state word followed by an organisation word is one organisation
      const suffixEnd = orgSuffixAfter(lex, units, m.to, Math.max(to, m.to), m.hit);
      if (suffixEnd > 0 && m.hit.role !== 'seat') {
        if (chunk < 0) chunk = p;
        p = suffixEnd;
        flush(p);
        continue;
      }
      flush(p);
      lastMatch = plainCandidate(lex, units, m.from, m.to, sentence, m.hit.entry?.kind, m.hit);
      out.push(lastMatch);
      p = m.to;
      continue;
    }
    if (chunk < 0) chunk = p;
    p++;
  }
  flush(to);
}

/**
 * "the Helsinki Summit", "the Moscow Metro": one common word right after a known place, in the same run,
 * is the head of a compound naming some thing (an event, a building): no name of its own, and the
 * place is used as a place there (not a metonym for its state).
 */
function compoundHead(lex: ActorLexicon, units: readonly Unit[], from: number, to: number, match: NameCandidate | undefined, mode: ScanMode): boolean {
  if (mode !== 'text' || to - from !== 1 || !match || match.to !== from || match.hit?.role === 'demonym') return false;
  const u = units[from];
  if (u.allCaps || isWord(lex, u, GIVEN_NAME) || isWord(lex, u, SURNAME) || isWord(lex, u, TITLE) || isWord(lex, u, HONORIFIC)) return false;
  if (to < units.length && isWord(lex, units[to], PERSON_VERB)) return false; // "Moscow Sobyanin said": a name after all
  match.locative = true;
  return true;
}


function strongMatch(lex: ActorLexicon, units: readonly Unit[], p: number): boolean {
  const m = matchPhrase(lex, units, p);
  return !!m && (!m.hit.weak || m.to - m.from > 1);
}

function acceptMatch(lex: ActorLexicon, units: readonly Unit[], { hit, from, to }: PhraseMatch, chunk: number, mode: ScanMode): boolean {
  const single = to - from === 1;
  if (hit.weak && single && units[from].initial && isWord(lex, units[from], COMMON_WORD)) return false;
  if (chunk < 0 || mode === 'title') return true;
  // inside a longer unknown name: "George Washington", "Bank of America", "Dean Kamen"
  const prev = units[from - 1];
  if (isWord(lex, prev, CONNECTOR)) return false;
  if (single && hit.role !== 'demonym' && (hit.weak || hit.role === 'capital' || isWord(lex, prev, GIVEN_NAME) || prev.nameInitial)) return false;
  return true;
}

function orgSuffixAfter(lex: ActorLexicon, units: readonly Unit[], from: number, to: number, hit: PhraseHit): number {
  // "Hong Kong Island", "Quebec City": a place word right after a known place names a place
  const kind = hit.entry?.kind;
  if ((kind === 'place' || kind === 'state') && hit.role !== 'demonym' && from < to && !units[from].breakBefore && isWord(lex, units[from], PLACE_SUFFIX)) return from + 1;
  let j = from;
  while (j < to && j - from < 3 && units[j].upper && (!units[j].breakBefore || possessiveInsideName(lex, units, j))) {
    if (isWord(lex, units[j], ORG_SUFFIX)) return j + 1;
    j++;
  }
  return 0;
}

function unknownChunk(lex: ActorLexicon, units: readonly Unit[], from: number, to: number, sentence: number, mode: ScanMode, text: string, out: NameCandidate[]): void {
  let p = from;
  let role = roleBefore(lex, units, p, 0);
  // titles at the head of the run: "President Emmanuel Macron", "U.S. Secretary of State John Kerry"
  for (let n = titleLengthAt(lex, units, p); n > 0 && p + n < to; n = titleLengthAt(lex, units, p)) {
    p += n;
    role = roleBefore(lex, units, p, 0);
  }
  let honorific = false;
  while (p < to && isWord(lex, units[p], HONORIFIC)) {
    p++;
    honorific = true;
  }
  while (p < to && isWord(lex, units[p], NOT_NAME)) p++;
  while (to > p && (isWord(lex, units[to - 1], CONNECTOR) || (isWord(lex, units[to - 1], NOT_NAME) && !(to - p >= 2 && isWord(lex, units[to - 1], ORG_SUFFIX))))) to--;
  if (p >= to) return;
  if (mode === 'title' && !role && !honorific) {
    // Title Case heading: every word is capitalised; only names already known from the text count (decided later)
    for (let i = p; i < to; i++) out.push(plainCandidate(lex, units, i, i + 1, sentence, undefined));
    return;
  }
  const name = units.slice(p, to);
  const cand = plainCandidate(lex, units, p, to, sentence, classify(lex, units, name, p, to, !!role || honorific, mode));
  cand.personCue = !!role || honorific || (to < units.length && isWord(lex, units[to], PERSON_VERB));
  cand.guessed = cand.kind === 'person' && !cand.personCue && !isWord(lex, name[0], GIVEN_NAME) && !name.some((u) => u.nameInitial);
  if (role) {
    cand.roleSpan = { start: units[role.from].start, end: units[p - 1 - (honorific ? 1 : 0)].end };
    cand.role = singleSpaced(text.slice(cand.roleSpan.start, cand.roleSpan.end));
    cand.roleKey = roleKey(role.title, role.state);
  }
  if (units[to]?.punctBefore === '(' && units[to].allCaps && units[to + 1]?.punctBefore === ')') cand.acronym = units[to].key;
  out.push(cand);
}

function plainCandidate(lex: ActorLexicon, units: readonly Unit[], from: number, to: number, sentence: number, kind: ActorKind | undefined, hit?: PhraseHit): NameCandidate {
  return {
    sentence,
    units: units.slice(from, to),
    start: units[from].start,
    end: units[to - 1].end,
    hit,
    kind,
    initial: units[from].initial,
    locative: isLocative(lex, units, from),
    personCue: false,
    determined: from > 0 && !units[from].breakBefore && !units[from - 1].upper && isWord(lex, units[from - 1], DETERMINER),
    from,
    to,
    // set later for some candidates; present on all of them, so every candidate has one shape
    guessed: undefined,
    role: undefined,
    roleKey: undefined,
    roleSpan: undefined,
    acronym: undefined,
  };
}

/** After a locative preposition, maybe with an article: "in Moscow", "at the White House". */
function isLocative(lex: ActorLexicon, units: readonly Unit[], from: number, prepositions = LOCATIVE): boolean {
  if (units[from].breakBefore) return false;
  // (never a negative index: that is a property look-up by name, slow)
  const prev = from > 0 ? units[from - 1] : undefined;
  const beforeArticle = prev?.key === 'the' && !prev.breakBefore ? (from > 1 ? units[from - 2] : undefined) : prev;
  return !!beforeArticle && isWord(lex, beforeArticle, prepositions);
}

/** "a drone strike on Odesa", "attacks on Kharkiv": the target of a strike is a place. */
function isTarget(lex: ActorLexicon, units: readonly Unit[], from: number): boolean {
  return from >= 2 && !units[from].breakBefore && units[from - 1].key === 'on' && !units[from - 1].breakBefore && isWord(lex, units[from - 2], STRIKE_NOUN);
}

/** Kind of an unknown name from its own words and what surrounds it; undefined when undecided. */
function classify(lex: ActorLexicon, units: readonly Unit[], name: Unit[], from: number, to: number, personCue: boolean, mode: ScanMode): ActorKind | undefined {
  const first = name[0];
  const last = name[name.length - 1];
  if (name.length >= 2 && isWord(lex, last, ORG_SUFFIX)) return 'organization';
  if (name.length >= 2 && isWord(lex, last, PLACE_SUFFIX)) return 'place';
  // "University of Southern Indiana", "Council on American-Islamic Relations", "City of London": the head before "of" decides
  const of = name.findIndex((u) => u.key === 'of' || u.key === 'on' || u.key === 'for');
  if (of > 0 && isWord(lex, name[of - 1], ORG_SUFFIX)) return 'organization';
  if (of > 0 && isWord(lex, name[of - 1], PLACE_SUFFIX)) return 'place';
  if (name.length >= 2 && isWord(lex, first, PLACE_PREFIX) && !isWord(lex, first, GIVEN_NAME)) return 'place';
  if (personCue || mode === 'byline') return 'person';
  if (name.length === 1) {
    if (first.allCaps && first.key.length <= 6) return 'organization';
    if (isWord(lex, first, GIVEN_NAME) || isWord(lex, first, SURNAME)) return 'person';
    if (isLocative(lex, units, from, PLACE_LOCATIVE) || isTarget(lex, units, from)) return 'place';
    if (to < units.length && isWord(lex, units[to], PERSON_VERB)) return 'person';
    return undefined;
  }
  if (isWord(lex, first, GIVEN_NAME) || name.some((u) => u.nameInitial)) return 'person';
  if (name.some((u) => u.allCaps)) return 'organization'; // "UNC Greensboro", "LA Weekly"
  // "Cold War", "Iron Curtain", "Strategic Offensive Reductions Treaty": a name with English words in it is some other thing
  if (name.length > 4 || name.some((u) => isWord(lex, u, COMMON_WORD) && !isWord(lex, u, SURNAME))) return 'other';
  return 'person';
}
