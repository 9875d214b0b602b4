import { DEFAULT_MAX_REFERENCES } from '../server/src/features/references';
import type { ColdResult, WarmResult } from './measure';

export interface Row extends ColdResult {
  name: string;
  warm: WarmResult;
}

export interface Gate {
  name: string;
  value: string;
  target: string;
  /** undefined: not measured in this run (e.g. the 100k size without --full). */
  pass: boolean | undefined;
}

const MB = 1024 * 1024;

/** The targets of issue 8, checked on this run's rows (generated sizes only; 'real' is reported, not gated). */
export function evaluateGates(rows: Row[]): Gate[] {
  const sized = rows.filter((r) => /^\d+$/.test(r.name)).sort((a, b) => Number(a.name) - Number(b.name));
  const gates: Gate[] = [];
  const largest = sized[sized.length - 1];
  const at100k = sized.find((r) => Number(r.name) >= 100000);
  const gate = (name: string, value: number | undefined, target: number, unit: string, digits = 1) =>
    gates.push({ name, value: value === undefined ? 'n/a' : `${value.toFixed(digits)}${unit}`, target: `< ${target}${unit}`, pass: value === undefined ? undefined : value < target });
  gate('cold index, 100k articles', at100k && at100k.coldMs / 1000, 60, ' s');
  gate('hover p95 at 100k', at100k?.hover.p95, 5, ' ms', 2);
  gate(`references p95 at 100k (as served: at most ${DEFAULT_MAX_REFERENCES} locations)`, at100k?.references.p95, 20, ' ms', 2);
  gate('references p95 at 100k, every location (reported; no limit)', at100k?.referencesAll?.p95, 20, ' ms', 2);
  gate('longest wait of the event loop while diagnostics are published after an edit and re-join at 100k (reported)', at100k?.publishing?.againLongestWaitMs, 50, ' ms');
  gate('longest wait of the event loop while the joins and views are made again after an edit at 100k (reported)', at100k?.publishing?.rejoinLongestWaitMs, 100, ' ms');
  gate('longest wait of the event loop during workspace symbol queries at 100k (reported)', at100k?.workspaceSymbols?.longestWaitMs, 50, ' ms');
  for (const r of sized) gate(`cold / floor at ${r.name}`, r.coldMs / r.floorMs, 10, 'x');
  for (const r of sized) gate(`warm start at ${r.name}`, r.warm.loadMs / 1000, 3, ' s', 2);
  for (const r of sized) gate(`edit p95 at ${r.name}`, r.edit.p95, 20, ' ms', 2);
  for (const r of sized) gate(`edit p95 after a warm start at ${r.name}`, r.warm.edit?.p95, 20, ' ms', 2);
  if (largest) gate(`peak memory / corpus bytes at ${largest.name}`, (largest.peakRssMb * MB) / largest.bytes, 4, 'x');
  if (largest?.indexedPeakRssMb) gate(`peak memory while indexing / corpus bytes at ${largest.name} (reported; the target is on the peak of the whole run, which the "every location" requests set)`, (largest.indexedPeakRssMb * MB) / largest.bytes, 4, 'x');
  if (largest?.liveHeapMb) gate(`live heap / corpus bytes at ${largest.name} (reported; the target is on the peak)`, (largest.liveHeapMb * MB) / largest.bytes, 4, 'x');
  for (const r of sized) {
    const half = sized.find((h) => Number(h.name) * 2 === Number(r.name));
    if (half) gate(`growth ${half.name} -> ${r.name} (cold time ratio)`, r.coldMs / half.coldMs, 2.2, 'x', 2);
  }
  return gates;
}

function fmt(n: number, digits = 1): string {
  return n >= 100 ? n.toFixed(0) : n.toFixed(digits);
}

export function formatTable(rows: Row[], gates: Gate[], machine: { cpu: string; cores: number; memoryGb: number; node: string }): string {
  const head = ['corpus', 'docs', 'MB', 'floor s', 'cold s', 'MB/s', 'cold/floor', 'persist after ready s', 'claim join s', 'warm load s', 'warm verify s', 'edit p50/p95 ms', 'edit after warm start p50/p95 ms', 'of which analysis p50/p95', 'open p50/p95 ms', 'hover p50/p95 ms', 'def p50/p95 ms', 'refs p50/p95 ms', 'all refs p50/p95 ms', 'workspace symbols ms: picker opened / a name / no match (longest wait ms of the three)', 'diagnostics published s (longest wait ms)', 're-join and views after an edit s (longest wait ms)', 'diagnostics after the re-join s (longest wait ms; documents)', 'peak RSS MB', 'RSS after indexing MB', 'live heap MB', 'mentions', 'claims'];
  const lines = [head];
  for (const r of rows) {
    const mb = r.bytes / MB;
    lines.push([
      r.name,
      String(r.documents),
      fmt(mb),
      fmt(r.floorMs / 1000, 2),
      fmt(r.coldMs / 1000, 2),
      fmt(mb / (r.coldMs / 1000)),
      fmt(r.coldMs / r.floorMs),
      fmt(r.persistMs / 1000, 2),
      fmt(r.joinsMs / 1000, 2),
      fmt(r.warm.loadMs / 1000, 2),
      fmt(r.warm.verifyMs / 1000, 2),
      `${r.edit.p50.toFixed(2)} / ${r.edit.p95.toFixed(2)}`,
      r.warm.edit ? `${r.warm.edit.p50.toFixed(2)} / ${r.warm.edit.p95.toFixed(2)}` : 'n/a',
      r.editAnalysis ? `${r.editAnalysis.p50.toFixed(2)} / ${r.editAnalysis.p95.toFixed(2)}` : '-',
      r.open ? `${r.open.p50.toFixed(2)} / ${r.open.p95.toFixed(2)}` : 'n/a',
      `${r.hover.p50.toFixed(2)} / ${r.hover.p95.toFixed(2)}`,
      `${r.definition.p50.toFixed(2)} / ${r.definition.p95.toFixed(2)}`,
      `${r.references.p50.toFixed(2)} / ${r.references.p95.toFixed(2)}`,
      r.referencesAll ? `${r.referencesAll.p50.toFixed(2)} / ${r.referencesAll.p95.toFixed(2)}` : 'n/a',
      r.workspaceSymbols ? `${fmt(r.workspaceSymbols.openingMs)} / ${fmt(r.workspaceSymbols.nameMs)} / ${fmt(r.workspaceSymbols.noMatchMs)} (${fmt(r.workspaceSymbols.longestWaitMs)})` : 'n/a',
      r.publishing ? `${fmt(r.publishing.firstMs / 1000, 2)} (${fmt(r.publishing.firstLongestWaitMs)})` : 'n/a',
      r.publishing?.rejoinMs !== undefined ? `${fmt(r.publishing.rejoinMs / 1000, 2)} (${fmt(r.publishing.rejoinLongestWaitMs)})` : 'n/a',
      r.publishing ? `${fmt(r.publishing.againMs / 1000, 2)} (${fmt(r.publishing.againLongestWaitMs)}; ${r.publishing.againDocuments ?? 'all'})` : 'n/a',
      fmt(r.peakRssMb),
      r.indexedPeakRssMb ? fmt(r.indexedPeakRssMb) : '-',
      r.liveHeapMb ? fmt(r.liveHeapMb) : '-',
      String(r.mentions),
      String(r.claims),
    ]);
  }
  const table = lines.map((l) => `| ${l.join(' | ')} |`);
  table.splice(1, 0, `|${head.map(() => '---').join('|')}|`);
  const gateLines = gates.map((g) => `${g.pass === undefined ? 'n/a ' : g.pass ? 'PASS' : 'FAIL'}  ${g.name}: ${g.value} (target ${g.target})`);
  return [`Machine: ${machine.cpu}, ${machine.cores} cores, ${machine.memoryGb} GB, Node ${machine.node}`, '', ...table, '', ...gateLines].join('\n');
}
