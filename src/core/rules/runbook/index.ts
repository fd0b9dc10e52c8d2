import type { Rule } from '../types';

export const runbookRules: Rule[] = [];
