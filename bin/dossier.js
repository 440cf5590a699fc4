#!/usr/bin/env node
import '../dist/adapters/terminal/cli.js';
