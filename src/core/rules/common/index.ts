import type { Rule } from '../types';
import { placeholder } from './placeholder';
import { schema } from './schema';
import { secretInText } from './secret-in-text';
import { unknownRule } from './unknown-rule';
import { yamlSyntax } from './yaml-syntax';

export const commonRules: Rule[] = [yamlSyntax, schema, unknownRule, secretInText, placeholder];
