// The first module of every worker thread (the store's, the badge sheet's). Worker threads do not
// inherit the TypeScript loader the server runs under (tsx), so each registers it before importing
// its TypeScript entry (workerData.entry).
import { workerData } from 'node:worker_threads';
import { register } from 'tsx/esm/api';

register();
await import(workerData.entry);
