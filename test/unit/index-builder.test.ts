// The workspace index on disk: unchanged files come from the cache, changed ones are parsed again,
// a changed configuration or a damaged cache file means a cold run, and worker threads give the
// same records as one thread.
import { strict as assert } from 'node:assert';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { corpus } from '../../bench/corpus';
import { buildIndex, configPathsFor, engineFingerprint } from '../../src/node/index-builder';
import { findMarkdownFiles } from '../../src/node/walk';

const ROOT = join(__dirname, '../../..');

describe('workspace index builder', function () {
  this.timeout(60_000);
  let dir: string;
  let cacheDir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'meetings-index-'));
    cacheDir = join(dir, '.cache');
    for (const file of corpus(60, 11)) {
      mkdirSync(join(dir, file.path, '..'), { recursive: true });
      writeFileSync(join(dir, file.path), file.text);
    }
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  const files = () => findMarkdownFiles([dir], dir);
  const engine = () => engineFingerprint('test', configPathsFor(files()));

  it('takes unchanged files from the cache and parses only what changed', async () => {
    const first = await buildIndex(files(), dir, { cacheDir, engine: engine(), workers: 0 });
    assert.equal(first.stats.parsed, 60);
    const warm = await buildIndex(files(), dir, { cacheDir, engine: engine(), workers: 0 });
    assert.deepEqual(warm.stats, { files: 60, parsed: 0, fromCache: 60 });
    assert.deepEqual(warm.records, first.records);

    const changed = files().find((file) => first.records.find((record) => record.path === file)?.isMeeting)!;
    writeFileSync(changed, '---\ndate: 2026-11-20\nattendees: [张三]\n---\n\n- [ ] CHANGED 新的行动项 @张三 📅 2026-12-01\n');
    utimesSync(changed, new Date(), new Date(Date.now() + 5000));
    const after = await buildIndex(files(), dir, { cacheDir, engine: engine(), workers: 0 });
    assert.deepEqual(after.stats, { files: 60, parsed: 1, fromCache: 59 });
    const record = after.records.find((candidate) => candidate.path === changed)!;
    assert.deepEqual(record.actions.map((action) => [action.title, action.owners, action.due]), [['CHANGED 新的行动项', ['张三'], '2026-12-01']]);
  });

  it('runs cold when the configuration changed, when asked to, or when the cache file is damaged', async () => {
    await buildIndex(files(), dir, { cacheDir, engine: engine(), workers: 0 });
    writeFileSync(join(dir, '.meetings.yaml'), 'people:\n  - name: 张三\n    aliases: [老张]\n');
    assert.equal((await buildIndex(files(), dir, { cacheDir, engine: engine(), workers: 0 })).stats.parsed, 60, 'new config: cold');
    assert.equal((await buildIndex(files(), dir, { cacheDir, engine: engine(), workers: 0 })).stats.parsed, 0, 'then warm again');
    assert.equal((await buildIndex(files(), dir, { cache: false, engine: engine(), workers: 0 })).stats.parsed, 60, '--no-cache: cold');
    for (const name of readdirSync(cacheDir)) writeFileSync(join(cacheDir, name), 'not a cache');
    assert.equal((await buildIndex(files(), dir, { cacheDir, engine: engine(), workers: 0 })).stats.parsed, 60, 'damaged cache: cold');
  });

  it('reads a record from the cache only when asked for, and parses again when the records changed under it', async () => {
    const first = await buildIndex(files(), dir, { cacheDir, engine: engine(), workers: 0 });
    const recordsFile = join(cacheDir, readdirSync(cacheDir).find((name) => name.endsWith('.records'))!);
    const saved = readFileSync(recordsFile);

    // The records are read when first asked for, not when the table is: an edit made in between shows.
    const lazy = await buildIndex(files(), dir, { cacheDir, engine: engine(), workers: 0 });
    assert.equal(lazy.stats.fromCache, 60);
    const edited = Buffer.from(saved);
    const at = edited.indexOf('"open"');
    edited.write('"done"', at);
    writeFileSync(recordsFile, edited);
    const statuses = (index: typeof first) => index.records.flatMap((record) => record.actions.map((action) => action.status));
    assert.equal(statuses(lazy).filter((status) => status === 'done').length, statuses(first).filter((status) => status === 'done').length + 1);

    // Another run rewrote the records (same length, other token and bytes) after this table was read.
    writeFileSync(recordsFile, saved);
    const warm = await buildIndex(files(), dir, { cacheDir, engine: engine(), workers: 0 });
    assert.equal(warm.stats.fromCache, 60);
    writeFileSync(recordsFile, Buffer.alloc(saved.length, 0x20));
    assert.deepEqual(warm.records, first.records, 'every record parsed again from its file');

    // A records file of the wrong length: the table is not trusted, the run is cold.
    writeFileSync(recordsFile, saved.subarray(0, saved.length - 1));
    assert.equal((await buildIndex(files(), dir, { cacheDir, engine: engine(), workers: 0 })).stats.parsed, 60);
    const again = await buildIndex(files(), dir, { cacheDir, engine: engine(), workers: 0 });
    assert.equal(again.stats.fromCache, 60);
    assert.deepEqual(again.records, first.records);
  });

  it('gives the same records on worker threads as on one thread', async () => {
    const single = await buildIndex(files(), dir, { cache: false, engine: 'test', workers: 0 });
    const threaded = await buildIndex(files(), dir, {
      cache: false,
      engine: 'test',
      workers: 2,
      minFilesPerWorker: 10,
      workerScript: join(ROOT, 'dist/index-worker.cjs'),
    });
    assert.deepEqual(threaded.records, single.records);
    assert.ok(single.records.filter((record) => record.isMeeting).length > 50);
  });
});
