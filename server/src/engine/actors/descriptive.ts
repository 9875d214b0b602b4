/**
 * Descriptive references: "the Russian president", "the American president", "Russia's foreign
 * minister", "the president". Resolved in the document when exactly one person there holds the role;
 * otherwise kept as a descriptive entity (standsFor "role:<title>@<state>") for the corpus to resolve
 * by the roles it has seen and the document's date. Always marked as inferred (confidence < 1).
 */
import type { ActorLexicon } from './lexicon';
import { mentionDraft, type EntityDraft, type EntityTable } from './assemble';
import { roleKey, stateOfUnit, titleLengthAt } from './roles';
import { singleSpaced } from './names';
import type { Unit } from './units';
import { isWord, PREDICATIVE } from './lexiconWords';

export interface DescriptiveReference {
  start: number;
  end: number;
  sentence: number;
  title: string;
  state?: string;
}

/** Titles of offices a state has one holder of at a time. */
function isUniqueOffice(lex: ActorLexicon, title: string): boolean {
  return lex.headOfStateTitles.has(title) || /\b(?:minister|secretary)\b/.test(title);
}

export function findDescriptive(lex: ActorLexicon, units: readonly Unit[], sentence: number): DescriptiveReference[] {
  const out: DescriptiveReference[] = [];
  for (let k = 0; k < units.length; k++) {
    const u = units[k];
    let j: number;
    let state: string | undefined;
    if (u.key === 'the') {
      j = k + 1;
      if (j < units.length && isWord(lex, units[j], PREDICATIVE)) continue;
      const s = j < units.length ? stateOfUnit(lex, units, j) : undefined;
      if (s && !units[j + s.length - 1].possessive) {
        state = s.id;
        j += s.length;
      }
    } else if (u.possessive && u.upper) {
      const s = stateOfUnit(lex, units, k);
      if (!s || s.length !== 1) continue;
      state = s.id;
      j = k + 1;
    } else continue;
    if (j >= units.length || (units[j].breakBefore && units[j].punctBefore !== "'s")) continue;
    const n = titleLengthAt(lex, units, j);
    if (n === 0) continue;
    const title = units.slice(j, j + n).map((w) => w.key).join(' ');
    if (!isUniqueOffice(lex, title)) continue;
    const next = units[j + n];
    if (next && next.upper && !next.breakBefore) continue; // "the French President Emmanuel Macron": a title, not a reference
    const prev = k > 0 ? units[k - 1] : undefined;
    if (prev && !u.breakBefore && isWord(lex, prev, PREDICATIVE)) continue; // "became the Russian president"
    // "Malaysia's Prime Minister": the state keeps its own mention, the reference is the title
    const first = u.key === 'the' ? units[k] : units[j];
    out.push({ start: first.start, end: units[j + n - 1].end, sentence, title, state });
    k = j + n - 1;
  }
  return out;
}

/** Links each reference to the one person of the document holding that role, or to a descriptive entity. */
export function addDescriptive(lex: ActorLexicon, table: EntityTable, text: string, refs: DescriptiveReference[]): void {
  const withRoles = table.drafts.filter((d) => d.entity.kind === 'person' && d.entity.roleKeys?.length);
  for (const r of refs) {
    const holders = withRoles.filter((d) => holdsRole(lex, d, r));
    const mentionText = singleSpaced(text.slice(r.start, r.end));
    if (holders.length === 1) {
      table.mention(holders[0], mentionDraft(holders[0], r, mentionText, 'descriptive', r.state ? 0.8 : 0.6));
      const form = descriptiveForm(mentionText);
      const forms = (holders[0].entity.descriptions ??= []);
      if (forms.length < 16 && !forms.includes(form)) forms.push(form);
      continue;
    }
    if (!r.state || holders.length > 1) continue; // "the president" with no single candidate: left unresolved
    const key = roleKey(r.title, r.state);
    const d = table.entity('d', key, () => ({
      name: descriptiveForm(mentionText),
      kind: 'person',
      keys: [],
      aliases: [],
      roles: [],
      standsFor: `role:${key}`,
      reference: 'descriptive',
    }));
    table.mention(d, mentionDraft(d, r, mentionText, 'descriptive', 0.5));
  }
}

/** "The Russian president" at a sentence start is listed as "the Russian president". */
function descriptiveForm(text: string): string {
  return text.replace(/^the\s+/i, 'the ');
}

function holdsRole(lex: ActorLexicon, d: EntityDraft, r: DescriptiveReference): boolean {
  for (const key of d.entity.roleKeys ?? []) {
    const [title, state] = key.split('@');
    const titleMatches = title === r.title || (r.title === 'leader' && lex.headOfStateTitles.has(title));
    if (!titleMatches) continue;
    if (!r.state || state === r.state) return true;
  }
  return false;
}
