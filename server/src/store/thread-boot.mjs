// The first module of a store thread. Worker threads do not inherit the TypeScript loader the
// server runs under (tsx), so each thread registers it before importing its TypeScript entry.
import { workerData } from 'node:worker_threads';
import { register } from 'tsx/esm/api';

register();
await import(workerData.entry);
