import { expect } from '../../support/chai';

/**
 * Meta's limits on Cloud API messages, written out here independently of the connector's own constants,
 * so that a wrong constant in the code is caught.
 */
export function expectValidWhatsAppMessage(message: Record<string, unknown>, where = 'message'): void {
  const type = message.type;
  if (type === 'text') {
    const body = (message.text as { body?: unknown }).body;
    expect(body, `${where}: text body`).to.be.a('string').and.not.equal('');
    expect((body as string).length, `${where}: text body length`).to.be.at.most(4096);
    expectWhatsAppFormatting(body as string, where);
    return;
  }
  expect(type, `${where}: type`).to.equal('interactive');
  const interactive = message.interactive as Record<string, unknown>;
  const body = (interactive.body as { text?: unknown }).text as string;
  expect(body, `${where}: interactive body`).to.be.a('string').and.not.equal('');
  expect(body.length, `${where}: interactive body length`).to.be.at.most(1024);
  expectWhatsAppFormatting(body, where);
  const action = interactive.action as Record<string, unknown>;
  if (interactive.type === 'button') {
    const buttons = action.buttons as { type: string; reply: { id: string; title: string } }[];
    expect(buttons.length, `${where}: buttons`).to.be.within(1, 3);
    for (const b of buttons) {
      expect(b.type).to.equal('reply');
      expect(b.reply.title.length, `${where}: button "${b.reply.title}"`).to.be.within(1, 20);
      expect(b.reply.id.length, `${where}: button id`).to.be.within(1, 256);
    }
    const titles = buttons.map((b) => b.reply.title.toLowerCase());
    expect(new Set(titles).size, `${where}: button titles unique`).to.equal(titles.length);
    expect(new Set(buttons.map((b) => b.reply.id)).size, `${where}: button ids unique`).to.equal(buttons.length);
    return;
  }
  expect(interactive.type, `${where}: interactive type`).to.equal('list');
  const button = action.button as string;
  expect(button.length, `${where}: list button`).to.be.within(1, 20);
  const sections = action.sections as { title?: string; rows: { id: string; title: string; description?: string }[] }[];
  expect(sections.length, `${where}: sections`).to.be.within(1, 10);
  if (sections.length > 1) for (const s of sections) expect(s.title, `${where}: section title`).to.be.a('string');
  const rows = sections.flatMap((s) => s.rows);
  expect(rows.length, `${where}: rows`).to.be.within(1, 10);
  for (const r of rows) {
    expect(r.title.length, `${where}: row "${r.title}"`).to.be.within(1, 24);
    if (r.description !== undefined) expect(r.description.length, `${where}: row description`).to.be.at.most(72);
    expect(r.id.length, `${where}: row id`).to.be.within(1, 200);
  }
  expect(new Set(rows.map((r) => r.id)).size, `${where}: row ids unique`).to.equal(rows.length);
}

/** WhatsApp shows markdown literally: no [label](url) links and no **double** asterisks. */
function expectWhatsAppFormatting(text: string, where: string): void {
  expect(text, `${where}: markdown link`).not.to.match(/\]\(https?:/);
  expect(text, `${where}: markdown bold`).not.to.include('**');
  expect(text, `${where}: link token`).not.to.match(/\{link:/);
}

/** The text a person sees in a message (the body), for looking things up in tests. */
export function bodyOf(message: Record<string, unknown>): string {
  if (message.type === 'text') return (message.text as { body: string }).body;
  return ((message.interactive as { body: { text: string } }).body).text;
}

/** The reply ids and titles offered by an interactive message (none for text). */
export function choicesOf(message: Record<string, unknown>): { id: string; title: string }[] {
  if (message.type !== 'interactive') return [];
  const interactive = message.interactive as { type: string; action: Record<string, unknown> };
  if (interactive.type === 'button') return (interactive.action.buttons as { reply: { id: string; title: string } }[]).map((b) => b.reply);
  return (interactive.action.sections as { rows: { id: string; title: string }[] }[]).flatMap((s) => s.rows);
}
