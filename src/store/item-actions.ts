// What stories and comments share once submitted, bound to one kind: the visitor's submission (or a
// decoy receipt for an automated one), a report, the author's withdrawal, view and edit.
import { editOwnItem, type OwnEdit } from '../authors/own-edit.js'
import { loadOwnItem, ownItemView } from '../authors/own-item.js'
import type { Schemas } from '../contract/types.js'
import type { ItemKind } from '../items/kinds.js'
import { report } from '../items/reports.js'
import { automationSign, decoyReceipt } from '../items/spam.js'
import { storeSubmission, supportFor, type Submission } from '../items/submit.js'
import { withdraw } from '../items/withdraw.js'
import type { ServiceContext } from './context.js'

export interface Receipt {
  id: string
  manageToken: string
  createdAt: Date
  /** Shown when the text mentions self-harm. */
  support?: NonNullable<ReturnType<typeof supportFor>>
}

export function itemActions ({ db, pool, committed, triage }: ServiceContext, kind: ItemKind) {
  return {
    /** Stores a submission unless the form shows signs of automation, which gets a look-alike receipt. */
    receive: async (form: { website?: string | undefined, fillMs?: number | undefined }, input: () => Promise<Submission>, clientHash: string): Promise<Receipt> => {
      const spam = automationSign(form)
      if (spam) {
        committed({ area: 'refused', reason: spam })
        const { story, manageToken } = decoyReceipt()
        return { id: story.id, manageToken, createdAt: story.createdAt }
      }
      const { item, manageToken, triage: triaged, support } = await storeSubmission(pool, await input(), clientHash, triage)
      committed({ area: 'item', what: 'submitted', id: item.id, publicAt: null, events: true, level: triaged.level })
      return { id: item.id, manageToken, createdAt: item.createdAt, ...(support ? { support } : {}) }
    },
    report: async (id: string, reporterHash: string, input: { reason: Schemas['ReportReason'], details?: string }) => {
      committed(await report(db, kind, id, reporterHash, input))
    },
    withdraw: async (id: string, manageToken: string) => { committed(await withdraw(db, kind, id, manageToken)) },
    ownView: async (id: string, manageToken: string) => {
      const item = await loadOwnItem(db, kind, id, manageToken)
      return { item, view: await ownItemView(db, item) }
    },
    ownEdit: async (id: string, manageToken: string, ifMatch: string | undefined, edit: OwnEdit) => {
      const { item, support, raised } = await editOwnItem(db, kind, id, manageToken, ifMatch, edit, triage)
      // Only a pending item can be edited: nothing public changes.
      committed({ area: 'item', what: 'own-edit', id, publicAt: null, events: raised })
      return { item, view: await ownItemView(db, item), support }
    },
  }
}
