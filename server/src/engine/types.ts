/**
 * Plain, serialisable data produced by the engine. No class instances, no functions:
 * every value here can go through JSON (the persisted index and the CLI export rely on it).
 *
 * Offsets are UTF-16 code-unit offsets into the document's text exactly as read
 * (after BOM removal; CRLF kept), `end` exclusive. LSP positions are derived from
 * them with the document's line starts (see text/lines.ts).
 */

export interface Span {
  start: number;
  end: number;
}

export interface Position {
  line: number;
  character: number;
}

export interface Range {
  start: Position;
  end: Position;
}

// ---------------------------------------------------------------- text model

export type TokenKind = 'word' | 'number' | 'punct' | 'symbol';

export interface Token extends Span {
  /** Source text of the token (for a hard-wrapped hyphenated word, the raw slice). */
  text: string;
  /** Normalised form: curly quotes/apostrophes/dashes folded to ASCII, NFC. Case kept. */
  norm: string;
  kind: TokenKind;
  /** Whether a line break (one newline, maybe with spaces) precedes this token. */
  afterNewline: boolean;
}

export type BlockKind = 'title' | 'byline' | 'heading' | 'caption' | 'paragraph' | 'boilerplate';

/** A sentence: tokens with exact offsets, joined across hard-wrapped lines. */
export interface Sentence extends Span {
  index: number;
  /** The sentence's text with line breaks inside it folded to single spaces (same length as the source slice). */
  text: string;
  tokens: Token[];
  /** What block it belongs to; claims only come from 'paragraph'. */
  block: BlockKind;
  /** Index of the heading that opens the section this sentence is in, or -1. */
  section: number;
}

export interface Block extends Span {
  kind: BlockKind;
}

// ---------------------------------------------------------------- actors

export type ActorKind = 'person' | 'state' | 'organization' | 'place' | 'group' | 'other';

/**
 * How a mention refers to its actor:
 * - name: a proper name or one of its aliases ("Vladimir Putin", "Putin", "U.S.")
 * - descriptive: a role description resolved to an actor ("the Russian president") — always shown as inferred
 * - metonym: a place standing for an institution/state ("Moscow", "the Kremlin", "Washington")
 * - demonym: an adjective of nationality ("Russian", "Ukrainian") — linked to the state, not a separate actor
 */
export type MentionKind = 'name' | 'descriptive' | 'metonym' | 'demonym';

export interface ActorMention extends Span {
  text: string;
  kind: MentionKind;
  /** Document-local entity this mention belongs to (index into DocumentAnalysis.entities). */
  entity: number;
  /** A title/role seen right before the name in this mention's context ("Foreign Minister"), if any. */
  role?: string;
  /** Where that role is written ("U.S. President" before "Donald Trump"); the mention's own span is the name alone. */
  roleSpan?: Span;
  /** 0..1, how sure the engine is (descriptive references are below 1). */
  confidence: number;
  sentence: number;
}

/**
 * A document-local entity: the mentions in one document judged to be one actor, with the
 * evidence needed to join it to the same actor in other documents.
 */
export interface LocalEntity {
  /** Best full name in this document ("Vladimir Putin"). */
  name: string;
  kind: ActorKind;
  /** Gazetteer id when the entity is a known state/organisation/etc. ("russia", "nato"). */
  gazetteerId?: string;
  /** Normalised name keys for cross-document joining (e.g. "vladimir putin", "putin"). */
  keys: string[];
  /** Surface forms seen in this document. */
  aliases: string[];
  /** Roles/titles seen with the entity in this document ("Russian President"). */
  roles: string[];
  /** For metonyms/descriptive: the id or key of what they stand for, resolved at corpus level. */
  standsFor?: string;
  /**
   * How the entity refers when it is not an actor under its own name: 'metonym' (a capital or seat of
   * power standing for its state: standsFor is the state's id) or 'descriptive' (a role description
   * such as "the Russian president" not resolved in the document: standsFor is "role:<role key>").
   */
  reference?: 'metonym' | 'descriptive';
  /** Role keys seen with the entity ("president@russia", "foreign minister@" when the state is unsaid). */
  roleKeys?: string[];
  /** Descriptive references resolved to this entity in its document ("the Russian president"): inferred, not names. */
  descriptions?: string[];
}

// ---------------------------------------------------------------- dates

export type DateKind = 'date' | 'duration' | 'set' | 'time';

export interface DateExpression extends Span {
  text: string;
  /** TIMEX3-style value: 2025, 2025-06, 2025-06-01, 2024-SU, 2025-Q1, 198, P18M, XXXX-06 when the year is unknown. */
  value: string | null;
  kind: DateKind;
  /** What it was resolved against: 'document' | 'absolute' | 'event:<name>' | 'expression:<index>' */
  anchor: string;
  /** Short human explanation ("'last winter' before the document date 2019-03"). */
  evidence: string;
  /** Calendar range the value covers, ISO days, when known. */
  from?: string;
  to?: string;
  sentence: number;
  /** TIMEX3 mod: START/MID/END for "early/mid/late …", APPROX/LESS_THAN/MORE_THAN for "about/nearly/more than …". */
  mod?: string;
}

export interface DocumentDate {
  value: string;
  from: string;
  to: string;
  source: 'metadata' | 'inferred' | 'file';
  evidence: string;
}

// ---------------------------------------------------------------- claims

export type Attribution = 'sourced' | 'vague' | 'unsourced';

export interface Quantity {
  value: number;
  /** What is counted, normalised ("casualties", "people", "percent"). */
  unit: string;
  /** "about", "more than", "at least", "up to" … folded to: 'eq' | 'gt' | 'lt' | 'approx' */
  comparator: 'eq' | 'gt' | 'lt' | 'approx';
  text: string;
}

/**
 * Who does what to what in a claim: one event (a predicate lemma folded through the synonym
 * lexicon, or the event noun a light verb carries: "gave no sign of new tariffs" -> tariff), its
 * polarity, its agent and its arguments. Terms are canonical lower-case lemmas; entity indices are
 * local (DocumentAnalysis.entities). An empty agent means unknown (pronoun, elided, passive).
 */
export interface ClaimFrame {
  event: string;
  negated: boolean;
  agent: string[];
  agentEntities: number[];
  args: string[];
  argEntities: number[];
  /** The agent is a pronoun resolved to an earlier actor ("It has stepped up…" after "Russia…"): weaker evidence. */
  coref?: boolean;
  /** Read from an event noun ("X's offer of …"), not a verb: a presupposed event, weaker evidence. */
  nominal?: boolean;
}

export interface Claim extends Span {
  /** Stable within a document: `c-<doc short id>-<n>`. */
  id: string;
  text: string;
  sentence: number;
  attribution: Attribution;
  /** The cue that decided the attribution ("according to", "reportedly", "said"). */
  cue?: string;
  /** Span of the source mention in the text, when sourced or vague. */
  sourceSpan?: Span;
  /** Source surface text ("Bloomberg", "Foreign Affairs", "officials"). */
  sourceText?: string;
  /** Local entity index of the source when it is an actor mention. */
  sourceEntity?: number;
  /** Local entity indices of actors mentioned in the claim. */
  entities: number[];
  quantities: Quantity[];
  /** Date expression indices inside the claim. */
  dates: number[];
  /** Negated main predicate ("did not", "refused", "no sign of"). */
  negated: boolean;
  /** Lemmatised content words (lower case), for clustering. */
  terms: string[];
  /** Main predicate lemma(s) if found ("reject", "kill", "meet"). */
  predicates: string[];
  /** Hedged/opinion material is excluded from claims; kept here as a flag for statements marked so. */
  hedged: boolean;
  /** Canonical content terms of the clause's subject ("putin", "kremlin"), for "same actor" tests. */
  subject?: string[];
  /** Local entity indices of actors in the subject. */
  subjectEntities?: number[];
  /** Elapsed time the claim states about an ongoing event ("in its second month": n 2, unit month). */
  elapsed?: { n: number; unit: 'year' | 'month' | 'week' | 'day'; comparator: 'eq' | 'gt' };
  /** Years the claim names explicitly (scope by time: different periods are a change, not a contradiction). */
  years?: number[];
  /**
   * The calendar ranges of the dates the claim names (its date expressions that resolve to one:
   * "on April 18" in an article of 2024-05-10 is 2024-04-18/2024-04-18), as ISO 8601 intervals:
   * figures stated for different dates are a change over time, not a contradiction.
   */
  when?: string[];
  /** Checkability score behind the decision (for tuning and explanations). */
  score?: number;
  /** The members of `terms` that are names (capitalised words): clustering needs more than shared names. */
  names?: string[];
  /** Who does what to what: the clause's predicates with their agents and arguments (at most a few). */
  frames?: ClaimFrame[];
  /** Content terms used as nouns (canonical): what the claim is about when its verbs differ. */
  nouns?: string[];
}

// ---------------------------------------------------------------- document analysis

export interface Suppressions {
  /** Codes suppressed for the whole file ('*' = all). */
  file: string[];
  /** line (0-based) -> codes suppressed on that line ('*' = all). */
  lines: Record<number, string[]>;
}

/** Everything the engine knows about one document, computed from its text alone (plus static lexicons). */
export interface DocumentAnalysis {
  path: string;
  /** Content hash of the text (cache key). */
  hash: string;
  /** Length of the text in UTF-16 code units. */
  length: number;
  /** Offsets at which each line starts. */
  lineStarts: number[];
  title: Span | null;
  titleText: string | null;
  byline: Span | null;
  blocks: Block[];
  /** In-text headings, in order (sentence `section` indexes into this). */
  headings: { start: number; end: number; text: string }[];
  /** Page furniture spans: reported, never treated as article text. */
  boilerplate: Span[];
  sentences: SentenceInfo[];
  entities: LocalEntity[];
  mentions: ActorMention[];
  dates: DateExpression[];
  /** Date of the document from its own text/metadata; the corpus may refine it. */
  date: DocumentDate | null;
  claims: Claim[];
  suppressions: Suppressions;
  /** Non-fatal problems found while analysing (shown to the user with the file name). */
  problems: string[];
}

/** A sentence without its tokens (tokens are recomputed on demand; they are not persisted). */
export interface SentenceInfo extends Span {
  block: BlockKind;
  section: number;
}

// ---------------------------------------------------------------- corpus level

export interface Actor {
  id: string;
  name: string;
  kind: ActorKind;
  /** Surface forms: names first, then the descriptive forms resolved to the actor ("the Russian president"). */
  aliases: string[];
  /** The members of `aliases` that are descriptive forms, resolved by inference (not names of the actor). */
  descriptiveAliases?: string[];
  roles: { role: string; path: string }[];
  description?: string;
  /** Mentions across the corpus, as references into documents. */
  mentions: MentionRef[];
}

export interface MentionRef {
  path: string;
  /** Index into that document's `mentions`. */
  index: number;
}

export interface ClaimRef {
  path: string;
  /** Index into that document's `claims`. */
  index: number;
}

export interface ClaimCluster {
  id: string;
  claims: ClaimRef[];
}

export interface Contradiction {
  a: ClaimRef;
  b: ClaimRef;
  reason: string;
  /** 0..1; below the configured threshold it is a hint, not a warning. */
  confidence: number;
  /** 'contradiction' or 'change' (different periods/administrations: reported as a change, not an alarm). */
  type: 'contradiction' | 'change';
}

export type Severity = 'error' | 'warning' | 'information' | 'hint' | 'off';

export interface Finding {
  path: string;
  span: Span;
  severity: Exclude<Severity, 'off'>;
  code: string;
  message: string;
  related: { path: string; span: Span; message: string }[];
  /** Claim the finding is about, when any. */
  claim?: ClaimRef;
}
