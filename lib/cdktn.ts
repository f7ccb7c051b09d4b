/**
 * The entry point for CDK Terrain (`cdktn`) apps: the engine-neutral API (the model's value objects and types, the
 * constructs, the rule and dashboard packs, the importers) and `CDKTN_ENGINE`, for targets of your own that create
 * cdktn resources. It loads neither cdktf nor aws-cdk-lib; see docs/cdktn.md for what cdktn offers today.
 * @module cdktf-monitoring/cdktn
 */

export * from './core';
export { CDKTN_ENGINE, CDKTN_RANGE } from './engines/cdktn';
