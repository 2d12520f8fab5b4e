import { expandLinks, markdownLink } from './format-text';
import { markdownBlocks } from './render-webchat';
import type { Reply } from './reply';

/**
 * Rewrites a markdown line into the subset Teams renders in messages and Adaptive Card TextBlocks:
 * **bold**, _italic_, "- " and "1. " lists, [links](https://...). Headings, quotes, code, tables, images,
 * strike-through and HTML tags are reduced to their plain text.
 */
export function toTeamsMarkdown(line: string): string {
  return line
    .replace(/<\/?[a-z][^>]*>/gi, '')
    .replace(/^\s*#{1,6}\s+/, '')
    .replace(/^\s*>\s?/, '')
    .replace(/`+/g, '')
    .replace(/~~/g, '')
    .replace(/!\[/g, '[')
    .replace(/^\s*\|(.*)\|\s*$/, (_whole, cells: string) => cells.split('|').map((c) => c.trim()).join(' · '));
}

/** The reply's parts as Teams-safe markdown blocks, each a paragraph or a list. */
export interface TeamsBlocks {
  /** "Stap 1 van 2 · 3/6 · EU Login-account", plain (the card shows it small and subtle). */
  step?: string;
  intro?: string;
  body: string[];
  footer?: string;
}

export function teamsBlocks(reply: Reply): TeamsBlocks {
  const safe = (block: string) => block.split('\n').map(toTeamsMarkdown).join('\n');
  return {
    step: reply.step ? safe(`${reply.step.label} · ${reply.step.phaseName}`) : undefined,
    intro: reply.intro === undefined ? undefined : safe(reply.intro),
    body: markdownBlocks(expandLinks(reply.text, reply.links, markdownLink)).map(safe),
    footer: reply.footer === undefined ? undefined : safe(reply.footer),
  };
}

/** All blocks as one Teams message text, paragraphs separated by blank lines. */
export function teamsText(blocks: TeamsBlocks): string {
  const step = blocks.step === undefined ? undefined : `_${blocks.step}_`;
  return [blocks.intro, step, ...blocks.body, blocks.footer].filter((b): b is string => b !== undefined).join('\n\n');
}
