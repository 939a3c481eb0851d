import { runCli } from './run-cli.js';

/** The CLI's entry point: runs the command line and sets the exit code (never calls process.exit). */
process.exitCode = await runCli(process.argv.slice(2), { stdout: process.stdout, stderr: process.stderr, env: process.env });
