import { CodeActionKind, type CodeAction, type TextEdit, type WorkspaceEdit } from 'vscode-languageserver';
import type { LanguageService } from '../engine/languageService';
import { mentionAt, mergeCandidates } from '../engine/queries';
import { WORKSPACE_FILE } from '../engine/workspaceFile';
import { toOffset } from './convert';

export interface WorkspaceFileAccess {
  /** URI of `.corpus-lens.json` in the first workspace folder, or undefined without a folder. */
  uri: string | undefined;
  /** Its current text, or undefined when it does not exist. */
  text: string | undefined;
}

/**
 * Code actions on an actor mention that write the workspace actor file: merge the actor with a
 * similar one ("Bush" with "George W. Bush"), or split this surface form off its actor.
 * The file is rewritten as formatted JSON; other sections are kept as they are.
 */
export function provideActorFileActions(service: LanguageService, uri: string, position: { line: number; character: number }, file: WorkspaceFileAccess): CodeAction[] {
  const doc = service.index.get(uri);
  if (!doc || !file.uri) return [];
  const hit = mentionAt(service.index, doc.path, toOffset(doc, position));
  if (!hit?.actor || hit.mention.kind === 'demonym') return [];
  let parsed: Record<string, unknown>;
  try {
    parsed = file.text?.trim() ? (JSON.parse(file.text) as Record<string, unknown>) : {};
  } catch {
    return []; // the file is malformed: its problem is reported elsewhere; never overwrite it
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) return [];
  const actor = hit.actor;
  const surface = hit.mention.text.replace(/\s+/g, ' ').replace(/['\u2019]s$/, '');
  const actions: CodeAction[] = [];
  for (const other of mergeCandidates(service.index, actor)) {
    actions.push(edit(`Merge "${actor.name}" with "${other.name}" (writes ${WORKSPACE_FILE})`, file, withEntry(parsed, 'merge', [other.name, actor.name])));
  }
  if (surface.toLowerCase() !== actor.name.toLowerCase()) {
    actions.push(edit(`"${surface}" is not ${actor.name}: split it off (writes ${WORKSPACE_FILE})`, file, withEntry(parsed, 'split', [actor.name, surface])));
  }
  return actions;
}

function withEntry(parsed: Record<string, unknown>, section: 'merge' | 'split', names: string[]): Record<string, unknown> {
  const actors = typeof parsed.actors === 'object' && parsed.actors !== null && !Array.isArray(parsed.actors) ? { ...(parsed.actors as Record<string, unknown>) } : {};
  const list = Array.isArray(actors[section]) ? [...(actors[section] as unknown[])] : [];
  list.push(names);
  actors[section] = list;
  return { ...parsed, actors };
}

function edit(title: string, file: WorkspaceFileAccess, content: Record<string, unknown>): CodeAction {
  const newText = `${JSON.stringify(content, null, 2)}\n`;
  const uri = file.uri!;
  const whole: TextEdit = { range: { start: { line: 0, character: 0 }, end: { line: Number.MAX_SAFE_INTEGER >>> 0, character: 0 } }, newText };
  const workspaceEdit: WorkspaceEdit =
    file.text === undefined
      ? { documentChanges: [{ kind: 'create', uri, options: { ignoreIfExists: true } }, { textDocument: { uri, version: null }, edits: [{ ...whole, range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } } }] }] }
      : { changes: { [uri]: [whole] } };
  return { title, kind: CodeActionKind.RefactorRewrite, edit: workspaceEdit };
}
