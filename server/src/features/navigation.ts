import type { Connection, Location } from 'vscode-languageserver';
import { exportIndex } from '../engine/exportIndex';
import { allFindings } from '../engine/diagnostics';
import type { LanguageService } from '../engine/languageService';
import { adjacentMention, claimAt, mentionAt, sameClaims } from '../engine/queries';
import { Requests, type MentionsResult, type PositionArgs } from '../protocol';
import { normalizeUri } from '../node/multiRootWorkspace';
import { claimLocation, mentionLocation, toLocation, toOffset } from './convert';

/** The custom requests behind the client's commands: all mentions, next/previous mention, same claim, export. */
export function registerNavigation(connection: Connection, service: LanguageService): void {
  const index = service.index;
  const hitAt = (args: PositionArgs) => {
    const uri = normalizeUri(args.uri);
    const doc = index.get(uri);
    return doc ? { doc, offset: toOffset(doc, args.position) } : undefined;
  };

  connection.onRequest(Requests.mentions, (args: PositionArgs): MentionsResult => {
    const at = hitAt(args);
    const hit = at && mentionAt(index, at.doc.path, at.offset);
    if (!hit?.actor) return { name: null, locations: [] };
    return { name: hit.actor.name, locations: index.views.locations(hit.actor) };
  });

  connection.onRequest(Requests.adjacentMention, (args: PositionArgs & { direction: 1 | -1 }): Location | null => {
    const at = hitAt(args);
    const hit = at && mentionAt(index, at.doc.path, at.offset);
    if (!at || !hit?.actor) return null;
    const ref = adjacentMention(index, hit.actor, at.doc.path, hit.mention.start, args.direction === -1 ? -1 : 1);
    return ref ? (mentionLocation(index, ref) ?? null) : null;
  });

  connection.onRequest(Requests.sameClaim, (args: PositionArgs): Location[] => {
    const at = hitAt(args);
    const claim = at && claimAt(index, at.doc.path, at.offset);
    if (!claim) return [];
    return sameClaims(index, claim.ref).flatMap((r) => claimLocation(index, r) ?? []);
  });

  connection.onRequest(Requests.exportIndex, () =>
    exportIndex(index, allFindings(index, service.engineConfig), (id) => service.workspace.relativePath(id), [...service.skipped].map(([id, reason]) => ({ id, reason }))),
  );
}
