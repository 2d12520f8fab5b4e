import type { Reply, ReplyChoice, ReplyKind, ReplyLink, ReplyStep } from '../channels/reply';
import { uiText } from '../content/texts';
import type { Content, ContentNode, Lang } from '../content/types';

const LINK_TOKEN = /\{link:([a-z0-9_]+)\}/g;

/** Node ids with fixed roles in the conversation map. */
export const NODES = {
  greeting: 'greeting',
  menu: 'menu',
  help: 'help',
  fallback: 'fallback',
  contactHuman: 'contact_human',
  walkthroughStart: 'wt_has_account',
} as const;

/** Builds channel-neutral replies from content; knows nothing of channels or state. */
export class ReplyBuilder {
  private readonly phaseTotals = new Map<number, number>();
  /** The walkthrough's last node (highest order of the last phase): reaching it means access was requested. */
  readonly endNodeId: string | undefined;

  constructor(readonly content: Content) {
    let end: ContentNode | undefined;
    for (const node of content.nodes.values()) {
      if (!node.step) continue;
      const { phase, order } = node.step;
      this.phaseTotals.set(phase, Math.max(this.phaseTotals.get(phase) ?? 0, order));
      if (!end || phase > end.step!.phase || (phase === end.step!.phase && order > end.step!.order)) end = node;
    }
    this.endNodeId = end?.id;
  }

  node(id: string): ContentNode {
    const node = this.content.nodes.get(id);
    if (!node) throw new Error(`No content node "${id}"`);
    return node;
  }

  links(text: string, lang: Lang): ReplyLink[] {
    const ids = [...new Set([...text.matchAll(LINK_TOKEN)].map((m) => m[1]))];
    return ids.map((id) => {
      const link = this.content.links.get(id)!;
      return { id, label: link.label[lang], url: link.url };
    });
  }

  step(node: ContentNode, lang: Lang): ReplyStep | undefined {
    if (!node.step) return undefined;
    const { phase, order } = node.step;
    const total = this.phaseTotals.get(phase) ?? order;
    return {
      phase,
      order,
      total,
      label: uiText(this.content, 'step_indicator', lang, { phase, order, total }),
      phaseName: uiText(this.content, `phase_${phase}`, lang),
    };
  }

  choicesOf(node: ContentNode, lang: Lang): ReplyChoice[] {
    return node.choices.map((c) => ({ label: c.label[lang], goto: c.goto }));
  }

  /** A content node as a reply; `extraChoices` are appended when not already offered. */
  fromNode(id: string, lang: Lang, extraChoices: ReplyChoice[] = [], kind: ReplyKind = 'answer'): Reply {
    const node = this.node(id);
    const choices = this.choicesOf(node, lang);
    for (const extra of extraChoices) {
      if (!choices.some((c) => c.goto === extra.goto || c.label.toLowerCase() === extra.label.toLowerCase())) choices.push(extra);
    }
    const text = node.say[lang];
    return { topicId: node.id, kind, lang, text, links: this.links(text, lang), choices, step: this.step(node, lang) };
  }

  /** A ui.yaml sentence with the choices of another node (usually the menu). */
  fromUi(topicId: string, kind: ReplyKind, key: string, lang: Lang, choices: ReplyChoice[] = []): Reply {
    const text = uiText(this.content, key, lang);
    return { topicId, kind, lang, text, links: this.links(text, lang), choices };
  }

  /** A choice leading to a node, labelled with the node's title. */
  choiceTo(id: string, lang: Lang, labelKey?: string): ReplyChoice {
    const label = labelKey ? uiText(this.content, labelKey, lang) : this.node(id).title[lang];
    return { label, goto: id };
  }

  clarify(candidates: string[], lang: Lang): Reply {
    const choices = candidates.map((id) => this.choiceTo(id, lang));
    return this.fromUi('clarify', 'clarify', 'did_you_mean', lang, choices);
  }

  outOfScope(lang: Lang): Reply {
    return this.fromUi('out_of_scope', 'out_of_scope', 'out_of_scope', lang, this.choicesOf(this.node(NODES.menu), lang));
  }

  missHandoff(lang: Lang): Reply {
    const choices = [this.choiceTo(NODES.contactHuman, lang, 'label_handoff'), this.choiceTo(NODES.menu, lang, 'label_menu')];
    return this.fromUi('handoff_offer', 'handoff', 'miss_handoff', lang, choices);
  }
}
