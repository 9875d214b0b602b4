/**
 * The words of one sentence as the date stage reads them: each token's lower-case form and a bit set
 * of the word classes the grammar, the event finder and the date inference ask about ("may open a
 * temporal expression", "a future cue", "the first word of an event's name" …). One lookup per token
 * answers them all, so later passes test bits instead of looking words up again, and a sentence's
 * union of bits tells at once whether it has, say, any past auxiliary.
 */
import type { Token } from '../types';
import { CUE_WORDS, EVENT_NAMES, FUTURE_CUES, OFFICE_HOLDER_NAMES, OPENERS, opensWord } from './dateLexicon';

export const OPENS = 1;
export const FUTURE_CUE = 2;
/** "is", "are" ("is to be held"). */
export const IS_ARE = 4;
export const PAST_AUXILIARY = 8;
/** "if", "would" …: talk of what might be. */
export const HYPOTHETICAL = 16;
/** The first word of a known event's name. */
export const EVENT_NAME = 32;
/** The first word of an office holder's name. */
export const HOLDER_NAME = 64;
/** A word that makes an event the likely topic (events.json "cues"). */
export const EVENT_CUE = 128;
/** "the", "its" …, before a generic event noun ("the war"). */
export const DETERMINER = 256;
/** The possessive "'s" token. */
export const POSSESSIVE = 512;

export const PAST_AUXILIARIES = new Set(['was', 'were', 'had', 'did']);
export const HYPOTHETICAL_WORDS = new Set(['if', 'would', 'could', 'might', 'should', 'unless', 'whether']);
export const DETERMINERS = new Set(['the', 'this', 'that', 'its', 'their', 'his', 'her']);

export interface SentenceWords {
  /** Lower-case forms of the tokens' norms. */
  low: string[];
  /** Word-class bits per token. */
  classes: Uint16Array;
  /** The union of the tokens' bits. */
  all: number;
}

const CLASSES = new Map<string, number>();
const addClass = (words: Iterable<string>, bit: number) => {
  for (const w of words) CLASSES.set(w, (CLASSES.get(w) ?? 0) | bit);
};
addClass([...OPENERS].filter(opensWord), OPENS);
addClass(FUTURE_CUES, FUTURE_CUE);
addClass(['is', 'are'], IS_ARE);
addClass(PAST_AUXILIARIES, PAST_AUXILIARY);
addClass(HYPOTHETICAL_WORDS, HYPOTHETICAL);
addClass(EVENT_NAMES.firstWords(), EVENT_NAME);
addClass(OFFICE_HOLDER_NAMES.firstWords(), HOLDER_NAME);
addClass(CUE_WORDS, EVENT_CUE);
addClass(DETERMINERS, DETERMINER);
addClass(["'s"], POSSESSIVE);

/** A word's classes from its lower-case form. */
function wordClasses(low: string): number {
  const classes = CLASSES.get(low) ?? 0;
  // words not listed open by their shape ("mid-June", "twenty-five", "q3")
  if (classes & OPENS || !(low.length === 2 || low.includes('-'))) return classes;
  return opensWord(low) ? classes | OPENS : classes;
}

export function sentenceWords(tokens: Token[]): SentenceWords {
  const n = tokens.length;
  const low = new Array<string>(n);
  const classes = new Uint16Array(n);
  let all = 0;
  for (let i = 0; i < n; i++) {
    const t = tokens[i];
    const norm = t.norm;
    let bits: number;
    if (t.kind === 'word') {
      const w = (low[i] = norm.toLowerCase());
      bits = wordClasses(w);
    } else {
      // an ASCII sign has no case; any number may open an expression, and of the other non-words
      // only the apostrophe of "'90s"
      const w = (low[i] = norm.length === 1 && norm.charCodeAt(0) < 0x80 ? norm : norm.toLowerCase());
      bits = t.kind === 'number' || norm === "'" ? wordClasses(w) | OPENS : wordClasses(w) & ~OPENS;
    }
    classes[i] = bits;
    all |= bits;
  }
  return { low, classes, all };
}
