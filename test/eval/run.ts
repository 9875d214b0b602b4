/**
 * `npm run eval`: measures the engine against gold annotations (GUM news in ../shared/data and the
 * hand-made seed golds in test/gold) and prints one report per area.
 */
import * as actors from './actors';
import * as claims from './claims';
import * as dates from './dates';

async function main(): Promise<void> {
  const only = process.argv[2];
  const areas: [string, { evaluate(): Promise<string> }][] = [
    ['actors', actors],
    ['dates', dates],
    ['claims', claims],
  ];
  for (const [name, area] of areas) {
    if (only && only !== name) continue;
    const started = Date.now();
    console.log(`\n=== ${name} ===`);
    console.log(await area.evaluate());
    console.log(`(${name}: ${Date.now() - started} ms)`);
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
