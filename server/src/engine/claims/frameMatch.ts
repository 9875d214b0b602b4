/**
 * Role-aware comparison of two claims: do they say the same WHO does the same WHAT?
 * Two frames match when their events are the same (after synonym folding), the agents agree
 * (two known agents must be the same actor or head noun; an unknown agent does not object), and
 * the participants overlap (the agent of one may be an argument of the other: "Ukraine will not
 * join NATO" / "denying Ukraine NATO membership"), or one side names no argument and both agents
 * are known and the same ("Russia has escalated its attacks" / "Russia has been attacking Kyiv").
 */
import { claimsLexicon } from './claimsLexicon';
import type { ClaimSignature, SignedFrame } from './claimSignature';

export interface FrameAgreement {
  /** 0: no match; 2 or more: the same claim by role */
  strength: number;
  a: SignedFrame;
  b: SignedFrame;
  shared: number;
}

/** Events too light to tell claims apart ("see", "make", "be"). */
export function isLightEvent(event: string): boolean {
  const lex = claimsLexicon();
  return lex.genericTerms.has(event) || lex.lightVerbs.has(event) || lex.copulas.has(event) || lex.stateVerbs.has(event);
}

function participants(f: SignedFrame): Set<string> {
  const out = new Set(f.args);
  if (f.agent) out.add(f.agent);
  return out;
}

function sharedCount(x: Set<string>, y: Set<string>): number {
  let n = 0;
  for (const k of x) if (y.has(k)) n++;
  return n;
}

/**
 * How well two frames agree, ignoring polarity when `anyPolarity` (contradictions compare frames
 * of opposite polarity). 0 when they do not describe the same event by the same agent. Words in
 * `ignored` count as neither agent nor argument (the words two figures count: "affecting 283,353
 * soldiers" / "affecting 10,374 soldiers" share "soldier" whatever the events).
 */
export function frameAgreement(fa: SignedFrame, fb: SignedFrame, sameEvent: (x: string, y: string) => boolean, anyPolarity = false, ignored?: ReadonlySet<string>): number {
  if (!sameEvent(fa.event, fb.event) || isLightEvent(fa.event) || isLightEvent(fb.event)) return 0;
  if (!anyPolarity && fa.negated !== fb.negated) return 0;
  if (ignored) [fa, fb] = [withoutWords(fa, ignored), withoutWords(fb, ignored)];
  const agentsKnown = fa.agent !== '' && fb.agent !== '';
  if (agentsKnown && fa.agent !== fb.agent) return 0;
  const shared = sharedCount(participants(fa), participants(fb)) - (agentsKnown ? 1 : 0);
  // an event named by a noun ("Russia's invasion of X") is mostly background: it agrees only when two participants do
  if ((fa.nominal || fb.nominal) && shared < 2) return 0;
  // both name actors or places as participants, and none of them the same: other targets, whatever
  // else they share ("attacked Kyiv with drones" / "attacked Odesa with drones")
  if (differentActors(fa.args, fb.args)) return 0;
  // with no shared participant, the same agent doing the same thing still agrees when one side names
  // none ("Russia has escalated its attacks" / "Russia has been attacking Kyiv"); not when both name
  // different ones ("raised taxes" / "raised tariffs")
  if (shared <= 0 && !(agentsKnown && (fa.args.size > 0) !== (fb.args.size > 0))) return 0;
  // an agent known only through a resolved pronoun counts half
  const agentWeight = agentsKnown ? (fa.coref || fb.coref ? 0.5 : 1) : 0;
  return 1 + agentWeight + Math.min(2, Math.max(0, shared)) * 0.5;
}

/** The frame with none of `ignored` as its agent or arguments ("84 percent were reported": no agent once "percent" is ignored). */
function withoutWords(f: SignedFrame, ignored: ReadonlySet<string>): SignedFrame {
  const args = new Set(f.args);
  for (const k of ignored) args.delete(k);
  return { ...f, agent: ignored.has(f.agent) ? '' : f.agent, args };
}

/** Both name actors or places (actor ids) among their arguments, and none of one's is among the other's. */
function differentActors(x: Set<string>, y: Set<string>): boolean {
  let inX = false;
  let inY = false;
  for (const k of x) if (k.startsWith('@')) inX = true;
  for (const k of y) {
    if (!k.startsWith('@')) continue;
    if (x.has(k)) return false;
    inY = true;
  }
  return inX && inY;
}

/** Some frame of one claim is the negation of a frame of the other (the same event, opposite polarity). */
export function oppositeFrames(a: ClaimSignature, b: ClaimSignature): boolean {
  return a.frames.some((fa) => b.frames.some((fb) => fa.event === fb.event && fa.negated !== fb.negated && !isLightEvent(fa.event)));
}

/** The best-agreeing pair of frames of two claims (same event, same polarity). */
export function bestAgreement(a: ClaimSignature, b: ClaimSignature): FrameAgreement | null {
  let best: FrameAgreement | null = null;
  for (const fa of a.frames) {
    for (const fb of b.frames) {
      const strength = frameAgreement(fa, fb, (x, y) => x === y);
      if (strength > 0 && (!best || strength > best.strength)) best = { strength, a: fa, b: fb, shared: sharedCount(fa.args, fb.args) };
    }
  }
  return best;
}

/** Shared content nouns (not names): what the claims are about when their verbs differ. */
export function sharedNouns(a: ClaimSignature, b: ClaimSignature, except?: ReadonlySet<string>): number {
  let n = 0;
  for (const t of a.nouns) if (b.nouns.has(t) && !a.names.has(t) && !b.names.has(t) && !claimsLexicon().genericTerms.has(t) && !except?.has(t)) n++;
  return n;
}

/** The agent of a claim's first frame that names one not in `ignored` ('' when none does). */
function mainAgent(s: ClaimSignature, ignored?: ReadonlySet<string>): string {
  return s.frames.find((f) => f.agent !== '' && !ignored?.has(f.agent))?.agent ?? '';
}

/**
 * Both claims name who acts, and not the same actor or head noun ("Germany signed ..." / "Britain
 * signed ..."). Words in `ignored` are no agent ("twelve people died": the people are what a figure counts).
 */
export function agentsConflict(a: ClaimSignature, b: ClaimSignature, ignored?: ReadonlySet<string>): boolean {
  const x = mainAgent(a, ignored);
  const y = mainAgent(b, ignored);
  return x !== '' && y !== '' && x !== y;
}
