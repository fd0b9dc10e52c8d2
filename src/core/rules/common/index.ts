import type { Rule } from '../types';
import { schema } from './schema';
import { unknownRule } from './unknown-rule';
import { yamlSyntax } from './yaml-syntax';

export const commonRules: Rule[] = [yamlSyntax, schema, unknownRule];
