/**
 * Which grammar rules can start at a token. Each rule declares the tokens it can open on (words from
 * the lexicons, shapes of numbers, a word pattern) and, for rules that skip a lead word ("the", "its"),
 * what must follow the lead. The index maps a token's lower-case form or number shape (and after a
 * lead word the next token's) to the few rules that can match there, in grammar order, so the scan
 * never tries a rule that is bound to fail. Built once; a lookup is one or two map reads.
 */
import type { Match, Scan } from './scan';

export type Rule = (s: Scan, i: number) => Match | null;

/**
 * What a number token looks like: 1-2, 3 or 4 digits, digit groups ("150,000"), an ordinal ("21st"),
 * a plural ("1980s"), anything else ("3.5", "20245").
 */
export type NumberShape = 'digits1to2' | 'digits3' | 'digits4' | 'grouped' | 'ordinal' | 'plural' | 'other';
const NUMBER_SHAPES: NumberShape[] = ['digits1to2', 'digits3', 'digits4', 'grouped', 'ordinal', 'plural', 'other'];
const ORDINAL_SUFFIXES = new Set(['st', 'nd', 'rd', 'th']);
const GROUPED = /^\d{1,3}(?:,\d{3})+$/;

export function numberShape(w: string): NumberShape {
  let digits = 0;
  while (digits < w.length && w.charCodeAt(digits) >= 48 && w.charCodeAt(digits) <= 57) digits++;
  if (digits === w.length) return digits === 0 ? 'other' : digits <= 2 ? 'digits1to2' : digits === 3 ? 'digits3' : digits === 4 ? 'digits4' : 'other';
  if (digits === 0) return 'other';
  const rest = w.slice(digits);
  if (rest === 's') return 'plural';
  if (ORDINAL_SUFFIXES.has(rest)) return 'ordinal';
  return GROUPED.test(w) ? 'grouped' : 'other';
}

/** Tokens a rule can open on. */
export interface Openers {
  words?: readonly string[];
  /** Number tokens of these shapes (true: any number). */
  numbers?: boolean | readonly NumberShape[];
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

type Token = { kind: 'word'; word: string } | { kind: 'number'; shape: NumberShape } | { kind: 'apostrophe' };

interface Tables {
  byNumber: Map<NumberShape, readonly Rule[]>;
  apostrophe: readonly Rule[];
}

interface LeadTable extends Tables {
  byNextWord: Map<string, readonly Rule[]>;
  /** The lead word's own rules, whatever follows. */
  alone: readonly Rule[];
}

const NONE: readonly Rule[] = [];

export class RuleIndex {
  private readonly byWord = new Map<string, readonly Rule[]>();
  private readonly leads = new Map<string, LeadTable>();
  private readonly own: Tables;
  private readonly sets = new Map<Openers, Set<string>>();

  /** `openingWords`: the words that may open an expression (others open only by their shape). */
  constructor(private readonly specs: RuleSpec[], openingWords: Set<string>) {
    this.own = this.tables((next) => this.select(next));
    for (const w of openingWords) this.byWord.set(w, this.select({ kind: 'word', word: w }));
    const nextWords = new Set(specs.flatMap((spec) => spec.after?.next.words ?? []));
    const leadWords = new Set(specs.flatMap((spec) => spec.after?.leads ?? []));
    for (const lead of leadWords) if (openingWords.has(lead)) this.leads.set(lead, this.leadTable(lead, nextWords));
  }

  /** The rules to try at token i, in grammar order; token i may open an expression (sentenceWords' OPENS). */
  candidates(s: Scan, i: number): readonly Rule[] {
    const t = s.toks[i];
    if (t.kind !== 'word') return this.fromTables(this.own, s, i, NONE);
    const w = s.low[i];
    const lead = this.leads.get(w);
    if (lead) {
      const next = s.toks[i + 1];
      if (!next) return lead.alone;
      if (next.kind === 'word') return lead.byNextWord.get(s.low[i + 1]) ?? lead.alone;
      return this.fromTables(lead, s, i + 1, lead.alone);
    }
    // a word not listed opens by its shape ("mid-June", "twenty-five"): rare, worked out on the spot
    return this.byWord.get(w) ?? this.select({ kind: 'word', word: w });
  }

  /** Rules by the number or apostrophe at token k. */
  private fromTables(tables: Tables, s: Scan, k: number, otherwise: readonly Rule[]): readonly Rule[] {
    const t = s.toks[k];
    if (t.kind === 'number') return tables.byNumber.get(numberShape(s.low[k]))!;
    return t.norm === "'" ? tables.apostrophe : otherwise;
  }

  private tables(select: (token: Token) => readonly Rule[]): Tables {
    return {
      byNumber: new Map(NUMBER_SHAPES.map((shape) => [shape, select({ kind: 'number', shape })])),
      apostrophe: select({ kind: 'apostrophe' }),
    };
  }

  private leadTable(lead: string, nextWords: Set<string>): LeadTable {
    const leadToken: Token = { kind: 'word', word: lead };
    const alone = this.select(leadToken);
    const byNextWord = new Map<string, readonly Rule[]>();
    for (const w of nextWords) {
      const rules = this.select(leadToken, { kind: 'word', word: w });
      if (rules.length > alone.length) byNextWord.set(w, rules);
    }
    return { ...this.tables((next) => this.select(leadToken, next)), byNextWord, alone };
  }

  /** Rules that can open on `token`, or on the lead word `token` followed by `next`. */
  private select(token: Token, next?: Token): readonly Rule[] {
    return this.specs
      .filter((spec) => {
        if (this.matches(spec.opens, token)) return true;
        if (!next || token.kind !== 'word' || !spec.after?.leads.includes(token.word)) return false;
        return this.matches(spec.after.next, next);
      })
      .map((spec) => spec.rule);
  }

  private matches(o: Openers | undefined, token: Token): boolean {
    if (!o) return false;
    if (token.kind === 'number') return o.numbers === true || (Array.isArray(o.numbers) && o.numbers.includes(token.shape));
    if (token.kind === 'apostrophe') return !!o.apostrophe;
    return this.listed(o).has(token.word) || (o.pattern?.(token.word) ?? false);
  }

  private listed(o: Openers): Set<string> {
    let set = this.sets.get(o);
    if (!set) this.sets.set(o, (set = new Set(o.words ?? [])));
    return set;
  }
}
