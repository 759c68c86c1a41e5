/** The `juanzong` process: the command line in, the exit code out. Run through tsx or from the prebuilt bundle. */
import { runCli } from './main.ts';

// No top-level await: the prebuilt bundle is CommonJS.
void runCli(process.argv.slice(2), {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
}).then((code) => {
  process.exitCode = code;
});
