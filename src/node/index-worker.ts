// Worker thread: parses a chunk of files and posts their records back, encoded.
import { parentPort, workerData } from 'node:worker_threads';
import { parseForWorker, type ParseJob } from './index-builder';

parentPort?.postMessage(parseForWorker(workerData as ParseJob[]));
