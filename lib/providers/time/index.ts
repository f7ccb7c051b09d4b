/**
 * Typed bindings for the two pieces of hashicorp/time `~> 0.13` this library uses: the provider and `time_rotating`
 * (schema: terraform-provider-time docs/resources/rotating.md). Written here because the prebuilt
 * `@cdktf/provider-time` would add a peer dependency for one resource.
 */
import * as cdktf from 'cdktf';
import { Construct } from 'constructs';

const TIME_PROVIDER_METADATA: cdktf.TerraformProviderGeneratorMetadata = { providerName: 'time', providerVersionConstraint: '~> 0.13' };

/** The hashicorp/time provider (it has no arguments). */
export class TimeProvider extends cdktf.TerraformProvider {
  public constructor(scope: Construct, id: string) {
    super(scope, id, { terraformResourceType: 'time', terraformGeneratorMetadata: TIME_PROVIDER_METADATA, terraformProviderSource: 'hashicorp/time' });
  }

  protected synthesizeAttributes(): { [name: string]: any } {
    return {};
  }
}

/** Config of {@link TimeRotating}. */
export interface TimeRotatingConfig extends cdktf.TerraformMetaArguments {
  /** Days after its creation time when the resource rotates (is removed from state and created anew). Terraform: `rotation_days`. */
  readonly rotationDays: number;
}

/**
 * `time_rotating`: a timestamp that is replaced once `rotationDays` have passed. Reference its `id` (the creation
 * timestamp) from an argument that forces replacement, and that resource is replaced with it.
 */
export class TimeRotating extends cdktf.TerraformResource {
  public static readonly tfResourceType = 'time_rotating';
  private readonly rotationDays: number;

  public constructor(scope: Construct, id: string, config: TimeRotatingConfig) {
    super(scope, id, {
      terraformResourceType: TimeRotating.tfResourceType,
      terraformGeneratorMetadata: TIME_PROVIDER_METADATA,
      provider: config.provider,
      dependsOn: config.dependsOn,
      lifecycle: config.lifecycle,
    });
    this.rotationDays = config.rotationDays;
  }

  /** The RFC 3339 timestamp the current period started at (changes on every rotation). */
  public get id(): string {
    return this.getStringAttribute('id');
  }

  /** The RFC 3339 timestamp of the next rotation. */
  public get rotationRfc3339(): string {
    return this.getStringAttribute('rotation_rfc3339');
  }

  protected synthesizeAttributes(): { [name: string]: any } {
    return { rotation_days: cdktf.numberToTerraform(this.rotationDays) };
  }
}
