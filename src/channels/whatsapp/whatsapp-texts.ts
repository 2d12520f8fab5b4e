import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { LANGS, type Lang, type Localized } from '../../content/types';
import { CONTENT_DIR } from '../../paths';
import { LIMITS } from './outbound-message';

/** The sentences the connector says itself, from src/content/whatsapp.yaml. */
export const WHATSAPP_TEXT_KEYS = ['text_only', 'list_button', 'choose_below', 'numbered_hint'] as const;
export type WhatsAppTextKey = (typeof WHATSAPP_TEXT_KEYS)[number];
export type WhatsAppTexts = Record<WhatsAppTextKey, Localized>;

export const WHATSAPP_TEXTS_FILE = path.join(CONTENT_DIR, 'whatsapp.yaml');

/** whatsapp.yaml is missing a sentence or has one WhatsApp would reject; the message says which and why. */
export class WhatsAppTextsError extends Error {
  override readonly name = 'WhatsAppTextsError';
  constructor(
    readonly file: string,
    readonly key: string,
    problem: string,
  ) {
    super(`Content error in ${path.basename(file)}, key "${key}": ${problem}`);
  }
}

/** Reads and checks the connector's sentences: every key, every language, the list button within 20 characters. */
export function loadWhatsAppTexts(file: string = WHATSAPP_TEXTS_FILE): WhatsAppTexts {
  const raw: unknown = parse(fs.readFileSync(file, 'utf8'), { uniqueKeys: true });
  const obj = (typeof raw === 'object' && raw !== null ? raw : {}) as Record<string, unknown>;
  const texts = {} as WhatsAppTexts;
  for (const key of WHATSAPP_TEXT_KEYS) {
    const entry = obj[key] as Partial<Record<Lang, unknown>> | undefined;
    const localized = {} as Localized;
    for (const lang of LANGS) {
      const value = entry?.[lang];
      if (typeof value !== 'string' || value.trim() === '') throw new WhatsAppTextsError(file, key, `needs a non-empty "${lang}" text`);
      localized[lang] = value.trim();
    }
    texts[key] = localized;
  }
  for (const lang of LANGS) {
    if (texts.list_button[lang].length > LIMITS.listButton) {
      throw new WhatsAppTextsError(file, 'list_button', `"${lang}" is longer than WhatsApp's ${LIMITS.listButton} characters`);
    }
  }
  return texts;
}
