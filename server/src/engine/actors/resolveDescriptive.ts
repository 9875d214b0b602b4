/**
 * Corpus-level resolution of descriptive references left open by their document ("the American
 * president" with no named president in the same article): the persons the corpus has seen in that
 * role, the nearest in time to the document's date. Undated documents and ties stay unresolved
 * rather than guessed; every resolution carries its confidence and evidence.
 */
import { STEP_DOCUMENTS, type JoinSteps } from '../joinSteps';
import type { ActorLexicon } from './lexicon';
import type { EntityActors } from './entityActors';
import type { DocumentContribution } from './resolveActors';

export interface Inference {
  confidence: number;
  evidence: string;
}

interface RoleSighting {
  actor: string;
  month: number | null;
  path: string;
}

/** Two sightings closer than this (months) to the document date than the next candidate decide. */
const DECISIVE_GAP = 12;
/** A sighting further than this from the document date is no evidence. */
const MAX_DISTANCE = 48;

/** A step of the actor join (see JoinSteps): pauses every few documents. */
export function* resolveDescriptive(
  contributions: DocumentContribution[],
  entityActor: EntityActors,
  lex: ActorLexicon,
): JoinSteps<Map<string, Inference>> {
  const sightings = new Map<string, RoleSighting[]>();
  for (let doc = 0; doc < contributions.length; doc++) {
    if (doc % STEP_DOCUMENTS === STEP_DOCUMENTS - 1) yield;
    const c = contributions[doc];
    c.entities.forEach((e, i) => {
      const actor = entityActor.get(c.path, i);
      if (!actor || e.kind !== 'person') return;
      for (const key of e.roleKeys ?? []) {
        let list = sightings.get(key);
        if (!list) sightings.set(key, (list = []));
        list.push({ actor, month: c.month, path: c.path });
      }
    });
  }
  const out = new Map<string, Inference>();
  for (let doc = 0; doc < contributions.length; doc++) {
    if (doc % STEP_DOCUMENTS === STEP_DOCUMENTS - 1) yield;
    const c = contributions[doc];
    c.entities.forEach((e, i) => {
      if (e.reference !== 'descriptive' || !e.standsFor?.startsWith('role:')) return;
      const decision = decide(lex, e.standsFor.slice(5), c.month, sightings);
      if (!decision) return;
      entityActor.set(c.path, i, decision.actor);
      out.set(`${c.path}\u0000${i}`, { confidence: decision.confidence, evidence: decision.evidence });
    });
  }
  return out;
}

function decide(lex: ActorLexicon, key: string, month: number | null, sightings: Map<string, RoleSighting[]>): { actor: string; confidence: number; evidence: string } | undefined {
  const [title, state] = key.split('@');
  const titles = title === 'leader' ? [...lex.headOfStateTitles] : [title];
  const best = new Map<string, { distance: number; sighting: RoleSighting }>();
  for (const t of titles) {
    for (const s of sightings.get(`${t}@${state}`) ?? []) {
      const distance = month === null || s.month === null ? Infinity : Math.abs(month - s.month);
      const prev = best.get(s.actor);
      if (!prev || distance < prev.distance) best.set(s.actor, { distance, sighting: s });
    }
  }
  const ranked = [...best.entries()].sort((a, b) => a[1].distance - b[1].distance);
  if (ranked.length === 0) return undefined;
  const [actor, { distance, sighting }] = ranked[0];
  const role = state ? `${title} of ${lex.entries.get(state)?.name ?? state}` : title;
  const where = `seen as ${role} in ${sighting.path}`;
  if (month === null || distance === Infinity) {
    if (ranked.length > 1) return undefined;
    return { actor, confidence: 0.4, evidence: `the only holder of the role in the corpus (${where}); no date to check it against` };
  }
  if (distance > MAX_DISTANCE) return undefined;
  const second = ranked[1]?.[1].distance ?? Infinity;
  if (second - distance < DECISIVE_GAP) return undefined;
  return { actor, confidence: ranked.length === 1 ? 0.7 : 0.6, evidence: `${where}, ${distance} months from this document's date` };
}
