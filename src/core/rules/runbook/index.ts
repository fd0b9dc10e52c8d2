import type { Rule } from '../types';
import { dangerousCommand } from './dangerous-command';
import { destructiveBeforeBackup } from './destructive-before-backup';
import { estimateExceedsWindow } from './estimate-exceeds-window';
import { noUserNotice } from './no-user-notice';
import { roleMissing } from './role-missing';
import { rollbackMissing } from './rollback-missing';
import { stepOrder } from './step-order';
import { stepVerifyMissing } from './step-verify-missing';
import { timeoutMissing } from './timeout-missing';
import { unknownRole } from './unknown-role';
import { unknownStepRef } from './unknown-step-ref';

export const runbookRules: Rule[] = [
  unknownStepRef, stepOrder, unknownRole, roleMissing, stepVerifyMissing, dangerousCommand,
  destructiveBeforeBackup, rollbackMissing, timeoutMissing, noUserNotice, estimateExceedsWindow,
];
