import type { StatePropertyAccessor, TurnContext } from 'botbuilder';
import { ComponentDialog, DialogSet, DialogTurnStatus, type Dialog, type DialogState } from 'botbuilder-dialogs';
import { WalkthroughDialog, type WalkthroughDeps, type WalkthroughOptions } from './walkthrough-dialog';

export const MAIN_DIALOG = 'main';

/**
 * The root dialog. The walkthrough dialog handles every message; further dialogs (handoff, feedback) are added
 * here so that they stack above it and the walkthrough resumes when they end.
 */
export class MainDialog extends ComponentDialog {
  constructor(deps: WalkthroughDeps, extraDialogs: Dialog[] = []) {
    super(MAIN_DIALOG);
    const walkthrough = new WalkthroughDialog(deps);
    this.addDialog(walkthrough);
    for (const dialog of extraDialogs) this.addDialog(dialog);
    this.initialDialogId = walkthrough.id;
  }

  /** Runs one turn: continue the active dialog, or begin (optionally showing a node, e.g. the welcome). */
  async run(context: TurnContext, accessor: StatePropertyAccessor<DialogState>, options?: WalkthroughOptions): Promise<void> {
    const dialogSet = new DialogSet(accessor);
    dialogSet.add(this);
    const dc = await dialogSet.createContext(context);
    if (options?.show) {
      await dc.cancelAllDialogs();
      await dc.beginDialog(this.id, options);
      return;
    }
    const result = await dc.continueDialog();
    if (result.status === DialogTurnStatus.empty) await dc.beginDialog(this.id);
  }
}
