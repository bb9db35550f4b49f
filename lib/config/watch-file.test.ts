import { mkdtempSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterEach, describe, expect, it } from 'vitest';
import { watchFile, type FileWatch } from './watch-file.js';

const dirs: string[] = [];
const watches: FileWatch[] = [];
afterEach(async () => {
  for (const watch of watches.splice(0)) await watch.close();
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function tempFile(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'watch-file-'));
  dirs.push(dir);
  const file = path.join(dir, 'watched.txt');
  writeFileSync(file, 'start');
  return file;
}

async function until(check: () => boolean): Promise<void> {
  for (let i = 0; i < 60 && !check(); i++) await sleep(50);
}

function watchTexts(file: string, settleMs?: number) {
  const texts: string[] = [];
  const errors: Error[] = [];
  watches.push(watchFile(file, { onText: (text) => void texts.push(text), onReadError: (err) => void errors.push(err) }, settleMs));
  return { texts, errors };
}

describe('watchFile', () => {
  it('hands over one text for a burst of writes, the last one', async () => {
    const file = tempFile();
    const { texts } = watchTexts(file);
    for (const text of ['one', 'two', 'three']) writeFileSync(file, text);
    await until(() => texts.length > 0);
    await sleep(300);
    expect(texts).toEqual(['three']);
  });

  it('follows a file replaced by a rename, as editors save', async () => {
    const file = tempFile();
    const { texts } = watchTexts(file, 20);
    writeFileSync(`${file}.tmp`, 'renamed in');
    renameSync(`${file}.tmp`, file);
    await until(() => texts.includes('renamed in'));
    writeFileSync(file, 'after the rename');
    await until(() => texts.includes('after the rename'));
    expect(texts.at(-1)).toBe('after the rename');
  });

  it('ignores other files in the same folder', async () => {
    const file = tempFile();
    const { texts } = watchTexts(file, 20);
    writeFileSync(path.join(path.dirname(file), 'other.txt'), 'not ours');
    await sleep(300);
    expect(texts).toEqual([]);
  });

  it('reports a file it cannot read and keeps watching', async () => {
    const file = tempFile();
    const { texts, errors } = watchTexts(file, 20);
    rmSync(file);
    await until(() => errors.length > 0);
    expect((errors[0] as NodeJS.ErrnoException).code).toBe('ENOENT');
    writeFileSync(file, 'back');
    await until(() => texts.includes('back'));
    expect(texts).toContain('back');
  });

  it('close waits for a reload already running and stops further ones', async () => {
    const file = tempFile();
    let finished = false;
    const texts: string[] = [];
    const watch = watchFile(
      file,
      {
        onText: async (text) => {
          texts.push(text);
          await sleep(200);
          finished = true;
        },
        onReadError: () => undefined,
      },
      20,
    );
    writeFileSync(file, 'slow');
    await until(() => texts.length > 0);
    await watch.close();
    expect(finished).toBe(true);
    writeFileSync(file, 'after close');
    await sleep(200);
    expect(texts).toEqual(['slow']);
  });
});
