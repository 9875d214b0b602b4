/**
 * Claim frames: who does what to what, read from a clause's tagged words in one pass.
 *  - a predicate is a lexical verb (finite, participle, gerund, infinitive), a verb + particle
 *    ("ruling out" = deny), or a predicate adjective after a copula ("remains unwilling" = reject);
 *  - a light verb's object names the event ("gave no sign of new tariffs" -> tariff, negated;
 *    "made gains" -> advance); a degree verb's object does when it is itself an event ("escalated its
 *    attacks" -> attack);
 *  - a negative predicate over an event noun also yields that event, negated ("denying Ukraine NATO
 *    membership" -> membership, negated, like "Ukraine will not join NATO");
 *  - the agent is the subject before the verb group (over one appositive), shared by coordinated
 *    verbs; a gerund's agent is the name before it or the possessor of its noun ("Trump's offer of
 *    denying"); an infinitive after a predicate continues that predicate ("refused to engage with X");
 *  - an elided object ("…, refused, even as …") takes the arguments of the previous sentence;
 *  - a pronoun agent ("It has stepped up …") is resolved by `antecedent` (pronouns.ts), marked coref;
 *  - a free adjunct participle ("…, pushing forward in X") shares the main agent, and its arguments
 *    are the main event's too (where and to whom it happened);
 *  - an event noun with a possessor or a named participant is a frame too (nominalFrames.ts).
 */
import type { ClaimFrame } from '../types';
import { inAttributionFrame, nounPhraseBefore, verbGroupStart, type AttributionFrame } from './attribution';
import { canonical } from './claimKeys';
import { claimsLexicon } from './claimsLexicon';
import { addAll, addOnce, isGenericTerm, isTimeWord, NO_ROLE, roleOf as roleOfWords, termOf, type Role } from './frameRoles';
import { nominalFrame } from './nominalFrames';
import { isContentWord, type TaggedWord } from './wordTags';
import { BELIEF, CONDITIONAL_OPENER, LY, REPORTING, STATE_VERB, VERB } from './wordTypes';

export interface FrameContext {
  /** word range of the claim's content */
  from: number;
  to: number;
  /** the attribution frame (cue and source): not content */
  frame: AttributionFrame;
  /** local entity of the actor mention covering word j */
  entityAt: (j: number) => number | undefined;
  /** subject of the clause when its own verb group has none before it (a coordinated verb phrase) */
  subject: { from: number; to: number } | null;
  /** arguments of the previous sentence's first frame: what an elided object refers to */
  previous?: Pick<ClaimFrame, 'args' | 'argEntities'>;
  /** the actor a pronoun at word j refers to, when it can be told (pronouns.ts) */
  antecedent?: (j: number) => Role | null;
}

const MAX_FRAMES = 5;
const MAX_OBJECT_WORDS = 12;
const INFINITIVE_REACH = 4;
const OBJECT_PREPOSITIONS = new Set(['to', 'with', 'on', 'for', 'into', 'against', 'over', 'about', 'at', 'in']);
const PARTICLES = new Set(['out', 'up', 'down', 'off', 'back', 'away', 'over', 'forward', 'ahead']);
const CLAUSE_OPENERS = new Set(['that', '"', ':', ',', '.', 'to', 'what', 'whether', 'how', 'why', 'if']);

export function claimFrames(words: TaggedWord[], ctx: FrameContext): ClaimFrame[] {
  const lex = claimsLexicon();
  const frames: ClaimFrame[] = [];
  let mainAgent: Role | null = null;
  let mainFrame: ClaimFrame | null = null;
  const adjuncts: ClaimFrame[] = [];
  let lastHead = -INFINITIVE_REACH - 1;
  let consumed = ctx.from;
  for (let j = ctx.from; j < ctx.to && frames.length < MAX_FRAMES; j++) {
    if (inAttributionFrame(words, ctx.frame, j)) continue;
    if (words[j].type.flags & CONDITIONAL_OPENER && j > ctx.from) break; // "… if Moscow refuses": not asserted
    if (words[j].tag === 'vpart' && words[j - 1]?.lower === 'to' && j - lastHead <= INFINITIVE_REACH && frames.length > 0) {
      // "refused to engage with a cease-fire": the infinitive's object belongs to the predicate before it
      const object = objectAfter(words, j + 1, ctx);
      const frame = frames[frames.length - 1];
      addAll(frame.args, object.terms);
      addAll(frame.argEntities, object.entities);
      lastHead = j;
      continue;
    }
    const predicate = predicateAt(words, j, ctx.to);
    if (!predicate) {
      const nominal = j >= consumed ? nominalFrame(words, j, ctx) : null;
      if (nominal) {
        frames.push(nominal.frame);
        consumed = nominal.end;
      }
      continue;
    }
    const object = objectAfter(words, predicate.end, ctx);
    consumed = object.end;
    lastHead = predicate.end - 1;
    const groupStart = verbGroupStart(words, predicate.verb, ctx.from);
    const finite = words[predicate.verb].tag === 'verb' || groupStart < predicate.verb;
    let agent: Role;
    const adjunct = !finite && mainAgent !== null && freeAdjunct(words, j, ctx.from);
    if (finite) {
      const np = firstPart(words, nounPhraseBefore(words, groupStart - 1, ctx.from)) ?? (mainAgent ? null : ctx.subject);
      agent = np ? agentOf(words, np, ctx) : mainAgent ?? NO_ROLE;
      mainAgent ??= agent;
    } else agent = adjunct && mainAgent ? mainAgent : gerundAgent(words, j, ctx);
    let negated = negatedGroup(words, groupStart, predicate.verb);
    let event = predicate.event;
    const headTerm = object.head >= 0 ? words[object.head].type.lemmaTerm : null;
    const carried = headTerm && (lex.lightVerbs.has(event) || (lex.degreeVerbs.has(event) && lex.eventTerms.has(headTerm)));
    const args: Role = { terms: object.terms, entities: object.entities };
    if (carried) {
      event = headTerm;
      negated = negated !== object.negated;
      args.terms = args.terms.filter((t) => t !== headTerm);
    } else if (object.terms.length === 0 && object.entities.length === 0 && elided(words, predicate.end) && ctx.previous) {
      args.terms = [...ctx.previous.args];
      args.entities = [...ctx.previous.argEntities];
    }
    const frame: ClaimFrame = { event, negated, agent: agent.terms, agentEntities: agent.entities, args: args.terms, argEntities: args.entities };
    if (agent.coref) frame.coref = true;
    frames.push(frame);
    if (finite && agent === mainAgent) mainFrame ??= frame;
    if (adjunct) adjuncts.push(frame);
    if (!carried && headTerm && headTerm !== event && lex.negativePredicates.has(event) && lex.eventTerms.has(headTerm) && frames.length < MAX_FRAMES) {
      // "denying Ukraine NATO membership": no membership; who is denied is an argument, not the agent
      frames.push({ event: headTerm, negated: !negated, agent: [], agentEntities: [], args: args.terms.filter((t) => t !== headTerm), argEntities: args.entities });
    }
  }
  for (const frame of adjuncts) {
    // "stepped up its offensive, pushing forward in X": X is where the main event happens too
    if (!mainFrame || frame === mainFrame) continue;
    addAll(mainFrame.args, frame.args.filter((t) => t !== mainFrame!.event));
    addAll(mainFrame.argEntities, frame.argEntities);
  }
  return frames;
}

/** "…, pushing forward in X" / "…, and trying to enter Y": a participle opening a comma-set phrase. */
function freeAdjunct(words: TaggedWord[], j: number, from: number): boolean {
  if (!words[j].lower.endsWith('ing') || j - 1 <= from) return false;
  const before = words[j - 1].lower;
  return before === ',' || ((before === 'and' || before === 'or') && words[j - 2]?.lower === ',');
}

/** The agent noun phrase; a lone third-person pronoun takes its antecedent, when one can be told. */
function agentOf(words: TaggedWord[], np: { from: number; to: number }, ctx: FrameContext): Role {
  if (np.to - np.from === 1 && words[np.from].tag === 'pron') return ctx.antecedent?.(np.from) ?? NO_ROLE;
  return roleOf(words, np.from, np.to, ctx);
}

interface Predicate {
  event: string;
  /** the verb (or copula) the polarity and agent are read from */
  verb: number;
  /** first word after the predicate (after its particle) */
  end: number;
}

function predicateAt(words: TaggedWord[], j: number, to: number): Predicate | null {
  const lex = claimsLexicon();
  const w = words[j];
  const next = words[j + 1];
  // a gerund after a preposition ("of denying", "by shelling") is tagged as a noun by the light tagger
  if (w.tag !== 'verb' && w.tag !== 'vpart' && !(w.tag === 'word' && w.type.flags & VERB && w.lower.endsWith('ing') && words[j - 1]?.tag === 'prep')) return null;
  const flags = w.type.flags;
  // a reporting or belief verb with a clause after it frames a report, not an event ("denied that …" vs "denied entry")
  if (flags & (REPORTING | BELIEF) && (!next || (CLAUSE_OPENERS.has(next.lower) && !(next.lower === 'to' && words[j + 2]?.tag !== 'vpart')))) return null;
  if (next && j + 1 < to && PARTICLES.has(next.lower)) {
    const phrasal = lex.phrasalVerbs.get(`${w.lemma} ${next.lower}`);
    if (phrasal) return { event: canonical(phrasal), verb: j, end: j + 2 };
  }
  if (lex.copulas.has(w.lemma)) {
    // "remains unwilling to …": the predicate adjective is the event when it names one
    let k = j + 1;
    while (k < to && words[k].token.kind === 'word' && words[k].type.flags & LY) k++;
    const adjective = words[k];
    if (adjective && k < to && adjective.tag === 'word' && lex.eventTerms.has(adjective.type.lemmaTerm) && adjective.type.lemmaTerm !== adjective.lemma) {
      return { event: adjective.type.lemmaTerm, verb: j, end: k + 1 };
    }
    return null;
  }
  if (flags & STATE_VERB && !lex.degreeVerbs.has(w.lemma) && !lex.lightVerbs.has(w.lemma)) return null;
  if (!(flags & VERB)) return null;
  return { event: w.type.lemmaTerm, verb: j, end: j + 1 };
}

interface ObjectPhrase extends Role {
  /** head noun of the object (after looking through "sign of", "the idea of"), or -1 */
  head: number;
  /** first word after the object */
  end: number;
  /** the object opens with "no"/"none": "gave no sign of" */
  negated: boolean;
}

/** The object after a predicate: an optional preposition, then a noun phrase (with "of" and coordination). */
function objectAfter(words: TaggedWord[], from: number, ctx: FrameContext): ObjectPhrase {
  const lex = claimsLexicon();
  const out: ObjectPhrase = { terms: [], entities: [], head: -1, end: from, negated: false };
  let j = from;
  while (j < ctx.to && words[j].token.kind === 'word' && words[j].tag === 'word' && words[j].type.flags & LY) j++;
  if (j < ctx.to && OBJECT_PREPOSITIONS.has(words[j].lower) && words[j + 1] && words[j + 1].tag !== 'vpart' && words[j + 1].tag !== 'verb') j++;
  let chunkHead = -1;
  let lookThrough = false;
  for (let n = 0; j < ctx.to && n < MAX_OBJECT_WORDS; j++, n++) {
    const w = words[j];
    if (inAttributionFrame(words, ctx.frame, j)) break;
    if (w.tag === 'verb' || w.tag === 'vpart' || w.tag === 'modal' || w.tag === 'aux' || w.tag === 'pron') break;
    if (w.tag === 'punct' && w.lower !== '-' && w.lower !== "'s") break;
    if (n === 0 && (w.tag === 'neg' || w.lower === 'no' || w.lower === 'none')) out.negated = true;
    if (w.tag === 'prep' || w.tag === 'conj') {
      // the head is the last noun of the first chunk, unless that noun only points on ("sign of", "the idea of")
      if (out.head < 0 || lookThrough) {
        out.head = chunkHead;
        lookThrough = w.lower === 'of' && chunkHead >= 0 && lex.evidentialNouns.has(words[chunkHead].lemma);
        if (lookThrough) out.terms = out.terms.filter((t) => t !== words[chunkHead].type.lemmaTerm);
      }
      chunkHead = -1;
      continue;
    }
    if (!isContentWord(w) || w.tag === 'num' || isTimeWord(w)) continue;
    chunkHead = j;
    const entity = ctx.entityAt(j);
    if (entity !== undefined) addOnce(out.entities, entity);
    const term = termOf(w);
    if (!isGenericTerm(w, term)) addOnce(out.terms, term);
  }
  out.end = j;
  if ((out.head < 0 || lookThrough) && chunkHead >= 0) out.head = chunkHead;
  if (out.head >= 0 && words[out.head].tag === 'name') out.head = -1;
  return out;
}

/** "Putin, despite being courted, refused": the subject is the part before the appositive. */
function firstPart(words: TaggedWord[], np: { from: number; to: number } | null): { from: number; to: number } | null {
  if (!np) return null;
  for (let k = np.from; k < np.to; k++) if (words[k].lower === ',') return k > np.from ? { from: np.from, to: k } : null;
  return np;
}

/** "…, refused," / "…, refused." : a predicate with nothing after it. */
function elided(words: TaggedWord[], end: number): boolean {
  const next = words[end];
  return !next || next.lower === ',' || next.lower === '.' || next.lower === ';';
}

/** Negators in the verb group ("has not", "never"), or "yet to"/"failed to" right before it. */
function negatedGroup(words: TaggedWord[], groupStart: number, verb: number): boolean {
  let n = 0;
  for (let k = groupStart; k < verb; k++) if (words[k].tag === 'neg') n++;
  const a = words[groupStart - 2]?.lower;
  const b = words[groupStart - 1]?.lower;
  if (b === 'to' && (a === 'yet' || a === 'failed' || a === 'fails' || a === 'fail')) n++;
  return n % 2 === 1;
}

/** A gerund's agent: the name right before it ("Trump ruling out"), or the possessor of the noun it completes ("Trump's offer of denying"). */
function gerundAgent(words: TaggedWord[], j: number, ctx: FrameContext): Role {
  const before = words[j - 1];
  if (before && before.tag === 'name' && j - 1 >= ctx.from) {
    let k = j - 1;
    while (k - 1 >= ctx.from && words[k - 1].tag === 'name') k--;
    return roleOf(words, k, j, ctx);
  }
  if (before?.lower === 'of' && words[j - 3]?.lower === "'s" && words[j - 4]?.tag === 'name' && j - 4 >= ctx.from) {
    let k = j - 4;
    while (k - 1 >= ctx.from && words[k - 1].tag === 'name') k--;
    return roleOf(words, k, j - 3, ctx);
  }
  return NO_ROLE;
}

function roleOf(words: TaggedWord[], from: number, to: number, ctx: FrameContext): Role {
  return roleOfWords(words, from, to, ctx.entityAt);
}
