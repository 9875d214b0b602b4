/**
 * The claims engine's word lists (lexicon/claims-cues.json and lexicon/claims-words.json) turned
 * into sets and maps once, at load time. Nothing in them names a person, a place or a story.
 */
import cues from '../lexicon/claims-cues.json';
import words from '../lexicon/claims-words.json';
import frames from '../lexicon/claims-frames.json';

export type ComparatorKind = 'gt' | 'lt' | 'approx';

export interface ClaimsLexicon {
  reportingVerbs: Set<string>;
  beliefVerbs: Set<string>;
  evidenceVerbs: Set<string>;
  participleCues: Set<string>;
  anaphoricObjects: Set<string>;
  documentSources: Set<string>;
  vagueHeads: Set<string>;
  vagueDeterminers: Set<string>;
  vagueAdverbs: Set<string>;
  passiveVagueVerbs: Set<string>;
  accordingTo: string[][];
  pronouns: Set<string>;
  modalHedges: Set<string>;
  hedgeWords: Set<string>;
  opinionWords: Set<string>;
  abstractSubjects: Set<string>;
  genericOpeners: Set<string>;
  conditionalOpeners: Set<string>;
  subordinators: Set<string>;
  coordinators: Set<string>;
  negators: Set<string>;
  negativePhrases: string[][];
  interpretiveVerbs: Set<string>;
  metaSubjects: Set<string>;
  metaVerbs: Set<string>;
  stateVerbs: Set<string>;
  verbs: Set<string>;
  /** Adjectives without an adjective ending that stand before nouns ("new sanctions"). */
  prenominalAdjectives: Set<string>;
  irregular: Map<string, string>;
  auxiliaries: Set<string>;
  stopwords: Set<string>;
  genericTerms: Set<string>;
  negativePredicates: Set<string>;
  /** word -> canonical member of its synonym group */
  synonym: Map<string, string>;
  /** canonical predicate -> canonical predicates it cannot co-hold with */
  antonym: Map<string, Set<string>>;
  numbers: Map<string, number>;
  multipliers: Map<string, number>;
  ordinals: Map<string, number>;
  comparators: { kind: ComparatorKind; words: string[] }[];
  units: Map<string, string>;
  phrasalVerbs: Map<string, string>;
  lightVerbs: Set<string>;
  degreeVerbs: Set<string>;
  evidentialNouns: Set<string>;
  copulas: Set<string>;
  catenatives: Set<string>;
  /** canonical terms that name an event: verbs, and synonym groups holding a verb ("membership" with "join") */
  eventTerms: Set<string>;
  /** event noun -> the verb it names ("invasion" -> invade): nominal frames */
  eventNouns: Map<string, string>;
}

let cached: ClaimsLexicon | null = null;

export function claimsLexicon(): ClaimsLexicon {
  if (cached) return cached;
  const synonym = new Map<string, string>();
  for (const group of words.synonyms) for (const w of group) if (!synonym.has(w)) synonym.set(w, group[0]);
  const canon = (w: string) => synonym.get(w) ?? w;
  const antonym = new Map<string, Set<string>>();
  for (const [a, b] of words.antonyms) {
    const ca = canon(a);
    const cb = canon(b);
    if (!antonym.has(ca)) antonym.set(ca, new Set());
    if (!antonym.has(cb)) antonym.set(cb, new Set());
    antonym.get(ca)!.add(cb);
    antonym.get(cb)!.add(ca);
  }
  const comparators: { kind: ComparatorKind; words: string[] }[] = [];
  for (const kind of ['gt', 'lt', 'approx'] as const) for (const phrase of words.comparators[kind]) comparators.push({ kind, words: phrase });
  // longest phrase first, so "no more than" wins over "more than"
  comparators.sort((x, y) => y.words.length - x.words.length);
  cached = {
    reportingVerbs: new Set(cues.reportingVerbs),
    beliefVerbs: new Set(cues.beliefVerbs),
    evidenceVerbs: new Set(cues.evidenceVerbs),
    participleCues: new Set(cues.participleCues),
    anaphoricObjects: new Set(cues.anaphoricObjects),
    documentSources: new Set(cues.documentSources),
    vagueHeads: new Set(cues.vagueHeads),
    vagueDeterminers: new Set(cues.vagueDeterminers),
    vagueAdverbs: new Set(cues.vagueAdverbs),
    passiveVagueVerbs: new Set(cues.passiveVagueVerbs),
    accordingTo: cues.accordingTo,
    pronouns: new Set(cues.pronouns),
    modalHedges: new Set(cues.modalHedges),
    hedgeWords: new Set(cues.hedgeWords),
    opinionWords: new Set(cues.opinionWords),
    abstractSubjects: new Set(cues.abstractSubjects),
    genericOpeners: new Set(cues.genericOpeners),
    conditionalOpeners: new Set(cues.conditionalOpeners),
    subordinators: new Set(cues.subordinators),
    coordinators: new Set(cues.coordinators),
    negators: new Set(cues.negators),
    negativePhrases: cues.negativePhrases,
    interpretiveVerbs: new Set(cues.interpretiveVerbs),
    metaSubjects: new Set(cues.metaSubjects),
    metaVerbs: new Set(cues.metaVerbs),
    stateVerbs: new Set(cues.stateVerbs),
    verbs: new Set(words.verbs),
    prenominalAdjectives: new Set(words.prenominalAdjectives),
    irregular: new Map(Object.entries(words.irregular)),
    auxiliaries: new Set(words.auxiliaries),
    stopwords: new Set(words.stopwords),
    genericTerms: new Set(words.genericTerms),
    negativePredicates: new Set(words.negativePredicates),
    synonym,
    antonym,
    numbers: new Map(Object.entries(words.numbers)),
    multipliers: new Map(Object.entries(words.multipliers)),
    ordinals: new Map(Object.entries(words.ordinals)),
    comparators,
    units: new Map(Object.entries(words.units)),
    phrasalVerbs: new Map(Object.entries(frames.phrasalVerbs)),
    lightVerbs: new Set(frames.lightVerbs),
    degreeVerbs: new Set(frames.degreeVerbs),
    evidentialNouns: new Set(frames.evidentialNouns),
    copulas: new Set(frames.copulas),
    catenatives: new Set(frames.catenatives),
    eventTerms: eventTerms(words.verbs, words.synonyms, canon),
    eventNouns: new Map(Object.entries(words.eventNouns)),
  };
  return cached;
}

function eventTerms(verbs: string[], groups: string[][], canon: (w: string) => string): Set<string> {
  const verbSet = new Set(verbs);
  const out = new Set(verbs.map(canon));
  for (const group of groups) if (group.some((w) => verbSet.has(w))) out.add(group[0]);
  return out;
}
