import type { Rule } from 'eslint';
export function moduleBoundaries(modulesDir: string): Rule.RuleModule;
