// Writing a file that people also edit: a temp file beside it, then a rename, so no reader ever
// sees half a file; and only while the file still holds what was read, so a save made in the
// meantime is never overwritten. The CLI (lint --fix, import, postmortem) and the editor's
// postmortem command write through here.
import * as fs from 'node:fs';
import * as path from 'node:path';

/** `changed`: the file no longer held what was read (or appeared when there was none); nothing was written. */
export type WriteOutcome = 'written' | 'changed';

/** The file's text, or undefined when there is no file. */
export function readIfExists(filePath: string): string | undefined {
  try {
    return fs.readFileSync(filePath, 'utf8');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw e;
  }
}

/**
 * Writes `next` to `filePath` if it still holds `expected` (`undefined`: if there is still no
 * file there). An existing file keeps its permissions and, through a symbolic link, its place.
 * Errors of the file system are thrown, with no temp file left behind.
 */
export function writeIfUnchanged(filePath: string, expected: string | undefined, next: string): WriteOutcome {
  let target = filePath;
  try { target = fs.realpathSync(filePath); } catch { /* a new file: the path as given */ }
  const tmp = path.join(path.dirname(target), `.${path.basename(target)}.${process.pid}.${Date.now().toString(36)}.tmp`);
  const holds = (): boolean => readIfExists(target) === expected;
  if (!holds()) return 'changed';
  try {
    const mode = expected === undefined ? undefined : fs.statSync(target).mode & 0o7777;
    fs.writeFileSync(tmp, next, mode === undefined ? 'utf8' : { encoding: 'utf8', mode });
    if (mode !== undefined) fs.chmodSync(tmp, mode); // the umask may have narrowed it
    if (expected === undefined) {
      const linked = linkNew(tmp, target);
      if (linked !== 'unsupported') return linked === 'linked' ? 'written' : 'changed';
    }
    // Checked again just before the rename: the window for a lost save is the rename itself.
    if (!holds()) return 'changed';
    fs.renameSync(tmp, target);
    return 'written';
  } finally {
    try { fs.unlinkSync(tmp); } catch { /* renamed, linked and removed, or never written */ }
  }
}

/**
 * A new file appears by a hard link, which fails when someone created the file meanwhile
 * (a rename would replace theirs). Where hard links are not supported the caller renames.
 */
function linkNew(tmp: string, target: string): 'linked' | 'exists' | 'unsupported' {
  try {
    fs.linkSync(tmp, target);
    fs.unlinkSync(tmp);
    return 'linked';
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EEXIST' ? 'exists' : 'unsupported';
  }
}
