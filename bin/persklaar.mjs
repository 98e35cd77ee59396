#!/usr/bin/env node
// The pipeline is TypeScript run in place: tsx compiles each module on first load and caches it.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('../scripts/cli.ts');
process.exitCode = await main(process.argv);
