// Shared helpers for the grafana/grafana binding tests.
// The side-effect import brings in cdktf's typings of the jest matchers (toHaveResourceWithProperties...);
// setupJest() registers them, so these tests do not depend on a global setup file.
import 'cdktf/lib/testing/adapters/jest';
import { TerraformElement, TerraformStack, Testing } from 'cdktf';

Testing.setupJest();

/** Synthesizes a stack built by `build` and returns the parsed Terraform JSON. */
export function synthJson(build: (stack: TerraformStack) => void): any {
  return JSON.parse(Testing.synthScope((scope) => build(scope as TerraformStack)));
}

/** Synthesizes a stack built by `build` to HCL. */
export function synthHcl(build: (stack: TerraformStack) => void): string {
  const stack = new TerraformStack(Testing.app(), 'stack');
  build(stack);
  return Testing.synthHcl(stack) as string;
}

/** The only resource of `type` in synthesized JSON. */
export function onlyResource(json: any, type: string): any {
  const all = Object.values(json.resource?.[type] ?? {});
  if (all.length !== 1) {
    throw new Error(`expected one ${type}, found ${all.length}`);
  }
  return all[0];
}

/** The attribute names of a synthesized element, sorted (`Testing.synth` already drops cdktf's `//` metadata). */
export function attributeNames(synthesized: object): string[] {
  return Object.keys(synthesized).sort();
}

interface HclDescriptor {
  readonly value: unknown;
  readonly isBlock: boolean;
}

/** Turns `synthesizeHclAttributes()` descriptors back into plain values, blocks included. */
function hclAsPlain(attrs: Record<string, HclDescriptor | undefined>): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(attrs)
      .filter((entry): entry is [string, HclDescriptor] => entry[1] !== undefined && entry[1].value !== undefined)
      .map(([name, attr]) => {
        if (!attr.isBlock) {
          return [name, attr.value];
        }
        const v = attr.value as Record<string, HclDescriptor> | Record<string, HclDescriptor>[];
        return [name, Array.isArray(v) ? v.map(hclAsPlain) : hclAsPlain(v)];
      }),
  );
}

/**
 * Calls the (protected) `synthesizeAttributes()` and `synthesizeHclAttributes()` of an element and
 * returns both as plain objects without unset attributes, to compare names and nesting.
 */
export function synthesizedBoth(element: TerraformElement): { json: Record<string, any>; hcl: Record<string, any> } {
  const e = element as unknown as {
    synthesizeAttributes(): Record<string, unknown>;
    synthesizeHclAttributes(): Record<string, HclDescriptor | undefined>;
  };
  return {
    json: JSON.parse(JSON.stringify(e.synthesizeAttributes())),
    hcl: JSON.parse(JSON.stringify(hclAsPlain(e.synthesizeHclAttributes()))),
  };
}
