/**
 * The actor lexicon: the built-in gazetteer (states, organisations, places, seats of power, titles,
 * demonyms, name and word lists) merged with the `actors` section of the workspace file
 * `.corpus-lens.json` (format: docs/actors.md). Built once; plain data in Maps and Sets.
 */
import { createHash } from 'node:crypto';
import type { ActorKind } from '../types';
import gazetteer from '../lexicon/gazetteer.json';
import rules from '../lexicon/gazetteer-titles.json';
import words from '../lexicon/gazetteer-words.json';
import { slug, STEM_PREFIX } from './names';
import { phraseUnitKeys } from './units';
import { parseUserActors, type UserActors } from './userFile';

/**
 * How a gazetteer phrase refers:
 * - name: the actor's own name or alias
 * - capital: a capital city; read as a metonym for its state unless used as a location ("in Moscow")
 * - seat: a seat of power, always a metonym ("the Kremlin")
 * - demonym: an adjective/noun of nationality ("Russian", "Russians")
 */
export type PhraseRole = 'name' | 'capital' | 'seat' | 'demonym';

export interface PhraseHit {
  id: string;
  role: PhraseRole;
  /** Short all-capital aliases ("US", "WHO") only match in capitals. */
  capitalsOnly: boolean;
  /** From the built-in word lists, not hand-made: loses to a common-word reading at a sentence start. */
  weak: boolean;
  /** `entries.get(id)`, linked once the lexicon is complete. */
  entry?: GazetteerEntry;
}

export interface GazetteerEntry {
  id: string;
  name: string;
  kind: ActorKind;
  description?: string;
  /** For capitals and seats: the state they stand for. */
  standsFor?: string;
}

export interface TrieNode {
  next?: Map<string, TrieNode>;
  hit?: PhraseHit;
}

/** A set of word sequences, one level per word key. */
export interface WordTrie {
  next?: Map<string, WordTrie>;
  /** A sequence ends here. */
  end?: boolean;
}

export interface ActorLexicon {
  /** Bumped whenever its content changes, so cached analyses made with another lexicon are redone. */
  version: string;
  entries: Map<string, GazetteerEntry>;
  /** Phrases by their word keys, one level per word. */
  phrases: TrieNode;
  /** Role titles by phrase key ("prime minister"), at most `titleWords` words. */
  titles: Set<string>;
  /** The same titles by their word keys, and by their word keys from the last one back, to match without building strings. */
  titleWordsForward: WordTrie;
  titleWordsBackward: WordTrie;
  titleWords: number;
  /** One-word titles of six letters or more without their last letter ("presiden"), for words made from them; by their first STEM_PREFIX letters. */
  titleStems: Map<string, string[]>;
  headOfStateTitles: Set<string>;
  honorifics: Set<string>;
  orgSuffixes: Set<string>;
  placeSuffixes: Set<string>;
  placePrefixes: Set<string>;
  connectors: Set<string>;
  locatives: Set<string>;
  placeLocatives: Set<string>;
  /** Nouns whose "on X" names a place ("a strike on X"). */
  strikeNouns: Set<string>;
  personVerbs: Set<string>;
  notNames: Set<string>;
  predicative: Set<string>;
  givenNames: Set<string>;
  surnames: Set<string>;
  commonWords: Set<string>;
  /** User file: name key -> forced actor id (merges, splits and added actors). */
  forcedIds: Map<string, string>;
  /** User file: name keys that are never actors. */
  ignored: Set<string>;
}

let builtin: ActorLexicon | undefined;

export function builtinLexicon(): ActorLexicon {
  builtin ??= buildLexicon().lexicon;
  return builtin;
}

/**
 * The built-in lexicon plus the user's `actors` section (the parsed JSON value, or undefined).
 * A malformed section is reported in `problems` and its bad parts ignored; it never throws.
 */
export function buildLexicon(userActors?: unknown): { lexicon: ActorLexicon; problems: string[] } {
  const { actors: user, problems } = parseUserActors(userActors);
  const lexicon = emptyLexicon(user);
  addBuiltinGazetteer(lexicon);
  addUserActors(lexicon, user);
  linkEntries(lexicon, lexicon.phrases);
  return { lexicon, problems };
}

function emptyLexicon(user: UserActors): ActorLexicon {
  const set = (list: string[]) => new Set(list.map((w) => w.toLowerCase()));
  const titleKeys = rules.titles.map((t) => phraseUnitKeys(t));
  const names = new Set([...words.givenNames, ...words.surnames, ...words.cities, ...words.regions]);
  return {
    version: `actors-1:${createHash('sha1').update(JSON.stringify(user)).digest('hex').slice(0, 12)}`,
    entries: new Map(),
    phrases: { next: undefined, hit: undefined },
    titles: new Set(titleKeys.map((keys) => keys.join(' '))),
    titleWordsForward: wordTrie(titleKeys),
    titleWordsBackward: wordTrie(titleKeys.map((keys) => [...keys].reverse())),
    titleWords: Math.max(...titleKeys.map((keys) => keys.length)),
    titleStems: groupByPrefix(rules.titles.filter((t) => /^[a-z]{6,}$/.test(t)).map((t) => t.slice(0, -1))),
    headOfStateTitles: set(rules.headOfStateTitles),
    honorifics: set(rules.honorifics),
    orgSuffixes: set(rules.orgSuffixes),
    placeSuffixes: set(rules.placeSuffixes),
    placePrefixes: set(rules.placePrefixes),
    connectors: set(rules.connectors),
    locatives: set(rules.locatives),
    placeLocatives: set(rules.placeLocatives),
    strikeNouns: set(rules.strikeNouns),
    personVerbs: set(rules.personVerbs),
    notNames: set(rules.notNames),
    predicative: set(rules.predicative),
    givenNames: set([...words.givenNames, ...rules.givenNamesThatAreWords]),
    surnames: set(words.surnames),
    commonWords: new Set(words.commonWords.filter((w) => !names.has(w))),
    forcedIds: new Map(),
    ignored: new Set(),
  };
}

function groupByPrefix(stems: string[]): Map<string, string[]> {
  const groups = new Map<string, string[]>();
  for (const stem of stems) {
    const prefix = stem.slice(0, STEM_PREFIX);
    const group = groups.get(prefix);
    if (group) group.push(stem);
    else groups.set(prefix, [stem]);
  }
  return groups;
}

function wordTrie(sequences: string[][]): WordTrie {
  const root: WordTrie = { next: undefined, end: false };
  for (const keys of sequences) {
    if (keys.length === 0) continue;
    let node = root;
    for (const k of keys) {
      node.next ??= new Map();
      let child = node.next.get(k);
      if (!child) node.next.set(k, (child = { next: undefined, end: false }));
      node = child;
    }
    node.end = true;
  }
  return root;
}

function addBuiltinGazetteer(lex: ActorLexicon): void {
  for (const [id, name, aliases, demonyms, capitals] of gazetteer.states as [string, string, string[], string[], string[]][]) {
    addEntry(lex, { id, name, kind: 'state' }, [name, ...aliases], false);
    for (const d of demonyms) addPhrase(lex, d, { id, role: 'demonym', capitalsOnly: false, weak: false });
    for (const capital of capitals) {
      const capitalId = slug(capitals[0]);
      if (!lex.entries.has(capitalId)) lex.entries.set(capitalId, { id: capitalId, name: capitals[0], kind: 'place', standsFor: id });
      addPhrase(lex, capital, { id: capitalId, role: 'capital', capitalsOnly: false, weak: false });
    }
  }
  for (const [id, name, aliases, description] of gazetteer.organizations as [string, string, string[], string?][]) {
    addEntry(lex, { id, name, kind: 'organization', description }, [name, ...aliases], false);
  }
  for (const [id, name, aliases, demonyms, kind] of gazetteer.places as [string, string, string[], string[], string][]) {
    addEntry(lex, { id, name, kind: kind as ActorKind }, [name, ...aliases], false);
    for (const d of demonyms) addPhrase(lex, d, { id, role: 'demonym', capitalsOnly: false, weak: false });
  }
  for (const [phrase, standsFor] of gazetteer.seats as [string, string, string?][]) {
    const id = slug(phrase);
    lex.entries.set(id, { id, name: phrase, kind: 'organization', standsFor });
    addPhrase(lex, phrase, { id, role: 'seat', capitalsOnly: false, weak: false });
  }
  const weakLists: [string[], ActorKind][] = [
    [words.cities, 'place'],
    [words.regions, 'place'],
    [words.places, 'place'],
    [words.organizations, 'organization'],
  ];
  for (const [list, kind] of weakLists) {
    for (const phrase of list) {
      if (/^the /.test(phrase)) continue;
      const id = slug(phrase);
      if (!lex.entries.has(id)) lex.entries.set(id, { id, name: titleCase(phrase), kind });
      addPhrase(lex, phrase, { id, role: 'name', capitalsOnly: phrase.length <= 4, weak: true });
    }
  }
}

function addUserActors(lex: ActorLexicon, user: UserActors): void {
  for (const a of user.add) {
    const existing = lex.entries.get(a.id);
    const entry: GazetteerEntry = { ...existing, id: a.id, name: a.name ?? existing?.name ?? a.id, kind: a.kind ?? existing?.kind ?? 'other' };
    if (a.description) entry.description = a.description;
    addEntry(lex, entry, [entry.name, ...a.aliases], true);
    for (const alias of [entry.name, ...a.aliases]) lex.forcedIds.set(phraseUnitKeys(alias).join(' '), a.id);
  }
  for (const group of user.merge) {
    const id = lex.forcedIds.get(phraseUnitKeys(group[0]).join(' ')) ?? slug(group[0]);
    for (const name of group) lex.forcedIds.set(phraseUnitKeys(name).join(' '), id);
  }
  for (const group of user.split) for (const name of group) lex.forcedIds.set(phraseUnitKeys(name).join(' '), slug(name));
  for (const name of user.ignore) lex.ignored.add(phraseUnitKeys(name).join(' '));
}

function addEntry(lex: ActorLexicon, entry: GazetteerEntry, phrases: string[], override: boolean): void {
  lex.entries.set(entry.id, entry);
  for (const p of phrases) {
    const capitalsOnly = /^[\p{Lu}.&\d]+$/u.test(p) && p.replace(/\./g, '').length <= 4;
    addPhrase(lex, p, { id: entry.id, role: 'name', capitalsOnly, weak: false }, override);
  }
}

/** Every phrase hit points at its entry (the user file may have replaced an entry after its phrases were added). */
function linkEntries(lex: ActorLexicon, node: TrieNode): void {
  if (node.hit) node.hit.entry = lex.entries.get(node.hit.id);
  if (node.next) for (const child of node.next.values()) linkEntries(lex, child);
}

function addPhrase(lex: ActorLexicon, phrase: string, hit: PhraseHit, override = false): void {
  const keys = phraseUnitKeys(phrase.replace(/^the\s+/i, ''));
  if (keys.length === 0) return;
  let node = lex.phrases;
  for (const k of keys) {
    node.next ??= new Map();
    let child = node.next.get(k);
    if (!child) node.next.set(k, (child = { next: undefined, hit: undefined })); // one shape for every node
    node = child;
  }
  if (!node.hit || override) node.hit = hit;
}

function titleCase(phrase: string): string {
  return phrase.replace(/(^|[\s-])(\p{L})/gu, (_, sep: string, ch: string) => sep + ch.toUpperCase());
}
