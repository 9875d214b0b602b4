/**
 * Which grammar rules can start at a token. Each rule declares the tokens it can open on (words from
 * the lexicons, numbers, a word pattern) and, for rules that skip a lead word ("the", "its"), what must
 * follow the lead. The index maps a token's lower-case form (and after a lead word the next token's)
 * to the few rules that can match there, in grammar order, so the scan never tries a rule that is bound
 * to fail. Built once; a lookup is one or two map reads.
 */
import type { Match, Scan } from './scan';

export type Rule = (s: Scan, i: number) => Match | null;

/** Tokens a rule can open on. */
export interface Openers {
  words?: readonly string[];
  numbers?: boolean;
  /** The apostrophe of "'90s". */
  apostrophe?: boolean;
  /** Words not listed that the rule reads by their shape ("mid-June", "twenty-five"). */
  pattern?: (word: string) => boolean;
}

export interface RuleSpec {
  rule: Rule;
  opens?: Openers;
  /** A lead word the rule skips, and what must follow it ("the" + "1980s"). */
  after?: { leads: string[]; next: Omit<Openers, 'pattern'> };
}

type Shape = { kind: 'word'; word: string } | { kind: 'number' } | { kind: 'apostrophe' };

const matches = (o: Openers | undefined, shape: Shape, listed: (o: Openers) => Set<string>): boolean => {
  if (!o) return false;
  if (shape.kind === 'number') return !!o.numbers;
  if (shape.kind === 'apostrophe') return !!o.apostrophe;
  return listed(o).has(shape.word) || (o.pattern?.(shape.word) ?? false);
};

interface LeadTable {
  byNextWord: Map<string, readonly Rule[]>;
  number: readonly Rule[];
  apostrophe: readonly Rule[];
  /** The lead word's own rules, whatever follows. */
  alone: readonly Rule[];
}

const NONE: readonly Rule[] = [];

export class RuleIndex {
  private readonly byWord = new Map<string, readonly Rule[]>();
  private readonly leads = new Map<string, LeadTable>();
  private readonly number: readonly Rule[];
  private readonly apostrophe: readonly Rule[];
  private readonly sets = new Map<Openers, Set<string>>();

  /** `opensWord`: whether a word token may open an expression at all (the grammar's gate). */
  constructor(private readonly specs: RuleSpec[], private readonly opensWord: (word: string) => boolean, openingWords: Iterable<string>) {
    this.number = this.select({ kind: 'number' });
    this.apostrophe = this.select({ kind: 'apostrophe' });
    const words = new Set(openingWords);
    for (const spec of specs) for (const o of [spec.opens, spec.after?.next]) for (const w of o?.words ?? []) words.add(w);
    for (const w of words) {
      if (!opensWord(w)) continue;
      const rules = this.select({ kind: 'word', word: w });
      if (rules.length) this.byWord.set(w, rules);
    }
    const leadWords = new Set(specs.flatMap((s) => s.after?.leads ?? []));
    for (const lead of leadWords) if (opensWord(lead)) this.leads.set(lead, this.leadTable(lead, words));
  }

  /** The rules to try at token i, in grammar order. */
  candidates(s: Scan, i: number): readonly Rule[] {
    const t = s.toks[i];
    if (t.kind === 'number') return this.number;
    if (t.kind !== 'word') return t.norm === "'" ? this.apostrophe : NONE;
    const w = s.low[i];
    const lead = this.leads.get(w);
    if (lead) {
      const next = s.toks[i + 1];
      if (!next) return lead.alone;
      if (next.kind === 'number') return lead.number;
      if (next.kind !== 'word') return next.norm === "'" ? lead.apostrophe : lead.alone;
      return lead.byNextWord.get(s.low[i + 1]) ?? lead.alone;
    }
    const listed = this.byWord.get(w);
    if (listed) return listed;
    // a word not listed opens only by its shape ("mid-June", "twenty-five"): rare, worked out on the spot
    return this.opensWord(w) ? this.select({ kind: 'word', word: w }) : NONE;
  }

  private leadTable(lead: string, words: Set<string>): LeadTable {
    const byNextWord = new Map<string, readonly Rule[]>();
    const alone = this.select({ kind: 'word', word: lead });
    for (const w of words) {
      const rules = this.select({ kind: 'word', word: lead }, { kind: 'word', word: w });
      if (rules.length > alone.length) byNextWord.set(w, rules);
    }
    return {
      byNextWord,
      number: this.select({ kind: 'word', word: lead }, { kind: 'number' }),
      apostrophe: this.select({ kind: 'word', word: lead }, { kind: 'apostrophe' }),
      alone,
    };
  }

  /** Rules that can open on `shape`, or on the lead word `shape` followed by `next`. */
  private select(shape: Shape, next?: Shape): readonly Rule[] {
    const listed = (o: Openers) => this.listed(o);
    return this.specs
      .filter((spec) => {
        if (matches(spec.opens, shape, listed)) return true;
        if (!next || shape.kind !== 'word' || !spec.after?.leads.includes(shape.word)) return false;
        return matches(spec.after.next, next, listed);
      })
      .map((spec) => spec.rule);
  }

  private listed(o: Openers): Set<string> {
    let set = this.sets.get(o);
    if (!set) this.sets.set(o, (set = new Set(o.words ?? [])));
    return set;
  }
}
