import { tmpdir } from 'node:os';
import { fileURLToPath } from 'node:url';
import { ResponseError, type Connection, type Location } from 'vscode-languageserver';
import { allFindings } from '../engine/diagnostics';
import { writeIndexJson } from '../engine/export/indexJson';
import type { LanguageService } from '../engine/languageService';
import { adjacentMention, claimAt, mentionAt, sameClaims } from '../engine/queries';
import { Requests, type ExportArgs, type ExportResult, type MentionsResult, type PositionArgs } from '../protocol';
import { normalizeUri } from '../node/multiRootWorkspace';
import { writeFileInPieces } from '../node/writeFileInPieces';
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

  // the index is written to the file by the server, a piece at a time (at 100k articles it is gigabytes: no message could hold it)
  connection.onRequest(Requests.exportIndex, async (args: ExportArgs): Promise<ExportResult> => {
    if (typeof args?.uri !== 'string' || !args.uri.startsWith('file:')) throw new ResponseError(1, `cannot export to ${args?.uri}: choose a file on this machine's disk`);
    const file = fileURLToPath(args.uri);
    const findings = allFindings(index, service.engineConfig);
    const skipped = [...service.skipped].map(([id, reason]) => ({ id, reason }));
    const rel = (id: string) => service.workspace.relativePath(id);
    try {
      await writeFileInPieces(file, (out) => writeIndexJson({ index, findings, rel, skipped, tempFolder: tmpdir() }, out));
    } catch (err) {
      throw new ResponseError(1, `could not export the index to ${file}: ${(err as Error).message}`);
    }
    return { path: file, documents: index.paths().length };
  });
}
