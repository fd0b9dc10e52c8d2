// Incident-log rules, in docs order: time first, then structure, references, then advice.
import type { Rule } from '../types';
import { actionItemDueMissing } from './action-item-due-missing';
import { actionItemOwnerMissing } from './action-item-owner-missing';
import { checklistRule } from './checklist';
import { commanderMissing } from './commander-missing';
import { decisionWhyMissing } from './decision-why-missing';
import { duplicateId } from './duplicate-id';
import { entryOutsideWindow } from './entry-outside-window';
import { maintenanceEntryMissing } from './maintenance-entry-missing';
import { openWindowResolved } from './open-window-resolved';
import { runbookMissing } from './runbook-missing';
import { timelineOrder } from './timeline-order';
import { timestampAmbiguous } from './timestamp-ambiguous';
import { timestampFuture } from './timestamp-future';
import { timestampInvalid } from './timestamp-invalid';
import { timestampNoZone } from './timestamp-no-zone';
import { unknownPerson } from './unknown-person';
import { unknownRef } from './unknown-ref';
import { windowEndBeforeStart } from './window-end-before-start';
import { windowOverlap } from './window-overlap';

export const incidentRules: Rule[] = [
  timestampInvalid,
  timestampNoZone,
  timestampAmbiguous,
  timelineOrder,
  duplicateId,
  unknownRef,
  unknownPerson,
  windowEndBeforeStart,
  windowOverlap,
  openWindowResolved,
  decisionWhyMissing,
  actionItemOwnerMissing,
  actionItemDueMissing,
  entryOutsideWindow,
  timestampFuture,
  commanderMissing,
  maintenanceEntryMissing,
  runbookMissing,
  checklistRule,
];
