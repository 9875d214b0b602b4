/**
 * GUM news gold named mentions, aligned to character offsets in the detokenised articles.
 *
 * entity_mentions.tsv gives 0-based treebank token ranges and the tokens joined by spaces; the
 * articles are detokenised text. Each gold mention's token sequence is searched in the text as a
 * pattern (tokens separated by optional white space); among its occurrences the one nearest the
 * position predicted from the token index (previous aligned mention + tokens between × the
 * document's mean characters per token) is taken. Mentions whose tokens are not found are counted
 * as unaligned and reported.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

export type GoldType = 'person' | 'place' | 'organization';

export interface GoldMention {
  start: number;
  end: number;
  type: GoldType;
  text: string;
  identity: string;
  /** A proper name, not a pronoun or description (see isNamed). */
  named: boolean;
}

export interface GumDocument {
  name: string;
  text: string;
  date: string;
  gold: GoldMention[];
  /** Person/place/organization gold mentions without an identity: predictions on them are not scored either way. */
  unscored: { start: number; end: number; text: string }[];
  unaligned: number;
}

export function gumDirectory(): string | undefined {
  const root = resolve(__dirname, '../../..');
  const candidates = [process.env.CORPUS_LENS_GUM, join(root, '../shared/data/gum-news'), '/work/shared/data/gum-news'];
  return candidates.find((d): d is string => !!d && existsSync(join(d, 'entity_mentions.tsv')));
}

const TYPES = new Set(['person', 'place', 'organization']);
const PRONOUNS = new Set('i me my we us our ours they them their theirs he him his she her hers it its you your this that these those who which one'.split(' '));
/** Role words: a mention ending in one is a description ("The President", "Malaysia's Prime Minister"), not a name. */
const ROLE_HEADS = new Set('president minister secretary chancellor king queen prince ambassador envoy governor mayor senator spokesman spokeswoman director chairman leader chief officer general'.split(' '));

/** Named: its last word (possessive dropped) is capitalised, is not a role word, and it is not a pronoun. */
export function isNamed(text: string): boolean {
  const tokens = text.split(' ').filter((t) => t !== "'s" && t !== "'" && t !== '’s');
  const last = tokens[tokens.length - 1] ?? '';
  if (tokens.length === 1 && PRONOUNS.has(last.toLowerCase())) return false;
  return /^\p{Lu}/u.test(last) && !ROLE_HEADS.has(last.toLowerCase());
}

export function loadGum(dir: string): GumDocument[] {
  const meta = new Map<string, { date: string; tokens: number }>();
  for (const line of readFileSync(join(dir, 'docs.jsonl'), 'utf8').split('\n')) {
    if (!line.trim()) continue;
    const d = JSON.parse(line) as { doc: string; dateCreated: string; n_tokens: number };
    meta.set(d.doc, { date: d.dateCreated, tokens: d.n_tokens });
  }
  const rows = new Map<string, { from: number; to: number; type: string; identity: string; text: string }[]>();
  const lines = readFileSync(join(dir, 'entity_mentions.tsv'), 'utf8').split('\n').slice(1);
  for (const line of lines) {
    const [doc, , from, to, , type, , identity, text] = line.split('\t');
    if (!doc || !text) continue;
    let list = rows.get(doc);
    if (!list) rows.set(doc, (list = []));
    list.push({ from: Number(from), to: Number(to), type, identity, text });
  }
  const docs: GumDocument[] = [];
  for (const [name, list] of rows) {
    const path = join(dir, 'articles', `${name}.txt`);
    if (!existsSync(path)) continue;
    const text = readFileSync(path, 'utf8');
    const info = meta.get(name);
    const perToken = text.length / Math.max(1, info?.tokens ?? text.length / 5);
    list.sort((a, b) => a.from - b.from || b.to - a.to);
    const gold: GoldMention[] = [];
    const unscored: { start: number; end: number; text: string }[] = [];
    let unaligned = 0;
    let anchorToken = 0;
    let anchorOffset = 0;
    for (const row of list) {
      const span = align(text, row.text, anchorOffset + (row.from - anchorToken) * perToken);
      if (!span) {
        if (row.identity && TYPES.has(row.type)) unaligned++;
        continue;
      }
      anchorToken = row.from;
      anchorOffset = span.start;
      const surface = text.slice(span.start, span.end);
      if (!TYPES.has(row.type)) continue;
      if (!row.identity) unscored.push({ ...span, text: surface });
      else gold.push({ ...span, type: row.type as GoldType, text: surface, identity: row.identity, named: isNamed(row.text) });
    }
    docs.push({ name, text, date: info?.date ?? '', gold, unscored, unaligned });
  }
  return docs.sort((a, b) => (a.name < b.name ? -1 : 1));
}

function align(text: string, tokens: string, predicted: number): { start: number; end: number } | undefined {
  const pattern = tokens
    .split(' ')
    .map((t) => t.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/['’]/g, "['’]").replace(/"/g, '["“”]'))
    .join('\\s*');
  const re = new RegExp(pattern, 'g');
  let best: { start: number; end: number } | undefined;
  let bestDistance = Infinity;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const distance = Math.abs(m.index - predicted);
    if (distance < bestDistance) {
      bestDistance = distance;
      best = { start: m.index, end: m.index + m[0].length };
    }
    if (m[0].length === 0) re.lastIndex++;
  }
  return best;
}
