import type { CodeLens, CodeLensParams } from 'vscode-languageserver';
import { mentionCountOf } from '../engine/actors/mentionRefs';
import type { LanguageService } from '../engine/languageService';
import { sameClaims } from '../engine/queries';
import { toRange } from './convert';

export interface LensSettings {
  mentionCounts: boolean;
  sameClaim: boolean;
}

/**
 * Code lenses: "48 mentions in 5 documents" on the first mention in the document of each person,
 * organisation and group that other documents mention too (states and places are everywhere in news:
 * a lens on each would bury the text), and "also reported in 2 other articles" on clustered claims.
 */
const LENS_KINDS = new Set(['person', 'organization', 'group']);

export function provideCodeLenses(service: LanguageService, params: CodeLensParams, settings: LensSettings): CodeLens[] {
  const index = service.index;
  const doc = index.get(params.textDocument.uri);
  if (!doc) return [];
  const lenses: CodeLens[] = [];
  if (settings.mentionCounts) {
    const seen = new Set<string>();
    for (const m of doc.mentions) {
      if (m.kind !== 'name') continue;
      const id = index.actors.actorOf(doc.path, m.entity);
      const actor = id ? index.actors.byId.get(id) : undefined;
      if (!actor || seen.has(actor.id) || !LENS_KINDS.has(actor.kind)) continue;
      seen.add(actor.id);
      const docs = index.views.view(actor).parts.length;
      if (docs < 2) continue;
      const range = toRange(doc, m);
      lenses.push({
        range,
        command: { title: `${actor.name}: ${mentionCountOf(actor)} mentions in ${docs} document${docs === 1 ? '' : 's'}`, command: 'corpusLens.showMentions', arguments: [doc.path, range.start] },
      });
    }
  }
  if (settings.sameClaim) {
    doc.claims.forEach((claim, i) => {
      const others = sameClaims(index, { path: doc.path, index: i }).filter((r) => r.path !== doc.path);
      const articles = new Set(others.map((r) => r.path)).size;
      if (articles === 0) return;
      const range = toRange(doc, claim);
      lenses.push({
        range: { start: range.start, end: range.start },
        command: { title: `also reported in ${articles} other article${articles === 1 ? '' : 's'}`, command: 'corpusLens.showSameClaim', arguments: [doc.path, range.start] },
      });
    });
  }
  return lenses;
}
