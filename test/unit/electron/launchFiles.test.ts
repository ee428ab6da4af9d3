import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { filesFromArgv, filesFromSecondInstance, MAX_LAUNCH_FILES } from '../../../electron/launchFiles';

const cwd = path.resolve('/home/ana/work');

describe('filesFromArgv', () => {
  it('takes the documents of a packaged launch, resolved against the working folder', () => {
    expect(filesFromArgv(['/opt/Coarchitect/coarchitect', 'plans/support.coarchitect.json'], cwd)).toEqual([
      path.join(cwd, 'plans', 'support.coarchitect.json'),
    ]);
  });

  it('skips the executable, the app folder or main script, and every switch', () => {
    const argv = [
      '/usr/lib/electron/electron',
      '--inspect=0',
      '--remote-debugging-port=0',
      '/repo/dist/electron/main.cjs',
      '.',
      '--no-sandbox',
      '-psn_0_12345',
      '/data/a.coarchitect.json',
      '--allow-file-access-from-files',
    ];
    expect(filesFromArgv(argv, cwd)).toEqual([path.resolve('/data/a.coarchitect.json')]);
  });

  it('accepts file:// URLs (Linux desktop entries) and refuses other URLs', () => {
    const file = path.resolve('/data/with space.coarchitect.json');
    expect(filesFromArgv(['app', pathToFileURL(file).href, 'https://evil.example/x.json'], cwd)).toEqual([
      file,
    ]);
  });

  it('takes only .json files, without repeats, and at most 20', () => {
    expect(filesFromArgv(['app', 'notes.txt', 'a.JSON', 'a.JSON', 'b.json'], cwd)).toEqual([
      path.join(cwd, 'a.JSON'),
      path.join(cwd, 'b.json'),
    ]);
    const many = Array.from({ length: 30 }, (_, n) => `f${n}.json`);
    expect(filesFromArgv(['app', ...many], cwd)).toHaveLength(MAX_LAUNCH_FILES);
  });

  it('returns nothing for a plain launch', () => {
    expect(filesFromArgv(['/opt/Coarchitect/coarchitect'], cwd)).toEqual([]);
    expect(filesFromArgv([], cwd)).toEqual([]);
  });
});

describe('filesFromSecondInstance', () => {
  const file = path.resolve('/data/b.coarchitect.json');

  it('prefers the launch data the second instance sent', () => {
    expect(filesFromSecondInstance(['app', 'ignored.json'], cwd, { files: [file] })).toEqual([file]);
  });

  it('falls back to its command line when the launch data is missing or invalid', () => {
    const argv = ['app', 'mine.coarchitect.json'];
    const expected = [path.join(cwd, 'mine.coarchitect.json')];
    expect(filesFromSecondInstance(argv, cwd, undefined)).toEqual(expected);
    expect(filesFromSecondInstance(argv, cwd, { files: ['relative.json'] })).toEqual(expected);
    expect(filesFromSecondInstance(argv, cwd, { files: ['/etc/passwd'] })).toEqual(expected);
    expect(filesFromSecondInstance(argv, cwd, { files: [file], more: 1 })).toEqual(expected);
  });
});
