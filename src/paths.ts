import fs from 'node:fs';
import path from 'node:path';

/** The project folder (the one with package.json), found from this file whether it runs from src/ or dist/src/. */
function findProjectRoot(start: string): string {
  let dir = start;
  while (!fs.existsSync(path.join(dir, 'package.json'))) {
    const parent = path.dirname(dir);
    if (parent === dir) throw new Error(`No package.json above ${start}`);
    dir = parent;
  }
  return dir;
}

export const PROJECT_ROOT = findProjectRoot(__dirname);
/** Content is data read at start-up, so it is read from src/ rather than copied into the build. */
export const CONTENT_DIR = path.join(PROJECT_ROOT, 'src', 'content');
export const PUBLIC_DIR = path.join(PROJECT_ROOT, 'public');
