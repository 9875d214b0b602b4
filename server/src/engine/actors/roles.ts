/**
 * Role titles around names ("Russian President", "Foreign Minister", "U.S. Secretary of State") and
 * gazetteer look-ups on units. A role is shown on hover cards and, as a role key
 * ("president@russia"), lets descriptive references ("the Russian president") find their actor.
 */
import type { ActorLexicon, PhraseHit, WordTrie } from './lexicon';
import { lexiconWord } from './lexiconWords';
import type { Unit } from './units';

export interface PhraseMatch {
  hit: PhraseHit;
  /** Units [from, to) of the match. */
  from: number;
  to: number;
}

/** Longest gazetteer phrase starting at unit `from`, not crossing punctuation. */
export function matchPhrase(lex: ActorLexicon, units: readonly Unit[], from: number): PhraseMatch | undefined {
  if (!units[from]?.upper) return undefined; // names start with a capital
  let node = lexiconWord(lex, units[from]).phrase;
  let best: PhraseMatch | undefined;
  for (let i = from; node; ) {
    if (node.hit && (!node.hit.capitalsOnly || allCaps(units, from, i + 1))) best = { hit: node.hit, from, to: i + 1 };
    i++;
    if (i >= units.length || !node.next || units[i].breakBefore) break;
    node = node.next.get(units[i].key);
  }
  return best;
}

function allCaps(units: readonly Unit[], from: number, to: number): boolean {
  for (let i = from; i < to; i++) if (!units[i].allCaps) return false;
  return true;
}

/** Length (in units) of the longest title starting at unit `from` (0 if none). */
export function titleLengthAt(lex: ActorLexicon, units: readonly Unit[], from: number): number {
  if (from >= units.length) return 0;
  let node: WordTrie | undefined = lexiconWord(lex, units[from]).titleFirst;
  let best = 0;
  for (let n = 1; node; n++) {
    if (node.end) best = n;
    if (n >= lex.titleWords || from + n >= units.length) break;
    const u = units[from + n];
    if (u.breakBefore && u.punctBefore !== '-') break;
    node = node.next?.get(u.key);
  }
  return best;
}

/** Length of the longest title ending at unit `last` (0 if none). */
export function titleLengthEndingAt(lex: ActorLexicon, units: readonly Unit[], last: number): number {
  if (last < 0) return 0;
  let node: WordTrie | undefined = lexiconWord(lex, units[last]).titleLast;
  let best = 0;
  for (let n = 1; node; n++) {
    if (node.end) best = n;
    const u = units[last - n + 1];
    if (u.breakBefore && u.punctBefore !== '-') break;
    if (n >= lex.titleWords || last - n < 0) break;
    node = node.next?.get(units[last - n].key);
  }
  return best;
}

/** The state a unit names or is the demonym of ("Russian" -> "russia", "U.S." -> "united-states"), for one-unit phrases. */
export function stateOfUnit(lex: ActorLexicon, units: readonly Unit[], i: number): { id: string; length: number } | undefined {
  const m = matchPhrase(lex, units, i);
  if (!m) return undefined;
  const entry = m.hit.entry;
  if (!entry) return undefined;
  if (m.hit.role === 'demonym' || (m.hit.role === 'name' && (entry.kind === 'state' || entry.kind === 'group'))) return { id: entry.id, length: m.to - m.from };
  return undefined;
}

export interface RoleSpan {
  /** First unit of the role. */
  from: number;
  /** Canonical title key ("president", "foreign minister"). */
  title: string;
  /** State (or organisation) the role belongs to, when said ("russia", "facebook"). */
  state?: string;
}

/**
 * The role right before unit `nameStart` ("U.S. President", "Russian leader", "Foreign Minister"),
 * read backwards over titles and state words; undefined when there is no title.
 */
export function roleBefore(lex: ActorLexicon, units: readonly Unit[], nameStart: number, limit: number): RoleSpan | undefined {
  let k = nameStart - 1;
  let from = nameStart;
  let title: string | undefined;
  let state: string | undefined;
  while (k >= limit && (!units[k + 1].breakBefore || (title && units[k + 1].punctBefore === "'s"))) {
    const n = titleLengthEndingAt(lex, units, k);
    if (n > 0) {
      title ??= units.slice(k - n + 1, k + 1).map((u) => u.key).join(' ');
      from = k - n + 1;
      k -= n;
      continue;
    }
    if (!title) break;
    const s = stateEndingAt(lex, units, k, limit) ?? (state ? undefined : organizationEndingAt(lex, units, k, limit));
    if (!s) break;
    state ??= s.id;
    from = s.from;
    k = s.from - 1;
    if (units[s.from].possessive) break;
  }
  return title ? { from, title, state } : undefined;
}

/** "Facebook co-founder", "Microsoft President": a known organisation before the title is whose role it is. */
function organizationEndingAt(lex: ActorLexicon, units: readonly Unit[], k: number, limit: number): { id: string; from: number } | undefined {
  for (let n = 1; n <= 4 && k - n + 1 >= limit; n++) {
    const m = matchPhrase(lex, units, k - n + 1);
    if (m && m.to === k + 1 && m.hit.role === 'name' && m.hit.entry?.kind === 'organization') return { id: m.hit.id, from: k - n + 1 };
  }
  return undefined;
}

function stateEndingAt(lex: ActorLexicon, units: readonly Unit[], k: number, limit: number): { id: string; from: number } | undefined {
  for (let n = 1; n <= 4 && k - n + 1 >= limit; n++) {
    const s = stateOfUnit(lex, units, k - n + 1);
    if (s && s.length === n) return { id: s.id, from: k - n + 1 };
  }
  return undefined;
}

/** A role key for corpus-level matching: "president@russia", "foreign minister@" when the state is unknown. */
export function roleKey(title: string, state: string | undefined): string {
  return `${title.replace(/-/g, ' ')}@${state ?? ''}`;
}
