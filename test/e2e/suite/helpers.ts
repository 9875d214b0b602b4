// Helpers for the extension-host suite: waiting on conditions with limits, and reading VS Code API results.
import * as path from 'node:path';
import * as vscode from 'vscode';

export const EXTENSION_ID = 'corpus-lens.corpus-lens';
export const RULE_CODES = ['unsourced-claim', 'vague-attribution', 'contradiction'] as const;
export const SEED_FILES = [
  '000_2f961fad0641e483.txt',
  '001_2900e3e63f8ae14a.txt',
  '002_bb9464734c27f3ab.txt',
  '003_05eff9d5d1b361e9.txt',
  '004_a5ff8178f74b77d0.txt',
];

export interface IndexStatus {
  documents: number;
  actors: number;
  findings: number;
  state: string;
}

/** Polls `check` until it returns a truthy value (returned) or `timeoutMs` passes (throws, naming `what`). */
export async function waitFor<T>(what: string, check: () => T | undefined | null | false | Promise<T | undefined | null | false>, timeoutMs = 30_000, intervalMs = 250): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: unknown;
  for (;;) {
    try {
      const v = await check();
      if (v) return v;
      last = v;
    } catch (e) {
      last = e;
    }
    if (Date.now() > deadline) {
      const detail = last instanceof Error ? last.message : JSON.stringify(last);
      throw new Error(`timed out after ${timeoutMs} ms waiting for ${what} (last: ${detail})`);
    }
    await new Promise((r) => setTimeout(r, intervalMs));
  }
}

export function seedsFolder(): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  if (!folder) throw new Error('no workspace folder is open (the suite expects the seeds folder)');
  return folder.uri;
}

export function seedUri(name: string): vscode.Uri {
  return vscode.Uri.joinPath(seedsFolder(), name);
}

export function isSeed(uri: vscode.Uri): boolean {
  const root = seedsFolder().fsPath;
  return uri.fsPath.startsWith(root + path.sep) && SEED_FILES.includes(path.basename(uri.fsPath));
}

export function base(uri: vscode.Uri): string {
  return path.basename(uri.fsPath);
}

export function codeOf(d: vscode.Diagnostic): string | undefined {
  const c = d.code;
  if (c === undefined) return undefined;
  if (typeof c === 'object') return String(c.value);
  return String(c);
}

/** All diagnostics on seed documents, as [uri, diagnostic] pairs. */
export function seedDiagnostics(): Array<[vscode.Uri, vscode.Diagnostic]> {
  const out: Array<[vscode.Uri, vscode.Diagnostic]> = [];
  for (const [uri, diags] of vscode.languages.getDiagnostics()) {
    if (!isSeed(uri)) continue;
    for (const d of diags) out.push([uri, d]);
  }
  return out;
}

export async function indexStatus(): Promise<IndexStatus | undefined> {
  try {
    return await vscode.commands.executeCommand<IndexStatus>('corpusLens.indexStatus');
  } catch {
    return undefined; // not registered (yet)
  }
}

export function hoverText(hovers: vscode.Hover[] | undefined): string {
  if (!hovers) return '';
  return hovers
    .flatMap((h) => h.contents)
    .map((c) => (typeof c === 'string' ? c : 'value' in c ? String(c.value) : ''))
    .join('\n');
}

/** Locations from a definition/reference provider, whether Location or LocationLink. */
export function locationsOf(result: Array<vscode.Location | vscode.LocationLink> | undefined): vscode.Location[] {
  if (!result) return [];
  return result.map((r) => ('targetUri' in r ? new vscode.Location(r.targetUri, r.targetSelectionRange ?? r.targetRange) : r));
}

export async function textAt(loc: vscode.Location): Promise<string> {
  const doc = await vscode.workspace.openTextDocument(loc.uri);
  return doc.getText(loc.range);
}

/** Position inside the first occurrence of `needle` (optionally within `context`) in `doc`. */
export function positionOf(doc: vscode.TextDocument, needle: string, context?: string, inside = 2): vscode.Position {
  const text = doc.getText();
  let offset: number;
  if (context) {
    const at = text.indexOf(context);
    if (at < 0) throw new Error(`"${context}" not found in ${base(doc.uri)}`);
    offset = at + context.indexOf(needle);
  } else {
    offset = text.indexOf(needle);
  }
  if (offset < 0) throw new Error(`"${needle}" not found in ${base(doc.uri)}`);
  return doc.positionAt(offset + inside);
}
