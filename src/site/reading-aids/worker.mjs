// Starts worker.ts in a worker thread: Node runs no TypeScript by itself, so
// tsx's loader is registered first (the build runs under tsx already).
import { register } from 'tsx/esm/api';

register();
await import('./worker.ts');
