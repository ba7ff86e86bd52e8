// Worker thread: parses a chunk of files and posts their index records back.
import { parentPort, workerData } from 'node:worker_threads';
import { parseHere, type ParseJob } from './index-builder';

parentPort?.postMessage(parseHere(workerData as ParseJob[]));
