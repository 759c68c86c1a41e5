/**
 * Archive imports in a process of their own, one per line of stdin: `<data folder>\t<archive>\t<as-copy 0|1>`.
 * Prints `ready` once loaded, then one line of JSON (`Outcome`) per import.
 */
import { createInterface } from 'node:readline';
import { importOnce } from '../import-once.ts';

console.log('ready');
for await (const line of createInterface({ input: process.stdin })) {
  const [dataDir, archive, asCopy] = line.split('\t') as [string, string, string];
  console.log(JSON.stringify(await importOnce(dataDir, archive, asCopy === '1')));
}
