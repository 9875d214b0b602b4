import type { ActorFindings } from '../actors/findActors';
import type { DateFindings } from '../dates/findDates';
import type { Claim } from '../types';
import type { TextModel } from '../text/textModel';

/** Checkable claims with their attribution. STUB (issue 5 replaces it). */
export function findClaims(model: TextModel, actors: ActorFindings, dates: DateFindings, docId: string): Claim[] {
  void model;
  void actors;
  void dates;
  void docId;
  return [];
}
