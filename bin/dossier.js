#!/usr/bin/env node
// The bundled command line (scripts/build.mjs): one file to load instead of a few hundred modules.
import '../dist/cli/dossier.js';
