import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { gzip } from 'node:zlib';
import type { Request, Response, Server } from 'restify';
import { PUBLIC_DIR } from '../paths';
import type { RouteModule } from '../server';

/** Where the page loads the Web Chat bundle from (our server, never a CDN). */
export const WEBCHAT_BUNDLE_PATH = '/webchat/webchat.js';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
};

/**
 * The folder of the installed botframework-webchat package. Its `exports` hide package.json and dist/, so the
 * folder is found by walking up from the entry point Node resolves.
 */
export function webChatPackageDir(): string {
  let dir = path.dirname(require.resolve('botframework-webchat'));
  for (;;) {
    const manifest = path.join(dir, 'package.json');
    if (fs.existsSync(manifest) && (JSON.parse(fs.readFileSync(manifest, 'utf8')) as { name?: string }).name === 'botframework-webchat') return dir;
    const parent = path.dirname(dir);
    if (parent === dir) throw new Error('botframework-webchat is not installed: run npm ci.');
    dir = parent;
  }
}

/** Every file under public/ as [URL path, file path]; index.html is served at "/". */
export function publicFiles(root: string = PUBLIC_DIR): [string, string][] {
  const out: [string, string][] = [];
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const file = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(file);
      else if (TYPES[path.extname(entry.name)] && !entry.name.startsWith('.')) out.push(['/' + path.relative(root, file).split(path.sep).join('/'), file]);
    }
  };
  if (fs.existsSync(root)) walk(root);
  return out;
}

export interface WebChatPageOptions {
  publicDir?: string;
}

const etagOf = (body: Buffer): string => `"${createHash('sha256').update(body).digest('base64url').slice(0, 27)}"`;

/**
 * Serves the web chat page at "/", the files of public/, and the Web Chat bundle from node_modules. The page's
 * Content-Security-Policy is the one the hardening sets on every response (scripts from this server only).
 */
export function webChatPage(options: WebChatPageOptions = {}): RouteModule {
  const publicDir = options.publicDir ?? PUBLIC_DIR;
  const bundleFile = path.join(webChatPackageDir(), 'dist', 'webchat.js');
  let bundle: Promise<{ raw: Buffer; gzipped: Buffer; etag: string }> | undefined;
  // Read and compressed once, on first use: 3.9 MB becomes about 1 MB for phones.
  const loadBundle = () =>
    (bundle ??= fs.promises.readFile(bundleFile).then(async (raw) => ({ raw, gzipped: await promisify(gzip)(raw), etag: etagOf(raw) })));

  const sendFile = async (req: Request, res: Response, file: string) => {
    const body = await fs.promises.readFile(file);
    const etag = etagOf(body);
    // Revalidated on every load (cheap with the ETag), so a deploy never mixes old and new page files.
    const headers: Record<string, string> = { 'content-type': TYPES[path.extname(file)], 'cache-control': 'no-cache', etag, 'x-content-type-options': 'nosniff' };
    if (req.header('if-none-match') === etag) res.sendRaw(304, '', headers);
    else res.sendRaw(200, body, headers);
  };

  return (server: Server) => {
    for (const [urlPath, file] of publicFiles(publicDir)) {
      const handler = async (req: Request, res: Response) => sendFile(req, res, file);
      server.get(urlPath, handler);
      if (urlPath === '/index.html') server.get('/', handler);
    }

    server.get(WEBCHAT_BUNDLE_PATH, async (req: Request, res: Response) => {
      const { raw, gzipped, etag } = await loadBundle();
      const headers: Record<string, string> = {
        'content-type': TYPES['.js'],
        'cache-control': 'public, max-age=3600',
        etag,
        vary: 'accept-encoding',
        'x-content-type-options': 'nosniff',
      };
      if (req.header('if-none-match') === etag) res.sendRaw(304, '', headers);
      else if (/\bgzip\b/.test(req.header('accept-encoding') ?? '')) res.sendRaw(200, gzipped, { ...headers, 'content-encoding': 'gzip' });
      else res.sendRaw(200, raw, headers);
    });
  };
}
