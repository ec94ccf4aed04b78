#!/usr/bin/env -S node --max-semi-space-size=32
// A 32 MB young generation: a large usage answer (tens of thousands of items)
// otherwise spends a third of its time in scavenges. `npm start` passes the
// same flag; so does testing/start-server-process.ts.
import '../dist/cli/run.js';
