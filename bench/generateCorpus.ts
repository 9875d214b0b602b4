/**
 * Deterministic generator of news-like articles for the benchmark. The same seed and size always
 * give byte-identical files. Articles carry what the engine looks for — people with titles and
 * later surname-only mentions, states and organisations with aliases, absolute and relative dates,
 * attributed and unattributed statements, quotations, figures — in hard-wrapped and unwrapped layouts,
 * with the occasional heading, caption and page furniture. Actor frequencies follow a Zipf law, so a
 * few actors are mentioned in most articles (the worst case for cross-document queries).
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';

const GENERATOR_VERSION = 2;

/** mulberry32: small, fast, deterministic. */
export function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const GIVEN = ['Anna', 'Boris', 'Carlos', 'Dmitri', 'Elena', 'Farid', 'Grace', 'Hiroshi', 'Ines', 'Jonas', 'Kateryna', 'Luis', 'Maria', 'Nikolai', 'Olga', 'Pedro', 'Qing', 'Rania', 'Sergei', 'Tomasz', 'Ursula', 'Viktor', 'Wen', 'Yusuf', 'Zofia', 'Ahmed', 'Beatriz', 'Chen', 'Daniel', 'Emmanuel'];
const SURNAME_PARTS = ['Kov', 'Mar', 'Hal', 'Ben', 'Sor', 'Lind', 'Vas', 'Or', 'Tak', 'Del', 'Brun', 'Ost', 'Gar', 'Pet', 'Ram', 'Sil', 'Wal', 'Zel', 'Nak', 'Fer'];
const SURNAME_ENDS = ['enko', 'ova', 'sson', 'ani', 'ez', 'berg', 'ski', 'ashi', 'elli', 'ov', 'ard', 'ström', 'quist', 'escu', 'ić'];
const TITLES = ['Foreign Minister', 'Defence Minister', 'President', 'Prime Minister', 'Finance Minister', 'Senator', 'General', 'spokesperson', 'ambassador', 'Governor'];
const STATES: [string, string[]][] = [
  ['the United States', ['the U.S.', 'Washington']],
  ['Russia', ['Moscow', 'the Kremlin']],
  ['Ukraine', ['Kyiv']],
  ['China', ['Beijing']],
  ['Germany', ['Berlin']],
  ['France', ['Paris']],
  ['the United Kingdom', ['Britain', 'London']],
  ['Poland', ['Warsaw']],
  ['Turkey', ['Ankara']],
  ['India', ['New Delhi']],
  ['Brazil', ['Brasília']],
  ['Japan', ['Tokyo']],
];
const ORGS: [string, string][] = [
  ['the North Atlantic Treaty Organization', 'NATO'],
  ['the European Union', 'the EU'],
  ['the United Nations', 'the UN'],
  ['the International Monetary Fund', 'the IMF'],
  ['the World Health Organization', 'the WHO'],
  ['the Organization for Security and Co-operation in Europe', 'the OSCE'],
];
const OUTLETS = ['Reuters', 'the Associated Press', 'Bloomberg', 'the Financial Times', 'Le Monde', 'Der Spiegel'];
const VAGUE = ['officials said', 'sources familiar with the matter said', 'critics say', 'it is widely believed', 'analysts noted'];
const VERBS = ['rejected', 'announced', 'approved', 'criticised', 'welcomed', 'postponed', 'signed', 'denied'];
const OBJECTS = ['the ceasefire proposal', 'new sanctions', 'the aid package', 'the trade agreement', 'the peace plan', 'the security guarantees', 'the energy deal', 'the budget'];
const UNITS = ['people', 'soldiers', 'civilians', 'drones', 'tonnes of grain', 'percent', 'refugees', 'million dollars'];
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const RELATIVE = ['last week', 'on Tuesday', 'two years ago', 'earlier this month', 'last winter', 'in the spring', 'the following day', 'since the start of the year', 'three months later'];
const FILLER = [
  'The talks were held behind closed doors and no joint statement was issued.',
  'Markets reacted calmly to the news.',
  'The situation on the ground remains difficult to verify independently.',
  'Diplomats expect further meetings in the coming weeks.',
  'The decision follows months of negotiations between the two sides.',
  'Local residents described long queues at fuel stations.',
];
const FURNITURE = ['Share this article', 'Related stories', 'Sign up for our newsletter', 'Privacy policy', 'Cookie settings', '© 2025 All rights reserved'];

interface Person {
  given: string;
  surname: string;
  title: string;
}

/** A pool of people (Zipf-distributed use), shared by all articles of a corpus so actors recur across documents. */
function people(rand: () => number, count: number): Person[] {
  const out: Person[] = [];
  for (let i = 0; i < count; i++) {
    const surname = pick(rand, SURNAME_PARTS) + pick(rand, SURNAME_PARTS).toLowerCase() + pick(rand, SURNAME_ENDS);
    out.push({ given: pick(rand, GIVEN), surname, title: pick(rand, TITLES) });
  }
  return out;
}

function pick<T>(rand: () => number, list: readonly T[]): T {
  return list[Math.floor(rand() * list.length)];
}

/** Zipf-like index in [0, n): small indices much more often. */
function zipf(rand: () => number, n: number): number {
  return Math.min(n - 1, Math.floor(Math.pow(n + 1, rand()) - 1));
}

function articleDate(rand: () => number): { y: number; m: number; d: number } {
  return { y: 2015 + Math.floor(rand() * 11), m: Math.floor(rand() * 12), d: 1 + Math.floor(rand() * 28) };
}

function sentenceAbout(rand: () => number, cast: Person[], introduced: Set<Person>, date: { y: number; m: number }): string {
  const p = pick(rand, cast);
  const first = !introduced.has(p);
  introduced.add(p);
  const who = first ? `${p.title} ${p.given} ${p.surname}` : rand() < 0.7 ? p.surname : `the ${p.title.toLowerCase()}`;
  const [stateName, stateAliases] = STATES[zipf(rand, STATES.length)];
  const state = rand() < 0.5 ? stateName : pick(rand, stateAliases);
  const [orgName, orgAlias] = ORGS[zipf(rand, ORGS.length)];
  const org = rand() < 0.4 ? orgName : orgAlias;
  const n = Math.floor(Math.pow(10, 1 + rand() * 5));
  const figure = `${pick(rand, ['more than ', 'about ', 'at least ', ''])}${n.toLocaleString('en-US')} ${pick(rand, UNITS)}`;
  const when = rand() < 0.5 ? `on ${MONTHS[(date.m + 11) % 12]} ${1 + Math.floor(rand() * 28)}` : pick(rand, RELATIVE);
  const cap = (s: string) => s[0].toUpperCase() + s.slice(1);
  switch (Math.floor(rand() * 7)) {
    case 0:
      return `"${cap(state)} will not accept ${pick(rand, OBJECTS)} while ${figure} remain at risk," ${who} said ${when}.`;
    case 1:
      return `According to ${pick(rand, OUTLETS)}, ${state} ${pick(rand, VERBS)} ${pick(rand, OBJECTS)} ${when}, affecting ${figure}.`;
    case 2:
      return `${cap(who)} ${pick(rand, VERBS)} ${pick(rand, OBJECTS)} proposed by ${org} ${when}.`;
    case 3:
      return `${cap(org)} estimates that ${figure} have been affected since ${MONTHS[Math.floor(rand() * 12)]} ${date.y - 1}, ${pick(rand, VAGUE)}.`;
    case 4:
      return `${cap(state)} has ${rand() < 0.3 ? 'not ' : ''}${pick(rand, VERBS)} ${pick(rand, OBJECTS)}, and ${figure} were reported ${when}.`;
    case 5:
      return `In ${date.y - Math.floor(rand() * 5)}, ${who} met officials from ${state} and ${org} to discuss ${pick(rand, OBJECTS)}.`;
    default:
      return pick(rand, FILLER);
  }
}

function wrap(text: string, width: number): string {
  const out: string[] = [];
  let line = '';
  for (const word of text.split(' ')) {
    if (line && line.length + 1 + word.length > width) {
      out.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) out.push(line);
  return out.join('\n');
}

/** One article (about `targetBytes` long) from its own seeded stream; `cast` is the corpus-wide pool of people. */
export function generateArticle(seed: number, pool: Person[], targetBytes = 3000): string {
  const rand = random(seed);
  const date = articleDate(rand);
  const cast = Array.from({ length: 3 + Math.floor(rand() * 4) }, () => pool[zipf(rand, pool.length)]);
  const introduced = new Set<Person>();
  const hardWrapped = rand() < 0.3;
  const parts: string[] = [];
  const lead = cast[0];
  parts.push(`${lead.surname} ${pick(rand, VERBS)} ${pick(rand, OBJECTS)} as pressure mounts on ${STATES[zipf(rand, STATES.length)][0].replace(/^the /, '')}`);
  parts.push(`By ${pick(rand, GIVEN)} ${pick(rand, SURNAME_PARTS)}${pick(rand, SURNAME_ENDS)}`);
  parts.push(`${MONTHS[date.m]} ${date.d}, ${date.y}`);
  let size = parts.join('\n').length;
  while (size < targetBytes) {
    if (rand() < 0.08) parts.push(`${pick(rand, ['Background', 'Reactions', 'What comes next', 'The numbers'])}`);
    const sentences = Array.from({ length: 2 + Math.floor(rand() * 4) }, () => sentenceAbout(rand, cast, introduced, date));
    const paragraph = sentences.join(' ');
    parts.push(hardWrapped ? wrap(paragraph, 70 + Math.floor(rand() * 10)) : paragraph);
    size += paragraph.length + 2;
  }
  if (rand() < 0.1) parts.push(Array.from({ length: 3 + Math.floor(rand() * 4) }, () => pick(rand, FURNITURE)).join('\n'));
  return `${parts.join('\n\n')}\n`;
}

/**
 * Writes `count` articles under `dir` (a fresh folder per size); skips the work when the folder
 * already holds the same generation. Returns the folder and the total bytes.
 */
export function generateCorpus(dir: string, count: number, seed = 20250601): { dir: string; files: string[]; bytes: number } {
  const stamp = path.join(dir, '.generated.json');
  const expected = JSON.stringify({ version: GENERATOR_VERSION, count, seed });
  const files = Array.from({ length: count }, (_, i) => path.join(dir, `${String(Math.floor(i / 1000)).padStart(3, '0')}`, `article-${String(i).padStart(6, '0')}.txt`));
  if (existsSync(stamp)) {
    const previous = JSON.parse(readFileSync(stamp, 'utf8')) as { key: string; bytes: number };
    if (previous.key === expected) return { dir, files, bytes: previous.bytes };
  }
  const pool = people(random(seed), Math.max(50, Math.round(count / 4)));
  let bytes = 0;
  for (let i = 0; i < count; i++) {
    const file = files[i];
    if (i % 1000 === 0) mkdirSync(path.dirname(file), { recursive: true });
    const text = generateArticle(seed + i * 7919, pool, 1500 + ((i * 2654435761) % 3000));
    writeFileSync(file, text);
    bytes += Buffer.byteLength(text);
  }
  writeFileSync(stamp, JSON.stringify({ key: expected, bytes }));
  return { dir, files, bytes };
}
