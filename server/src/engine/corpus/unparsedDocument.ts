import type { DocumentContribution } from '../actors/resolveActors';
import type { ResidentDocument } from './residentDocument';

/**
 * A document loaded from the persisted index and not read yet: what the actor join needs of it, and
 * how to read its analysis (on first use: a warm start answers before every analysis is parsed).
 */
export class UnparsedDocument {
  constructor(
    readonly contribution: DocumentContribution,
    /** Its resident part as stored (much less to read than the analysis), when there is one. */
    readonly loadResident: () => ResidentDocument | undefined = () => undefined,
  ) {}
}
