import type { WalkthroughHooks } from './walkthrough-dialog';

/**
 * Several features' hooks as one: `beforeInterpret` asks each in order and the first reply wins; `enrich` and
 * `onTurn` run every one in order; `dialogForNode` maps are merged (a node claimed twice is a wiring error).
 */
export function combineHooks(...parts: WalkthroughHooks[]): WalkthroughHooks {
  const dialogForNode: Record<string, string> = {};
  for (const part of parts) {
    for (const [node, dialog] of Object.entries(part.dialogForNode ?? {})) {
      if (dialogForNode[node] && dialogForNode[node] !== dialog) throw new Error(`Node "${node}" is claimed by dialogs "${dialogForNode[node]}" and "${dialog}".`);
      dialogForNode[node] = dialog;
    }
  }
  return {
    dialogForNode,
    beforeInterpret: async (context, text, lang) => {
      for (const part of parts) {
        const reply = await part.beforeInterpret?.(context, text, lang);
        if (reply) return reply;
      }
      return undefined;
    },
    enrich: async (context, reply, text) => {
      for (const part of parts) await part.enrich?.(context, reply, text);
    },
    onTurn: async (context, event) => {
      for (const part of parts) await part.onTurn?.(context, event);
    },
  };
}
