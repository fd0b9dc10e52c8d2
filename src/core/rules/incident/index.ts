import type { Rule } from '../types';

export const incidentRules: Rule[] = [];
