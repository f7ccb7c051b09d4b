/**
 * Helpers shared by the grafana/grafana bindings in this folder. Not exported from `index.ts`.
 *
 * The bindings follow the layout of the prebuilt `@cdktf/provider-*` packages: a `XxxToTerraform`
 * mapper (JSON synthesis) and a `XxxToHclTerraform` mapper (HCL synthesis) per nested block. These
 * helpers only shorten the descriptors `synthesizeHclAttributes()` returns.
 */
import * as cdktf from 'cdktf';

/** The generator metadata every grafana/grafana element declares. */
export const GRAFANA_PROVIDER_METADATA: cdktf.TerraformProviderGeneratorMetadata = {
  providerName: 'grafana',
  providerVersionConstraint: '~> 4.45',
};

/**
 * The resource configuration every grafana/grafana resource passes to `cdktf.TerraformResource`:
 * its Terraform type, the generator metadata and the meta-arguments (`provider`, `depends_on`,
 * `count`, `lifecycle`, `for_each`, provisioners, connection) taken from the user's config.
 */
export function resourceConfig(
  terraformResourceType: string,
  config: cdktf.TerraformMetaArguments,
): cdktf.TerraformResourceConfig {
  return {
    terraformResourceType,
    terraformGeneratorMetadata: GRAFANA_PROVIDER_METADATA,
    provider: config.provider,
    dependsOn: config.dependsOn,
    count: config.count,
    lifecycle: config.lifecycle,
    provisioners: config.provisioners,
    connection: config.connection,
    forEach: config.forEach,
  };
}

/** How one attribute or block is described to the cdktf HCL renderer. */
export interface HclAttribute {
  /** The value, already mapped. `undefined` when the attribute is not set. */
  readonly value: any;
  /** Whether Terraform expects a nested block (`name { ... }`) rather than `name = value`. */
  readonly isBlock: boolean;
  /** The Terraform type family: `simple`, `list`, `set` or `map`. */
  readonly type: 'simple' | 'list' | 'set' | 'map';
  /** `string`, `number`, `boolean`, `stringList`, `stringMap`, or `<Struct>List` for blocks. */
  readonly storageClassType: string;
}

/** Whether a mapper must hand the value back untouched (unset, or a token/`IResolvable`). */
export function passThrough(struct: unknown): boolean {
  return !cdktf.canInspect(struct) || cdktf.Tokenization.isResolvable(struct);
}

/** Rejects complex list elements used as configuration, as the generated mappers do. */
export function assertNotComplex(struct: unknown): void {
  if (cdktf.isComplexElement(struct)) {
    throw new Error(
      'A complex element was used as configuration, this is not supported: https://cdk.tf/complex-object-as-configuration',
    );
  }
}

/** A string attribute. */
export function hclString(value: string | undefined): HclAttribute {
  return { value: cdktf.stringToHclTerraform(value), isBlock: false, type: 'simple', storageClassType: 'string' };
}

/** A number attribute. */
export function hclNumber(value: number | undefined): HclAttribute {
  return { value: cdktf.numberToHclTerraform(value), isBlock: false, type: 'simple', storageClassType: 'number' };
}

/** A boolean attribute. */
export function hclBoolean(value: boolean | cdktf.IResolvable | undefined): HclAttribute {
  return { value: cdktf.booleanToHclTerraform(value), isBlock: false, type: 'simple', storageClassType: 'boolean' };
}

/** A `list(string)` attribute, or a `set(string)` one when `set` is true. */
export function hclStringList(value: string[] | undefined, set = false): HclAttribute {
  return {
    value: cdktf.listMapperHcl(cdktf.stringToHclTerraform, false)(value),
    isBlock: false,
    type: set ? 'set' : 'list',
    storageClassType: 'stringList',
  };
}

/** A `map(string)` attribute. */
export function hclStringMap(value: { [key: string]: string } | undefined): HclAttribute {
  return {
    value: cdktf.hashMapperHcl(cdktf.stringToHclTerraform)(value),
    isBlock: false,
    type: 'map',
    storageClassType: 'stringMap',
  };
}

/**
 * A repeatable block (nesting mode `list` or `set`): `value` is the list of block instances,
 * each passed through `mapper`.
 */
export function hclBlockList<T>(
  mapper: (struct?: T | cdktf.IResolvable) => any,
  value: T[] | cdktf.IResolvable | undefined,
  storageClassType: string,
  set = false,
): HclAttribute {
  return { value: cdktf.listMapperHcl(mapper, true)(value), isBlock: true, type: set ? 'set' : 'list', storageClassType };
}

/** A block with at most one instance (`max_items = 1`), given as a single object. */
export function hclSingleBlock(mappedValue: any, storageClassType: string, set = false): HclAttribute {
  return { value: mappedValue, isBlock: true, type: set ? 'set' : 'list', storageClassType };
}

/** Drops the attributes that are not set, as the generated `synthesizeHclAttributes()` does. */
export function definedHcl(attrs: { [name: string]: HclAttribute }): { [name: string]: HclAttribute } {
  return Object.fromEntries(Object.entries(attrs).filter(([, attr]) => attr !== undefined && attr.value !== undefined));
}

/**
 * Protects a free-form map from cdktf's key snake-casing.
 *
 * `TerraformProvider.toTerraform()`/`toHclTerraform()` pass the whole output of
 * `synthesizeAttributes()` through `keysToSnakeCase`, which recurses into map values too (only keys
 * named `tags` or `environment` are spared), so `{"X-Scope-OrgID": "1"}` would come out as
 * `{"x_scope_org_id": "1"}` (hashicorp/terraform-cdk#2681). `keysToSnakeCase` leaves `IResolvable`
 * values alone, and the stack resolves them afterwards, so wrapping the map in a lazy value keeps
 * its keys exactly as given. Resources do not need this: `TerraformResource` only snake-cases its
 * meta-arguments.
 */
export function verbatimKeys<T>(map: T): T | cdktf.IResolvable {
  if (map === undefined || map === null || cdktf.Tokenization.isResolvable(map)) {
    return map;
  }
  return cdktf.Lazy.anyValue({ produce: () => map });
}
