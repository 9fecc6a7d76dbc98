import { readFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';

/** A chunk of Vite's build manifest (dist/.vite/manifest.json). */
interface ManifestChunk {
  file: string;
  name?: string;
  src?: string;
  isEntry?: boolean;
  isDynamicEntry?: boolean;
  imports?: string[];
}

export interface RouteBundle {
  /** The page module, e.g. src/app/routes/mailboxes.tsx. */
  route: string;
  files: string[];
  gzipBytes: number;
}

export const WEB_DIST = path.resolve(import.meta.dirname, 'dist');
const APP_SHELL = 'src/app/shell/app-shell.tsx';
const HOME = 'src/app/routes/home.tsx';
const SIGN_IN = 'src/app/routes/sign-in.tsx';
const FIRST_PAGES = ['src/app/routes/server-profiles.tsx', 'src/app/routes/email-settings.tsx'];

/** What the sign-in page may load, in gzip bytes: issue 10's 250 KB. */
export const SIGN_IN_BUDGET_BYTES = 250 * 1024;
/** What the first screen after signing in may load, in gzip bytes: issue 10's 250 KB (decision 59 tells how). */
export const FIRST_SCREEN_BUDGET_BYTES = 250 * 1024;

/**
 * The JavaScript a browser loads to show each page of the built SPA: the entry, the shell (every page but
 * sign-in) and the page's chunk, with everything they import statically, gzip-compressed file by file.
 */
export function measureRouteBundles(dist = WEB_DIST): { routes: RouteBundle[]; firstScreens: RouteBundle[] } {
  const manifest = JSON.parse(readFileSync(path.join(dist, '.vite/manifest.json'), 'utf8')) as Record<string, ManifestChunk>;
  const gzipOf = new Map<string, number>();
  const sizeOf = (file: string) => {
    if (!gzipOf.has(file)) gzipOf.set(file, gzipSync(readFileSync(path.join(dist, file)), { level: 9 }).length);
    return gzipOf.get(file)!;
  };
  const closure = (keys: string[]) => {
    const seen = new Set<string>();
    const visit = (key: string) => {
      if (seen.has(key)) return;
      if (!manifest[key]) throw new Error(`The manifest has no chunk for ${key}.`);
      seen.add(key);
      for (const imported of manifest[key]?.imports ?? []) visit(imported);
    };
    keys.forEach(visit);
    return [...seen].map((key) => manifest[key]!.file).filter((file) => file.endsWith('.js')).sort();
  };
  // A page chunk that another chunk imports (the shell: the Theme menu's chunk does) is keyed `_<name>-<hash>.js`.
  const shell = manifest[APP_SHELL] ? APP_SHELL
    : Object.keys(manifest).find((key) => manifest[key]!.isDynamicEntry && manifest[key]!.name === path.basename(APP_SHELL, '.tsx'));
  if (!shell) throw new Error(`The manifest has no chunk for ${APP_SHELL}.`);
  const entry = Object.keys(manifest).find((key) => manifest[key]!.isEntry);
  if (!entry) throw new Error('The manifest has no entry chunk: build the web app first.');
  const bundle = (route: string, keys: string[]): RouteBundle => {
    const files = closure([entry, ...keys]);
    return { route, files, gzipBytes: files.reduce((sum, file) => sum + sizeOf(file), 0) };
  };
  const pages = Object.keys(manifest).filter((key) => manifest[key]!.isDynamicEntry && key.startsWith('src/app/routes/')).sort();
  const routes = pages.map((page) => bundle(page, page === SIGN_IN ? [page] : [shell, page]));
  // The first screen after signing in: "/" redirecting to server profiles for a user who may read them,
  // to Email settings for one who may not (alex@).
  const firstScreens = FIRST_PAGES.map((page) => bundle(`${HOME} → ${page}`, [shell, HOME, page]));
  return { routes, firstScreens };
}
