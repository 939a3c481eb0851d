#!/usr/bin/env node
// The installed `copydesk` command: runs the compiled CLI (built by `npm run build` / `prepare`).
import '../dist/cli/main.js';
