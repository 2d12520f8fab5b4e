import type { Content, Lang } from './types';

/** A user-interface sentence from ui.yaml with {placeholders} filled; a missing key is a programming error. */
export function uiText(content: Content, key: string, lang: Lang, vars: Record<string, string | number> = {}): string {
  const entry = content.ui.get(key);
  if (!entry) throw new Error(`ui.yaml has no key "${key}"`);
  return entry[lang].replace(/\{([a-z_]+)\}/g, (whole, name: string) => (name in vars ? String(vars[name]) : whole));
}
