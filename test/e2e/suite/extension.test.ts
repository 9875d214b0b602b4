// End-to-end checks of Corpus Lens through the VS Code API, in a real VS Code extension host,
// on the workspace folder repo/seeds (files 000..004).
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import {
  EXTENSION_ID,
  RULE_CODES,
  SEED_FILES,
  base,
  codeOf,
  hoverText,
  indexStatus,
  isSeed,
  locationsOf,
  positionOf,
  seedDiagnostics,
  seedUri,
  textAt,
  waitFor,
} from './helpers';

const DOC_003 = '003_05eff9d5d1b361e9.txt';
// A bare "Putin" (an alias, not the full name) in 003's third paragraph.
const PUTIN_CONTEXT = 'presented Putin with';
const INDEX_TIMEOUT_MS = 90_000;
const SETTING_TIMEOUT_MS = 30_000;

describe('Corpus Lens in a real VS Code', function () {
  let doc003: vscode.TextDocument;
  let putinPos: vscode.Position;

  before(async function () {
    this.timeout(INDEX_TIMEOUT_MS + 30_000);
    const ext = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(ext, `extension ${EXTENSION_ID} is not loaded in the extension host`);
    await ext.activate();
    // Ready when the client reports the index ready; without that command, when diagnostics reach the seeds.
    await waitFor(
      'the corpus index to be ready (corpusLens.indexStatus state "ready", or diagnostics on the seeds)',
      async () => {
        const status = await indexStatus();
        if (status) return status.state === 'ready';
        return seedDiagnostics().length > 0;
      },
      INDEX_TIMEOUT_MS,
      500,
    );
    doc003 = await vscode.workspace.openTextDocument(seedUri(DOC_003));
    await vscode.window.showTextDocument(doc003);
    putinPos = positionOf(doc003, 'Putin', PUTIN_CONTEXT);
  });

  it('reports index status "ready" over the five seed documents (corpusLens.indexStatus)', async function () {
    const status = await indexStatus();
    assert.ok(status, 'command corpusLens.indexStatus is not registered or returned nothing');
    assert.equal(status.state, 'ready');
    assert.equal(status.documents, SEED_FILES.length, `documents: ${JSON.stringify(status)}`);
    assert.ok(status.actors > 0, `actors: ${JSON.stringify(status)}`);
    assert.ok(status.findings > 0, `findings: ${JSON.stringify(status)}`);
  });

  it('registers its commands', async function () {
    const commands = new Set(await vscode.commands.getCommands(true));
    for (const id of ['corpusLens.reindex', 'corpusLens.exportIndex', 'corpusLens.showMentions', 'corpusLens.indexStatus']) {
      assert.ok(commands.has(id), `command ${id} is not registered`);
    }
  });

  it('shows a hover card naming "Vladimir Putin" on "Putin" in 003', async function () {
    // The index is ready, so the first answer should be right; a short poll absorbs the client's start-up.
    const text = await waitFor(
      'a hover on "Putin" mentioning "Vladimir Putin"',
      async () => {
        const t = hoverText(await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', doc003.uri, putinPos));
        return t.includes('Vladimir Putin') ? t : false;
      },
      15_000,
    ).catch(async (e) => {
      const got = hoverText(await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', doc003.uri, putinPos));
      throw new Error(`${e.message}\nhover text was: ${JSON.stringify(got)}`);
    });
    assert.match(text, /Vladimir Putin/);
  });

  it('goes to the defining mention of Putin ("Vladimir Putin", in a seed document)', async function () {
    const locs = locationsOf(
      await vscode.commands.executeCommand<Array<vscode.Location | vscode.LocationLink>>('vscode.executeDefinitionProvider', doc003.uri, putinPos),
    );
    assert.ok(locs.length > 0, 'no definition location for "Putin"');
    for (const loc of locs) {
      assert.ok(isSeed(loc.uri), `definition outside the seeds: ${loc.uri.toString()}`);
      const text = await textAt(loc);
      assert.match(text, /Putin/, `definition range in ${base(loc.uri)} holds "${text}"`);
    }
    // The defining mention is a full-name mention (not the bare alias hovered here).
    const texts = await Promise.all(locs.map(textAt));
    console.log(`      definition: ${locs.map((l, i) => `${base(l.uri)}:${l.range.start.line + 1} "${texts[i]}"`).join(', ')}`);
    assert.ok(texts.some((t) => /Vladimir Putin/.test(t)), `definition texts: ${JSON.stringify(texts)}`);
  });

  it('finds references to Putin in other seed documents', async function () {
    const locs = locationsOf(await vscode.commands.executeCommand<vscode.Location[]>('vscode.executeReferenceProvider', doc003.uri, putinPos));
    assert.ok(locs.length > 0, 'no references for "Putin"');
    const files = new Set(locs.map((l) => base(l.uri)));
    const others = [...files].filter((f) => f !== DOC_003);
    // "Putin" appears in every seed document.
    assert.ok(others.length >= 2, `references only in ${JSON.stringify([...files])}`);
    for (const l of locs) assert.ok(isSeed(l.uri), `reference outside the seeds: ${l.uri.toString()}`);
    // Reference ranges in other documents cover Putin mentions (aliases included, so check some, not all).
    const otherTexts = await Promise.all(locs.filter((l) => base(l.uri) !== DOC_003).map(textAt));
    assert.ok(otherTexts.some((t) => /Putin/.test(t)), `reference texts in other documents: ${JSON.stringify(otherTexts.slice(0, 10))}`);
    assert.ok(locs.length >= 10, `expected many Putin mentions across the corpus, got ${locs.length}`);
  });

  it('publishes diagnostics on the seeds with the rule codes', async function () {
    const diags = seedDiagnostics();
    assert.ok(diags.length > 0, 'no diagnostics on any seed document');
    const codes = new Set(diags.map(([, d]) => codeOf(d)));
    const known = [...codes].filter((c) => (RULE_CODES as readonly string[]).includes(c ?? ''));
    assert.ok(known.length > 0, `no diagnostic with a code among ${RULE_CODES.join(', ')}; codes seen: ${JSON.stringify([...codes])}`);
    for (const [uri, d] of diags) {
      assert.ok(codeOf(d), `a diagnostic without a code in ${base(uri)}: ${d.message}`);
      assert.ok(d.message.trim().length > 0, `an empty diagnostic message in ${base(uri)}`);
    }
  });

  it('links each contradiction to the other statement in another file (relatedInformation)', async function () {
    const contradictions = seedDiagnostics().filter(([, d]) => codeOf(d) === 'contradiction');
    if (contradictions.length === 0) {
      console.log('  (no contradiction found on the seeds: nothing to check)');
      this.skip();
    }
    for (const [uri, d] of contradictions) {
      const related = d.relatedInformation ?? [];
      assert.ok(related.length > 0, `contradiction in ${base(uri)} without relatedInformation: ${d.message}`);
      assert.ok(
        related.some((r) => r.location.uri.toString() !== uri.toString() && isSeed(r.location.uri)),
        `contradiction in ${base(uri)} relates only to ${JSON.stringify(related.map((r) => base(r.location.uri)))}`,
      );
    }
  });

  describe('setting corpusLens.diagnostics.severity', function () {
    const KEY = 'diagnostics.severity';
    const config = () => vscode.workspace.getConfiguration('corpusLens');
    const count = (code: string) => seedDiagnostics().filter(([, d]) => codeOf(d) === code);

    afterEach(async function () {
      // Restore (user settings of the test profile; never the seeds folder's settings).
      await config().update(KEY, undefined, vscode.ConfigurationTarget.Global);
    });

    it('"off" removes a rule\'s findings; a level changes their severity; removing the setting restores them', async function () {
      this.timeout(4 * SETTING_TIMEOUT_MS);
      const code = (['unsourced-claim', 'vague-attribution', 'contradiction'] as const).find((c) => count(c).length > 0);
      assert.ok(code, 'no finding of any rule on the seeds to switch off');
      const before = count(code);
      const severities = (list: Array<[vscode.Uri, vscode.Diagnostic]>) => list.map(([, d]) => d.severity).sort().join(',');
      const beforeSeverities = severities(before);
      const othersBefore = seedDiagnostics().length - before.length;

      await config().update(KEY, { [code]: 'off' }, vscode.ConfigurationTarget.Global);
      await waitFor(`"${code}" findings to disappear with severity "off"`, () => count(code).length === 0, SETTING_TIMEOUT_MS);
      if (othersBefore > 0) assert.ok(seedDiagnostics().length > 0, 'switching one rule off removed the other rules\' findings too');

      await config().update(KEY, { [code]: 'hint' }, vscode.ConfigurationTarget.Global);
      await waitFor(
        `"${code}" findings to come back as hints`,
        () => count(code).length === before.length && count(code).every(([, d]) => d.severity === vscode.DiagnosticSeverity.Hint),
        SETTING_TIMEOUT_MS,
      );

      await config().update(KEY, { [code]: 'error' }, vscode.ConfigurationTarget.Global);
      await waitFor(
        `"${code}" findings to become errors`,
        () => count(code).length === before.length && count(code).every(([, d]) => d.severity === vscode.DiagnosticSeverity.Error),
        SETTING_TIMEOUT_MS,
      );

      await config().update(KEY, undefined, vscode.ConfigurationTarget.Global);
      await waitFor(
        `"${code}" findings to return to their default severities`,
        () => severities(count(code)) === beforeSeverities,
        SETTING_TIMEOUT_MS,
      );
    });
  });

  describe('setting corpusLens.diagnostics.scope', function () {
    // An article written into the seeds folder and never opened (the seeds themselves have all been
    // opened by the tests above), with a vaguely sourced figure.
    const NEW_FILE = 'zz-e2e-scope-harbour.txt';
    const TEXT = 'Harbour strike spreads\n\nThe dock strike in Rotterdam killed 40 people on Monday, sources said. Unions blamed the port authority.\n';
    const config = () => vscode.workspace.getConfiguration('corpusLens');
    const findingsOn = (uri: vscode.Uri) => vscode.languages.getDiagnostics(uri).length;
    const remove = () => vscode.workspace.fs.delete(seedUri(NEW_FILE)).then(undefined, () => undefined);
    before(remove);
    afterEach(async function () {
      this.timeout(2 * SETTING_TIMEOUT_MS);
      await config().update('diagnostics.scope', undefined, vscode.ConfigurationTarget.Global);
      await remove();
      await waitFor('the new article to leave the index', async () => (await indexStatus())?.documents === SEED_FILES.length, SETTING_TIMEOUT_MS);
    });

    it('"openDocuments" clears the findings of an article not open and keeps the open one\'s; back to "auto" (six articles), they return', async function () {
      this.timeout(4 * SETTING_TIMEOUT_MS);
      const closed = seedUri(NEW_FILE);
      await vscode.workspace.fs.writeFile(closed, new TextEncoder().encode(TEXT));
      assert.ok(!vscode.workspace.textDocuments.some((d) => d.uri.toString() === closed.toString()), 'the new article is not open');
      await waitFor('findings on the new article', () => findingsOn(closed) > 0, SETTING_TIMEOUT_MS);
      const on003 = findingsOn(doc003.uri);
      assert.ok(on003 > 0, 'no finding on 003 to keep');

      await config().update('diagnostics.scope', 'openDocuments', vscode.ConfigurationTarget.Global);
      await waitFor('the findings of the article not open to be cleared', () => findingsOn(closed) === 0, SETTING_TIMEOUT_MS);
      assert.equal(findingsOn(doc003.uri), on003, 'the open article keeps its findings');

      await config().update('diagnostics.scope', undefined, vscode.ConfigurationTarget.Global);
      await waitFor('the findings of the article not open to return', () => findingsOn(closed) > 0, SETTING_TIMEOUT_MS);
    });
  });

  describe('articles created and deleted while VS Code runs', function () {
    // Two short articles that disagree on a figure, written into the seeds folder through the
    // workspace API, then deleted: the server must pick both changes up from the file watcher.
    const NEW_FILES = ['zz-e2e-port-strike-a.txt', 'zz-e2e-port-strike-b.txt'];
    const TEXTS = [
      'Port strike turns deadly\n\nThe dock strike in Rotterdam killed 40 people on Monday, police said. Unions blamed the port authority.\n',
      'Calm returns to the port\n\nTwelve people died in the dock strike in Rotterdam on Monday, the city council said. Talks resume this week.\n',
    ];
    const uris = () => NEW_FILES.map((f) => seedUri(f));
    const remove = async () => {
      for (const uri of uris()) await vscode.workspace.fs.delete(uri).then(undefined, () => undefined);
    };
    before(remove); // leftovers of an interrupted run
    after(remove);

    it('indexes new files, flags their contradiction with related information, and forgets them when deleted', async function () {
      this.timeout(3 * SETTING_TIMEOUT_MS);
      const startCount = (await indexStatus())!.documents;
      for (const [i, uri] of uris().entries()) await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(TEXTS[i]));
      const [a, b] = uris();
      const contradiction = await waitFor(
        'a contradiction on the new article, related to the other new article',
        () => vscode.languages.getDiagnostics(a).find((d) => codeOf(d) === 'contradiction' && d.relatedInformation?.some((r) => r.location.uri.toString() === b.toString())),
        SETTING_TIMEOUT_MS,
      );
      assert.match(contradiction.message, /figures disagree/);
      assert.equal((await indexStatus())!.documents, startCount + 2);
      await remove();
      await waitFor('the deleted articles to leave the index', async () => (await indexStatus())!.documents === startCount, SETTING_TIMEOUT_MS);
      await waitFor('their findings to be cleared', () => vscode.languages.getDiagnostics(a).length === 0, SETTING_TIMEOUT_MS);
    });
  });
});
