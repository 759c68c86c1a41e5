#!/usr/bin/env node
// The `juanzong` command: runs the TypeScript core directly through tsx, so there is no build step to forget.
import { register } from 'tsx/esm/api';

register();
const { runCli } = await import('./main.ts');
const code = await runCli(process.argv.slice(2), {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
});
process.exitCode = code;
