/**
 * Pass 2 of the name finder: decides the candidates the sentence alone could not (a capital at a
 * sentence start, a word in a Title Case heading) with the evidence of the whole document, and
 * groups mentions into document-local entities (surname -> full name, acronym -> expansion,
 * spelling variants), never joining a person with a state.
 */
import type { ActorKind, ActorMention, LocalEntity, MentionKind } from '../types';
import type { ActorLexicon, PhraseHit } from './lexicon';
import { isAcronymOf, NAME_SUFFIXES, singleSpaced, spellingSkeleton, STEM_PREFIX } from './names';
import { collectEvidence, type DocumentEvidence } from './evidence';
import type { NameCandidate } from './scan';
import type { Unit } from './units';
import { COMMON_WORD, GIVEN_NAME, HONORIFIC, isWord, NOT_NAME, SURNAME, TITLE } from './lexiconWords';

export interface EntityDraft {
  key: string;
  entity: LocalEntity;
  /** For persons: surname skeleton and first-name key. */
  surname?: string;
  first?: string;
  /** Initials of a multi-word organisation/place ("CAIR"). */
  initials?: string;
  /** Start offsets of its multi-word mentions, in text order, to find the nearest one. */
  positions: number[];
  /** Its index among the document's entities once numbered (findActors), else -1. */
  order: number;
}

export interface MentionDraft extends Omit<ActorMention, 'entity'> {
  entity: EntityDraft;
}

/** A mention of `entity` over `c` (every draft has the same fields, `role` and `roleSpan` undefined when there is no role). */
export function mentionDraft(entity: EntityDraft, c: { start: number; end: number; sentence: number; role?: string; roleSpan?: { start: number; end: number } }, text: string, kind: MentionKind, confidence: number): MentionDraft {
  const role = c.role ? c.role : undefined;
  return { start: c.start, end: c.end, text, kind, entity, confidence, sentence: c.sentence, role, roleSpan: role ? c.roleSpan : undefined };
}

export class EntityTable {
  readonly drafts: EntityDraft[] = [];
  readonly mentions: MentionDraft[] = [];
  /** Drafts by namespace ('g' gazetteer, 'm' metonym, 'p' person, 'n:<kind>' other names, 'a' acronym, 'u' single word, 'd' descriptive) and name. */
  private readonly byKey = new Map<string, Map<string, EntityDraft>>();
  private readonly bySurname = new Map<string, EntityDraft[]>();
  private readonly byInitials = new Map<string, EntityDraft>();

  /** Persons of the document with this surname skeleton. */
  withSurname(surname: string): EntityDraft[] {
    return this.bySurname.get(surname) ?? [];
  }

  setSurname(d: EntityDraft, surname: string): void {
    if (d.surname === surname) return;
    d.surname = surname;
    const list = this.bySurname.get(surname);
    if (list) list.push(d);
    else this.bySurname.set(surname, [d]);
  }

  withInitials(initials: string): EntityDraft | undefined {
    return this.byInitials.get(initials);
  }

  setInitials(d: EntityDraft, initials: string): void {
    d.initials = initials;
    if (!this.byInitials.has(initials)) this.byInitials.set(initials, d);
  }

  get(space: string, name: string): EntityDraft | undefined {
    return this.byKey.get(space)?.get(name);
  }

  /** The draft named `name` in `space` (its key is "space:name"), made on first use. */
  entity(space: string, name: string, make: () => LocalEntity): EntityDraft {
    const names = this.namesIn(space);
    let d = names.get(name);
    if (!d) {
      d = { key: `${space}:${name}`, entity: make(), positions: [], order: -1 };
      names.set(name, d);
      this.drafts.push(d);
    }
    return d;
  }

  alias(space: string, name: string, draft: EntityDraft): void {
    const names = this.namesIn(space);
    if (!names.has(name)) names.set(name, draft);
  }

  private namesIn(space: string): Map<string, EntityDraft> {
    let names = this.byKey.get(space);
    if (!names) this.byKey.set(space, (names = new Map()));
    return names;
  }

  mention(draft: EntityDraft, m: MentionDraft): void {
    if (m.kind === 'name' && draft.entity.aliases.length < 64 && !draft.entity.aliases.includes(m.text)) draft.entity.aliases.push(m.text);
    if (m.role && draft.entity.roles.length < 64 && !draft.entity.roles.includes(m.role)) draft.entity.roles.push(m.role);
    this.mentions.push(m);
  }
}

/** Folded surface text of a candidate (line breaks inside a name become spaces). */
function surface(text: string, c: { start: number; end: number }): string {
  return singleSpaced(text.slice(c.start, c.end));
}

export function assembleEntities(lex: ActorLexicon, text: string, candidates: NameCandidate[], runningText: readonly (readonly Unit[])[], titleModeSentences: Set<number>): EntityTable {
  const table = new EntityTable();
  const pending: NameCandidate[] = [];
  // a guessed two-word "person" opening with a known person's surname is that person and a thing ("Warhol Polaroids")
  const surnames = new Set<string>();
  for (const c of candidates) if (c.kind === 'person' && !c.guessed && c.units.length >= 2) surnames.add(spellingSkeleton(c.units[c.units.length - 1].key));
  // 1. gazetteer names and multi-word names make entities
  for (const c of candidates) {
    if (c.guessed && surnames.has(spellingSkeleton(c.units[0].key)) && !surnames.has(spellingSkeleton(c.units[c.units.length - 1].key))) {
      pending.push({ ...c, units: [c.units[0]], end: c.units[0].end, kind: 'person' });
      continue;
    }
    if (c.hit) addGazetteer(lex, table, text, c);
    else if (c.units.length >= 2 && !titleModeSentences.has(c.sentence)) addMultiWord(lex, table, text, c);
    else pending.push(c);
  }
  mergeShortForms(table);
  const asked = new Set<string>();
  for (const c of pending) asked.add(c.units[0].key);
  const evidence = collectEvidence(runningText, asked);
  // 2. single words: surnames, acronyms, names repeated in the document (headings last: they only echo the text)
  for (const c of pending) if (!titleModeSentences.has(c.sentence)) addSingleWord(lex, table, text, c, evidence, false);
  for (const c of pending) if (titleModeSentences.has(c.sentence)) addSingleWord(lex, table, text, c, evidence, true);
  return table;
}

function addGazetteer(lex: ActorLexicon, table: EntityTable, text: string, c: NameCandidate): void {
  const hit = c.hit!;
  const entry = hit.entry!;
  if (lex.ignored.size && lex.ignored.has(c.units.map((u) => u.key).join(' '))) return; // the user file says it is no actor
  const t = surface(text, c);
  if (hit.role === 'demonym') {
    const d = table.entity('g', hit.id, () => gazetteerEntity(hit));
    table.mention(d, mentionDraft(d, c, t, 'demonym', 0.9));
    return;
  }
  const metonym = hit.role === 'seat' || (hit.role === 'capital' && !c.locative);
  if (metonym && entry.standsFor) {
    const d = table.entity('m', hit.id, () => gazetteerEntity(hit, entry.standsFor));
    table.mention(d, mentionDraft(d, c, t, 'metonym', 0.8));
    return;
  }
  const d = table.entity('g', hit.id, () => gazetteerEntity(hit));
  table.mention(d, mentionDraft(d, c, t, 'name', hit.weak ? 0.8 : 0.95));
}

/** The entity of a gazetteer entry; with `standsFor`, a metonym for that actor. */
function gazetteerEntity(hit: PhraseHit, standsFor?: string): LocalEntity {
  const id = hit.id;
  const entry = hit.entry!;
  if (standsFor === undefined) return { name: entry.name, kind: entry.kind, gazetteerId: id, keys: [id], aliases: [], roles: [] };
  return { name: entry.name, kind: entry.kind, gazetteerId: id, keys: [id], aliases: [], roles: [], standsFor, reference: 'metonym' };
}

function addMultiWord(lex: ActorLexicon, table: EntityTable, text: string, c: NameCandidate): void {
  const fullKey = c.units.map((u) => u.key).join(' ');
  const forced = lex.forcedIds.get(fullKey);
  // names of events, eras, works and things ("Cold War", "Iron Curtain", a treaty) are not actors, unless the user file says so
  const kind = c.kind ?? (forced ? lex.entries.get(forced)?.kind : undefined) ?? 'other';
  if (kind === 'other' && !forced) return;
  if (c.determined && c.guessed) return; // "this Tear Down": Title Case, not a name
  const words = c.units.filter((u) => !NAME_SUFFIXES.has(u.key));
  if (lex.ignored.has(fullKey)) return;
  const t = surface(text, c);
  let d: EntityDraft;
  if (kind === 'person') {
    const first = words[0].key;
    const surname = spellingSkeleton(words[words.length - 1].key);
    const middle = words.slice(1, -1).map((u) => (u.nameInitial ? u.key : spellingSkeleton(u.key))).join(' ');
    d = table.entity('p', `${first}|${middle}|${surname}`, () => ({ name: t, kind, keys: [], aliases: [], roles: [] }));
    table.setSurname(d, surname);
    d.first = first;
    if (t.length > d.entity.name.length) d.entity.name = t;
  } else {
    d = table.get('a', fullKey) ?? table.entity(`n:${kind}`, fullKey, () => ({ name: t, kind, keys: [], aliases: [], roles: [] }));
    const initials = c.units.filter((u) => u.upper).map((u) => u.text[0]).join('');
    if (initials.length >= 2 && isAcronymOf(initials, c.units.map((u) => u.text))) table.setInitials(d, initials.toLowerCase());
  }
  if (!d.entity.keys.includes(fullKey)) d.entity.keys.push(fullKey);
  if (c.roleKey) (d.entity.roleKeys ??= []).includes(c.roleKey) || d.entity.roleKeys!.push(c.roleKey);
  if (c.acronym) {
    table.alias('a', c.acronym, d);
    if (!d.entity.keys.includes(c.acronym)) d.entity.keys.push(c.acronym);
  }
  d.positions.push(c.start);
  table.mention(d, mentionDraft(d, c, t, 'name', kind === 'other' ? 0.5 : 0.9));
}

/** "John Smith" joins "John Q. Smith" when he is the only John … Smith in the document. */
function mergeShortForms(table: EntityTable): void {
  const persons = table.drafts.filter((d) => d.surname !== undefined);
  for (const d of persons) {
    const [first, middle, surname] = d.key.slice(2).split('|');
    if (middle) continue;
    const longer = table.withSurname(surname).filter((o) => o !== d && o.first === first && o.entity.keys.length);
    if (longer.length !== 1) continue;
    const target = longer[0];
    for (const m of table.mentions) if (m.entity === d) m.entity = target;
    for (const k of d.entity.keys) if (!target.entity.keys.includes(k)) target.entity.keys.push(k);
    for (const a of d.entity.aliases) if (!target.entity.aliases.includes(a)) target.entity.aliases.push(a);
    target.positions = mergeSorted(target.positions, d.positions);
    d.entity.keys = [];
  }
}

function addSingleWord(lex: ActorLexicon, table: EntityTable, text: string, c: NameCandidate, evidence: DocumentEvidence, titleMode: boolean): void {
  const u = c.units[0];
  if (c.units.length > 1 || lex.ignored.has(u.key) || isWord(lex, u, NOT_NAME) || isWord(lex, u, HONORIFIC) || isWord(lex, u, TITLE)) return;
  if (u.key.length < 2 || /^\d/.test(u.key) || isTitleDerived(lex, u.key)) return;
  const t = surface(text, c);
  const forced = lex.forcedIds.get(u.key);
  const person = nearest(
    table.withSurname(spellingSkeleton(u.key)).filter((d) => d.entity.keys.length && !splitApart(lex, forced, d)),
    c.start,
  );
  if (person.draft && (!u.allCaps || u.key.length > 4)) {
    table.mention(person.draft, mentionDraft(person.draft, c, t, 'name', person.unique ? 0.9 : 0.6));
    return;
  }
  const expansion = table.get('a', u.key) ?? (u.allCaps ? table.withInitials(u.key) : undefined);
  if (expansion) {
    table.mention(expansion, mentionDraft(expansion, c, t, 'name', 0.85));
    return;
  }
  const known = table.get('u', u.key);
  if (known) {
    if (!known.entity.kind || known.entity.kind === 'other') known.entity.kind = c.kind ?? known.entity.kind;
    table.mention(known, mentionDraft(known, c, t, 'name', 0.7));
    return;
  }
  if (titleMode || c.determined) return;
  const common = !u.allCaps && (isWord(lex, u, COMMON_WORD) || (evidence.lowercase.has(u.key) && !c.personCue));
  if (common && !c.personCue && !c.acronym) return;
  // a capital at a sentence start is evidence only when the word is capitalised elsewhere, takes a possessive
  // ("Merkel's"), is a known personal name, or is named in the user file
  const knownName = isWord(lex, u, SURNAME) || isWord(lex, u, GIVEN_NAME) || lex.forcedIds.has(u.key);
  if (c.initial && !c.personCue && !evidence.capitalised.has(u.key) && !u.allCaps && !u.possessive && !knownName) return;
  const kind: ActorKind = c.kind ?? 'other';
  const d = table.entity('u', u.key, () => ({ name: t, kind, keys: [u.key], aliases: [], roles: [] }));
  if (c.roleKey) (d.entity.roleKeys ??= []).includes(c.roleKey) || d.entity.roleKeys!.push(c.roleKey);
  if (kind === 'person') table.setSurname(d, spellingSkeleton(u.key));
  table.mention(d, mentionDraft(d, c, t, 'name', kind === 'other' ? 0.5 : 0.7));
}

/** "Presidency", "Presidential", "Ministerial": words made from a title are no names. */
function isTitleDerived(lex: ActorLexicon, key: string): boolean {
  const stems = key.length > STEM_PREFIX + 1 ? lex.titleStems.get(key.slice(0, STEM_PREFIX)) : undefined;
  if (stems) for (const stem of stems) if (key.startsWith(stem) && key.length > stem.length + 1) return true;
  return false;
}

/** The user file says this word and this entity are different actors. */
function splitApart(lex: ActorLexicon, forced: string | undefined, d: EntityDraft): boolean {
  if (!forced) return false;
  const other = d.entity.keys.map((k) => lex.forcedIds.get(k)).find(Boolean);
  return !!other && other !== forced;
}

/** Of several persons sharing a surname, the one named last before `at` (or, failing that, soonest after). */
function nearest(drafts: EntityDraft[], at: number): { draft?: EntityDraft; unique: boolean } {
  if (drafts.length <= 1) return { draft: drafts[0], unique: true };
  let best: EntityDraft | undefined;
  let bestDistance = Infinity;
  for (const d of drafts) {
    const i = lastAtOrBefore(d.positions, at);
    const before = i >= 0 ? at - d.positions[i] : Infinity;
    const after = i + 1 < d.positions.length ? (d.positions[i + 1] - at) * 4 : Infinity; // prefer the last one named before
    const distance = Math.min(before, after);
    if (distance < bestDistance) {
      bestDistance = distance;
      best = d;
    }
  }
  return { draft: best, unique: false };
}

function lastAtOrBefore(sorted: number[], at: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid] <= at) lo = mid + 1;
    else hi = mid;
  }
  return lo - 1;
}

function mergeSorted(a: number[], b: number[]): number[] {
  return [...a, ...b].sort((x, y) => x - y);
}
