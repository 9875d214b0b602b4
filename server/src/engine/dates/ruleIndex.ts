/**
 * Which grammar rules can start at a token. Each rule declares the tokens it can open on (words from
 * the lexicons, shapes of numbers, a word pattern) and, for rules that skip a lead word ("the", "its"),
 * what must follow the lead. The index maps a token's lower-case form or number shape (and after a
 * lead word the next token's) to the few rules that can match there, in grammar order, so the scan
 * never tries a rule that is bound to fail. Built once; a lookup is one or two map reads.
 */
import type { Match, Scan } from './scan';
import { NUMBER_SHAPES, numberShapeAt, type NumberShape } from './sentenceWords';

export type Rule = (s: Scan, i: number) => Match | null;

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
  /** By word: its rules, or for a lead word its table by what follows. */
  private readonly byWord = new Map<string, readonly Rule[] | LeadTable>();
  private readonly own: Tables;
  private readonly sets = new Map<Openers, Set<string>>();

  /** `openingWords`: the words that may open an expression (others open only by their shape). */
  constructor(private readonly specs: RuleSpec[], openingWords: Set<string>) {
    this.own = this.tables((next) => this.select(next));
    for (const w of openingWords) this.byWord.set(w, this.select({ kind: 'word', word: w }));
    const nextWords = new Set(specs.flatMap((spec) => spec.after?.next.words ?? []));
    const leadWords = new Set(specs.flatMap((spec) => spec.after?.leads ?? []));
    for (const lead of leadWords) if (openingWords.has(lead)) this.byWord.set(lead, this.leadTable(lead, nextWords));
  }

  /** The rules to try at token i, in grammar order; token i may open an expression (sentenceWords' OPENS). */
  candidates(s: Scan, i: number): readonly Rule[] {
    const t = s.toks[i];
    if (t.kind !== 'word') return this.fromTables(this.own, s, i, NONE);
    const w = s.low[i];
    const entry = this.byWord.get(w);
    // a word not listed opens by its shape ("mid-June", "twenty-five"): rare, worked out on the spot
    if (entry === undefined) return this.select({ kind: 'word', word: w });
    if (!('alone' in entry)) return entry;
    const next = s.toks[i + 1];
    if (!next) return entry.alone;
    if (next.kind === 'word') return entry.byNextWord.get(s.low[i + 1]) ?? entry.alone;
    return this.fromTables(entry, s, i + 1, entry.alone);
  }

  /** Rules by the number or apostrophe at token k. */
  private fromTables(tables: Tables, s: Scan, k: number, otherwise: readonly Rule[]): readonly Rule[] {
    const t = s.toks[k];
    if (t.kind === 'number') return tables.byNumber.get(numberShapeAt(s.words, k))!;
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
