/**
 * The entry point for AWS CDK apps: the engine-neutral API (the model's value objects and types, the constructs, the
 * rule and dashboard packs, the importers) and the AWS CDK target. It loads neither cdktf nor a Terraform provider, so
 * an app with `aws-cdk-lib` 2 and `constructs` 10 needs nothing else.
 * @module cdktf-monitoring/aws-cdk
 */

export * from './core';
export * from './targets/aws-cdk';
