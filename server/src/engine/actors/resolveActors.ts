import type { Actor, ActorKind, DocumentAnalysis, LocalEntity } from '../types';
import type { ActorLexicon } from './lexicon';
import { mentionRefsOf, withMentionRefs, type MentionRefs } from './mentionRefs';
import { NAME_SUFFIXES, slug, spellingSkeleton, wordKey } from './names';
import { runToEnd, STEP_DOCUMENTS, STEP_ITEMS, type JoinSteps } from '../joinSteps';
import { resolveDescriptive, type Inference } from './resolveDescriptive';
import { EntityActors } from './entityActors';

export { slug } from './names';

/** The corpus-wide actors: document-local entities joined across documents. */
export interface ActorTable {
  actors: Actor[];
  byId: Map<string, Actor>;
  /** Actor id of a document's local entity. */
  actorOf(path: string, entity: number): string | undefined;
  /** Actor id of each of a document's local entities, by entity index (shorter than its entities when the last have none); undefined when it has none. */
  actorsOf(path: string): readonly (string | undefined)[] | undefined;
  /** For an entity resolved by inference (descriptive references): how sure, and why. */
  inference(path: string, entity: number): Inference | undefined;
}

/** A join of no documents: what is served while the first join is made in slices (see CorpusIndex.settleInSlices). */
export const NO_ACTORS: ActorTable = {
  actors: [],
  byId: new Map(),
  actorOf: () => undefined,
  actorsOf: () => undefined,
  inference: () => undefined,
};

/** What the claim join reads of the actor join: the actor of each document's local entity. */
export type EntityOwners = Pick<ActorTable, 'actorOf'>;

/**
 * What one document brings to the join: its entities and which entity each mention belongs to.
 * Computed from the analysis alone; an incremental join keeps one per document and replaces it
 * when that document changes.
 */
export interface DocumentContribution {
  path: string;
  /** Document date as months since year 0 (null when unknown), for descriptive references. */
  month: number | null;
  entities: LocalEntity[];
  mentionEntities: number[];
}

export function contributionOf(doc: DocumentAnalysis): DocumentContribution {
  return { path: doc.path, month: monthOf(doc.date?.value), entities: doc.entities, mentionEntities: doc.mentions.map((m) => m.entity) };
}

/**
 * Joins the local entities of all documents into actors with stable ids.
 * Reads only the per-document entities and mentions (never the text), so it is cheap to redo.
 */
export function resolveActors(docs: Iterable<DocumentAnalysis>, lexicon: ActorLexicon): ActorTable {
  return joinContributions([...docs].map(contributionOf), lexicon);
}

/**
 * The join's nodes, one per local entity (but descriptive ones), as parallel arrays: at 100k
 * articles there are millions, and no object is made per node. Union-find over `parent`.
 */
class JoinNodes {
  length = 0;
  readonly doc: Int32Array;
  readonly entity: Int32Array;
  private readonly parent: Int32Array;
  /** Each node's entity fact (its number in EntityFacts.list) and that fact's surname role, read by the passes over every node instead of the entity object. */
  readonly fact: Int32Array;
  readonly surnameRole: Uint8Array;
  readonly e: LocalEntity[] = [];

  constructor(capacity: number) {
    [this.doc, this.entity, this.parent, this.fact] = [new Int32Array(capacity), new Int32Array(capacity), new Int32Array(capacity), new Int32Array(capacity)];
    this.surnameRole = new Uint8Array(capacity);
  }

  add(doc: number, entity: number, e: LocalEntity, fact: EntityFact): number {
    const n = this.length++;
    this.doc[n] = doc;
    this.entity[n] = entity;
    this.parent[n] = n;
    this.fact[n] = fact.number;
    this.surnameRole[n] = fact.surnameRole;
    this.e.push(e);
    return n;
  }

  find(n: number): number {
    const parent = this.parent;
    while (parent[n] !== n) {
      parent[n] = parent[parent[n]];
      n = parent[n];
    }
    return n;
  }

  link(a: number, b: number): void {
    const ra = this.find(a);
    const rb = this.find(b);
    if (ra !== rb) this.parent[rb] = ra;
  }
}

/** Joins contributions (in path order, so ids do not depend on the order documents were read). */
export function joinContributions(input: Iterable<DocumentContribution>, lexicon: ActorLexicon): ActorTable {
  return runToEnd(actorJoinSteps(input, lexicon));
}

/**
 * The actor join as steps (see JoinSteps): it pauses every few documents or nodes, so that the
 * language server can make it in slices of time while the editor's requests are answered (at 100k
 * articles it takes seconds). `input` is read lazily, a few documents per step.
 */
export function* actorJoinSteps(input: Iterable<DocumentContribution>, lexicon: ActorLexicon): JoinSteps<ActorTable> {
  const contributions: DocumentContribution[] = [];
  let entities = 0;
  for (const c of input) {
    entities += c.entities.length;
    if (contributions.push(c) % STEP_DOCUMENTS === 0) yield;
  }
  contributions.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  yield;
  const nodes = new JoinNodes(entities);
  const byKey = new Map<string, number>();
  // documents share their entity objects (entities with the same JSON are one object: see
  // residentDocument), so what a node's join depends on is worked out once per object
  const facts = new EntityFacts(lexicon);
  for (let doc = 0; doc < contributions.length; doc++) {
    contributions[doc].entities.forEach((e, entity) => {
      if (e.reference === 'descriptive') return;
      const fact = facts.of(e);
      const n = nodes.add(doc, entity, e, fact);
      // the same entity object elsewhere joined under the same keys already: join its node
      if (fact.first >= 0) return fact.keys.length > 0 ? nodes.link(fact.first, n) : undefined;
      fact.first = n;
      for (const key of fact.keys) {
        const other = byKey.get(key);
        if (other !== undefined) nodes.link(other, n);
        else byKey.set(key, n);
      }
    });
    if (doc % STEP_DOCUMENTS === STEP_DOCUMENTS - 1) yield;
  }
  yield* attachSurnames(nodes, byKey, facts);
  const actorIds = new Map<number, string>();
  const byId = new Map<string, Actor>();
  // each group's entity objects, each once with how many nodes it has there (in order of first node):
  // an actor named everywhere has ~100k nodes at 100k articles and a few distinct entity objects
  const groups = new Map<number, Member[]>();
  const lastGroup = new Int32Array(facts.list.length).fill(-1);
  const memberAt = new Int32Array(facts.list.length);
  for (let n = 0; n < nodes.length; n++) {
    const root = nodes.find(n);
    const fact = nodes.fact[n];
    let g = groups.get(root);
    if (!g) groups.set(root, (g = []));
    if (lastGroup[fact] === root) g[memberAt[fact]].count++;
    else [lastGroup[fact], memberAt[fact]] = [root, g.push({ entity: nodes.e[n], count: 1 }) - 1];
    if (n % STEP_ITEMS === STEP_ITEMS - 1) yield;
  }
  let made = 0;
  for (const [root, members] of groups) {
    const actor = makeActor(lexicon, members, byId);
    byId.set(actor.id, actor);
    actorIds.set(root, actor.id);
    made += members.length;
    if (made >= STEP_ITEMS) {
      made = 0;
      yield;
    }
  }
  const entityActor = new EntityActors();
  for (let n = 0; n < nodes.length; n++) {
    const id = actorIds.get(nodes.find(n))!;
    const path = contributions[nodes.doc[n]].path;
    entityActor.set(path, nodes.entity[n], id);
    const { roles } = nodes.e[n];
    if (roles.length > 0) for (const role of roles) byId.get(id)!.roles.push({ role, path });
    if (n % STEP_ITEMS === STEP_ITEMS - 1) yield;
  }
  const inferences = yield* resolveDescriptive(contributions, entityActor, lexicon);
  for (let doc = 0; doc < contributions.length; doc++) {
    if (doc % STEP_DOCUMENTS === STEP_DOCUMENTS - 1) yield;
    const c = contributions[doc];
    const ids = entityActor.ofDocument(c.path);
    if (!ids) continue;
    c.entities.forEach((e, entity) => {
      const id = ids[entity];
      if (id && (e.reference === 'descriptive' || e.descriptions)) addDescriptiveForms(byId.get(id)!, e);
    });
    // each mention's actor: the document's entities' references looked up once, not per mention
    const refs = ids.map((id) => (id === undefined ? undefined : mentionRefsOf(byId.get(id)!)));
    c.mentionEntities.forEach((entity, index) => refs[entity]?.push(c.path, index));
  }
  return actorTable(byId, entityActor, inferences);
}

/** What the join reads of one entity object, worked out on first use. */
interface EntityFact {
  /** The keys it joins under ("f:" forced by the user file, "g:" a gazetteer id, "p:" a person's full name, "n:" a name key). */
  keys: string[];
  /** Words of its name as a person's (personWords), and the spelling skeleton of the last. */
  personWords: string[];
  surname: string;
  forced: boolean;
  /** The first node of this entity object (set by the join; -1 before). */
  first: number;
  /** Its number in EntityFacts.list. */
  number: number;
  /** A full name surnames may join (FULL_NAME), a single word that may be a surname (SINGLE_WORD), or neither (see attachSurnames). */
  surnameRole: number;
  person: boolean;
}

const FULL_NAME = 1;
const SINGLE_WORD = 2;

class EntityFacts {
  private readonly facts = new Map<LocalEntity, EntityFact>();
  readonly list: EntityFact[] = [];
  constructor(private readonly lexicon: ActorLexicon) {}

  of(e: LocalEntity): EntityFact {
    let fact = this.facts.get(e);
    if (!fact) {
      this.facts.set(e, (fact = this.make(e)));
      this.list.push(fact);
    }
    return fact;
  }

  private make(e: LocalEntity): EntityFact {
    const forced = forcedId(this.lexicon, e);
    const words = personWords(e.name);
    let keys: string[];
    if (forced) keys = [`f:${forced}`];
    else if (e.reference === 'metonym' && e.standsFor) keys = [`g:${e.standsFor}`];
    else if (e.gazetteerId) keys = [`g:${e.gazetteerId}`];
    else if (e.kind === 'person') keys = words.length < 2 ? [] : [personKey(words)];
    else keys = e.keys.map((k) => `n:${k}`);
    const person = e.kind === 'person';
    // (the conditions attachSurnames joins surnames by)
    const fullName = person && !e.gazetteerId && words.length >= 2;
    const singleWord = (person || e.kind === 'other') && !e.gazetteerId && !e.reference && words.length === 1 && forced === undefined;
    const surnameRole = fullName ? FULL_NAME : singleWord ? SINGLE_WORD : 0;
    return { keys, personWords: words, surname: words.length > 0 ? spellingSkeleton(words[words.length - 1]) : '', forced: forced !== undefined, first: -1, number: this.list.length, surnameRole, person };
  }
}

/** The table's look-ups, in a scope that holds nothing else of the join. */
function actorTable(byId: Map<string, Actor>, entityActor: EntityActors, inferences: Map<string, Inference>): ActorTable {
  return {
    actors: [...byId.values()],
    byId,
    actorOf: (path, entity) => entityActor.get(path, entity),
    actorsOf: (path) => entityActor.ofDocument(path),
    inference: (path, entity) => inferences.get(`${path}\u0000${entity}`),
  };
}

function forcedId(lex: ActorLexicon, e: LocalEntity): string | undefined {
  if (lex.forcedIds.size === 0) return undefined;
  for (const k of [nameKey(e.name), ...e.keys]) {
    const id = lex.forcedIds.get(k);
    if (id) return id;
  }
  return undefined;
}

function nameKey(name: string): string {
  return name.split(/[\s-]+/).filter(Boolean).map(wordKey).join(' ');
}

/** "p:angela||merkel": first name and surname spelling skeleton, from a person's name words (two or more). */
function personKey(words: string[]): string {
  const middle = words.slice(1, -1).filter((w) => w.length <= 2).join('');
  return `p:${words[0]}|${middle}|${spellingSkeleton(words[words.length - 1])}`;
}

function personWords(name: string): string[] {
  return name
    .split(/\s+/)
    .map(wordKey)
    .filter((w) => w && !NAME_SUFFIXES.has(w));
}

/** A person named by surname alone joins the one full name with that surname in the corpus, if only one. */
function* attachSurnames(nodes: JoinNodes, byKey: Map<string, number>, facts: EntityFacts): JoinSteps<void> {
  const fullBySurname = new Map<string, Set<number>>();
  for (let n = 0; n < nodes.length; n++) {
    if (n % STEP_ITEMS === STEP_ITEMS - 1) yield;
    if (nodes.surnameRole[n] !== FULL_NAME) continue;
    const s = facts.list[nodes.fact[n]].surname;
    let set = fullBySurname.get(s);
    if (!set) fullBySurname.set(s, (set = new Set()));
    set.add(nodes.find(n));
  }
  for (let n = 0; n < nodes.length; n++) {
    if (n % STEP_ITEMS === STEP_ITEMS - 1) yield;
    // a single word of undecided kind ("When Navalny objected") may be a surname too; not one the user file placed
    if (nodes.surnameRole[n] !== SINGLE_WORD) continue;
    const fact = facts.list[nodes.fact[n]];
    const s = fact.surname;
    const root = onlyRoot(nodes, fullBySurname.get(s));
    if (root >= 0) nodes.link(root, n);
    else if (fact.person) {
      const key = `s:${s}`;
      if (byKey.has(key)) nodes.link(byKey.get(key)!, n);
      else byKey.set(key, n);
    }
  }
}

/** The root all the nodes of `of` share, if they are in one group (-1 for none or several). */
function onlyRoot(nodes: JoinNodes, of: Set<number> | undefined): number {
  let root = -1;
  for (const n of of ?? []) {
    const r = nodes.find(n);
    if (root < 0) root = r;
    else if (r !== root) return -1;
  }
  return root;
}

/** An entity object of a group, and how many of the group's nodes it is (an entity object may also be in other groups). */
interface Member {
  entity: LocalEntity;
  count: number;
}

function makeActor(lex: ActorLexicon, members: Member[], taken: Map<string, Actor>): Actor {
  const forced = members.map((m) => forcedId(lex, m.entity)).find(Boolean);
  const metonym = members.find((m) => m.entity.reference === 'metonym')?.entity;
  const gazetteerId = forced ?? members.find((m) => m.entity.gazetteerId && m.entity.reference !== 'metonym')?.entity.gazetteerId ?? metonym?.standsFor;
  const entry = gazetteerId ? lex.entries.get(gazetteerId) : undefined;
  const named = members.filter((m) => m.entity.reference !== 'metonym');
  const name = entry?.name ?? canonicalName(named.length ? named : members);
  const kind = entry?.kind ?? majorityKind(named.length ? named : members);
  let id = gazetteerId ?? slug(name);
  if (!id) id = 'actor';
  for (let i = 2; taken.has(id) && !gazetteerId; i++) id = `${slug(name) || 'actor'}-${i}`;
  // names only so far (descriptive forms come later, addDescriptiveForms): each once, in order of first use
  const aliases = new Set<string>();
  for (const m of named) for (const a of m.entity.aliases) aliases.add(a);
  const actor = withMentionRefs({ id, name, kind, aliases: [...aliases], roles: [] });
  if (entry?.description) actor.description = entry.description;
  return actor;
}

/**
 * Adds a surface form to an actor's aliases, names first and descriptive forms ("the Russian
 * president", listed in `descriptiveAliases` too) after them. Shared with the incremental patch.
 */
export function addAlias(actor: Actor, alias: string, descriptive = false): void {
  const forms = actor.descriptiveAliases;
  if (descriptive) {
    if (actor.aliases.length >= 64 || actor.aliases.some((a) => a.toLowerCase() === alias.toLowerCase())) return;
    actor.aliases.push(alias);
    (actor.descriptiveAliases ??= []).push(alias);
    return;
  }
  if (actor.aliases.includes(alias)) return;
  const at = forms?.length ? actor.aliases.indexOf(forms[0]) : -1;
  if (at < 0) actor.aliases.push(alias);
  else actor.aliases.splice(at, 0, alias);
}

/** The descriptive forms a local entity brings: resolved in its document, or the entity itself when the corpus resolved it. */
export function addDescriptiveForms(actor: Actor, e: LocalEntity): void {
  if (e.reference === 'descriptive') addAlias(actor, e.name, true);
  for (const form of e.descriptions ?? []) addAlias(actor, form, true);
}

/** The most frequent full form, longest on a tie ("Angela Merkel" over "Merkel"). */
function canonicalName(members: Member[]): string {
  const counts = new Map<string, number>();
  for (const m of members) counts.set(m.entity.name, (counts.get(m.entity.name) ?? 0) + m.count);
  const words = (s: string) => s.split(/\s+/).length;
  return [...counts.entries()].sort((a, b) => Math.min(words(b[0]), 3) - Math.min(words(a[0]), 3) || b[1] - a[1] || b[0].length - a[0].length || (a[0] < b[0] ? -1 : 1))[0][0];
}

function majorityKind(members: Member[]): ActorKind {
  const counts = new Map<ActorKind, number>();
  for (const { entity, count } of members) if (entity.kind !== 'other') counts.set(entity.kind, (counts.get(entity.kind) ?? 0) + count);
  return [...counts.entries()].sort((a, b) => b[1] - a[1])[0]?.[0] ?? 'other';
}

/** "2025-06-01" / "2025-06" / "2025" -> months since year 0 (mid-year for a bare year). */
export function monthOf(value: string | undefined): number | null {
  const m = value ? /^(\d{4})(?:-(\d{2}))?/.exec(value) : null;
  if (!m) return null;
  return Number(m[1]) * 12 + (m[2] ? Number(m[2]) - 1 : 6);
}
