import type { CfnTag } from 'aws-cdk-lib';

/** A tag map as CloudFormation's tag list, in the map's order. */
export function cfnTags(tags: Readonly<Record<string, string>>): CfnTag[] {
  return Object.entries(tags).map(([key, value]) => ({ key, value }));
}
