import { parentRuleNumber } from '@melvin/knowledge/domain';

/** A rule number and every number above it: "702.19b" → 702.19b, 702.19, 702, 7. */
export function ruleLineage(rule: string): string[] {
  const chain: string[] = [];
  for (let number: string | null = rule; number; number = parentRuleNumber(number)) chain.push(number);
  return chain;
}

/** Whether one rule contains the other ("702.19" and "702.19b"), or they are the same rule. */
export function sameLineage(a: string, b: string): boolean {
  return ruleLineage(a).includes(b) || ruleLineage(b).includes(a);
}
