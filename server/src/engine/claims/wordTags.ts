/**
 * A light, lexicon-based word tagger and lemmatiser: enough syntax to find finite verbs, negation,
 * modals, names and content words in news sentences, in one linear pass with no regular
 * expressions per token (closed word classes + a verb lexicon + suffix rules, read from the word's
 * shared type, wordTypes.ts; only the context is looked at per token).
 */
import type { Token } from '../types';
import { ADJECTIVE_END, CAPITALISED, CONTENT_FORM, LY, PAST_FORM, STOPWORD, VERB, type Tag, type WordType } from './wordTypes';

export type { Tag } from './wordTypes';
export { lemmatize } from './lemmas';

export interface TaggedWord {
  token: Token;
  lower: string;
  lemma: string;
  tag: Tag;
  /** what is known of the form itself: lexicon flags, canonical terms */
  type: WordType;
}

const SUBJECT_PRONOUNS = new Set(['he', 'she', 'it', 'they', 'we', 'i', 'you', 'who', 'which', 'that', 'there']);
const CONTRACTING_PRONOUNS = new Set(['it', 'he', 'she', 'that', 'there', 'what', 'who', 'where', 'here', 'this']);
const PERFECT_OR_PASSIVE = new Set(['has', 'have', 'had', 'having', 'was', 'were', 'is', 'are', 'be', 'been', 'being', "'s", "'ve", "'re", 'am', 'get', 'got']);
const PLURAL_SUBJECTS = new Set(['they', 'we', 'i', 'you', 'who']);

/** Tags for the tokens of one sentence (or clause), given their types (wordTypes.typesOf). */
export function tagWords(tokens: Token[], types: WordType[]): TaggedWord[] {
  const out: TaggedWord[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i];
    const type = types[i];
    out.push({ token, lower: type.lower, lemma: type.lemma, tag: type.tag ?? contextualTag(token, type, i, tokens, out), type });
  }
  for (let i = 0; i < out.length; i++) {
    const w = out[i];
    const flags = w.type.flags;
    if (w.tag !== 'word' || w.token.kind !== 'word' || !(flags & (VERB | PAST_FORM))) continue;
    const prev = previousWord(out, i);
    if (prev && (prev.tag === 'det' || prev.tag === 'prep')) {
      if (prev.lower === 'to' && w.lower === w.lemma) w.tag = 'vpart';
      continue;
    }
    if (w.lower.endsWith('ing')) {
      w.tag = 'vpart';
      continue;
    }
    if (flags & PAST_FORM) {
      w.tag = prev && (PERFECT_OR_PASSIVE.has(prev.lower) || prev.tag === 'aux') ? 'vpart' : 'verb';
      continue;
    }
    const next = out[i + 1];
    const nounFollowsAdjective = prev && prev.tag === 'word' && prev.type.flags & ADJECTIVE_END;
    const verbFollows = next && (next.tag === 'aux' || next.tag === 'modal');
    const subjectBefore = prev && !verbFollows && (prev.tag === 'name' || SUBJECT_PRONOUNS.has(prev.lower) || (prev.tag === 'word' && !(prev.type.flags & VERB) && !nounFollowsAdjective));
    if (w.lower !== w.lemma && w.lower.endsWith('s') && subjectBefore) w.tag = 'verb';
    else if (w.lower === w.lemma && prev && (prev.tag === 'modal' || prev.tag === 'neg' || prev.lower === 'did' || prev.lower === 'do' || prev.lower === 'does')) w.tag = 'vpart';
    else if (w.lower === w.lemma && prev && !verbFollows && (PLURAL_SUBJECTS.has(prev.lower) || (prev.tag === 'word' && prev.lower.endsWith('s') && prev.lower !== prev.lemma))) w.tag = 'verb';
  }
  return out;
}

function previousWord(words: TaggedWord[], i: number): TaggedWord | undefined {
  for (let j = i - 1; j >= 0 && j >= i - 3; j--) {
    const w = words[j];
    if (w.tag === 'punct' && w.lower !== '-') return undefined;
    if (w.token.kind === 'word' && !(w.type.flags & LY)) return w; // adverbs are skipped: "has firmly upheld"
    if (w.token.kind !== 'word') return w;
  }
  return undefined;
}

/** The tag of a word outside the closed classes: a name or a word, from its capital and its place; "'s" from the word before. */
function contextualTag(token: Token, type: WordType, i: number, tokens: Token[], tagged: TaggedWord[]): Tag {
  // possessive, unless a contraction after a pronoun ("it's been")
  if (type.lower === "'s") return i > 0 && CONTRACTING_PRONOUNS.has(tagged[i - 1].lower) ? 'aux' : 'det';
  const prev = i > 0 ? tokens[i - 1].norm : '';
  const opensSentence = i === 0 || ((prev === '"' || prev === "'" || prev === '(') && i <= 2);
  if (type.flags & CAPITALISED && (!opensSentence || !(type.flags & STOPWORD)) && !(opensSentence && type.flags & VERB)) return 'name';
  return 'word';
}

export function isContentWord(w: TaggedWord): boolean {
  if (!(w.type.flags & CONTENT_FORM)) return false;
  return !(w.tag === 'aux' || w.tag === 'modal' || w.tag === 'det' || w.tag === 'prep' || w.tag === 'conj' || w.tag === 'pron' || w.tag === 'neg');
}
