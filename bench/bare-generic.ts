import { App, TerraformResource, TerraformStack } from 'cdktf';
import { Construct } from 'constructs';
import { Fixture, STACK_ID, writeRendered } from './fixture';

/** Resource keys cdktf treats as meta-arguments (it drops them from `synthesizeAttributes()`): put back verbatim. */
const META_ARGUMENTS = ['provider', 'depends_on', 'count', 'for_each', 'lifecycle', 'connection', 'provisioner'];

/** A resource whose attributes are given as final, pre-rendered JSON (what a generated binding would emit). */
class PrebuiltResource extends TerraformResource {
  private readonly attributes: Record<string, unknown>;
  private readonly meta: Record<string, unknown> = {};

  constructor(scope: Construct, id: string, type: string, attributes: Record<string, unknown>) {
    super(scope, id, { terraformResourceType: type });
    this.attributes = { ...attributes };
    for (const key of META_ARGUMENTS) {
      if (key in this.attributes) {
        this.meta[key] = this.attributes[key];
        delete this.attributes[key];
      }
    }
  }

  protected synthesizeAttributes(): Record<string, unknown> {
    return this.attributes;
  }

  public toTerraform(): any {
    const out = super.toTerraform();
    Object.assign(out.resource[this.terraformResourceType][this.friendlyUniqueId], this.meta);
    return out;
  }
}

/** A stack whose blocks around the resources (providers, backend, variables, outputs, data) are given as JSON. */
class PrebuiltStack extends TerraformStack {
  constructor(
    scope: Construct,
    id: string,
    private readonly blocks: Record<string, unknown>,
  ) {
    super(scope, id);
  }

  public toTerraform(): any {
    return { ...super.toTerraform(), ...this.blocks };
  }
}

/**
 * The bare cdktf program for any target: every resource of the library's cdk.tf.json, re-created as a cdktf
 * resource at the same construct path (so with the same logical id and metadata) from its final attributes; the
 * blocks around the resources (providers, backend, variables, outputs, data sources) as given. It pays for
 * cdktf's construct tree, resolution and JSON writing, and renders nothing. Used where no hand-written bare program
 * exists (the Grafana target); for the Docker host target, ./bare.ts uses the typed provider classes.
 */
export function genericBareProgram(outdir: string, fixture: Fixture): App {
  const doc = fixture.skeleton;
  const app = new App({ outdir });
  const { resource: _resources, ...blocks } = doc;
  const stack = new PrebuiltStack(app, STACK_ID, blocks);
  const scopes = new Map<string, Construct>([[STACK_ID, stack]]);
  const scopeAt = (path: string): Construct => {
    let scope = scopes.get(path);
    if (!scope) {
      const cut = path.lastIndexOf('/');
      scope = new Construct(scopeAt(path.slice(0, cut)), path.slice(cut + 1));
      scopes.set(path, scope);
    }
    return scope;
  };
  const resources: { type: string; path: string; uniqueId: string; attributes: Record<string, unknown> }[] = [];
  for (const [type, byId] of Object.entries<Record<string, Record<string, any>>>(doc.resource ?? {})) {
    for (const [logicalId, body] of Object.entries(byId)) {
      const { '//': meta, ...attributes } = body;
      if (type === 'docker_container' && attributes.upload === null) attributes.upload = fixture.uploads[attributes.name as string];
      resources.push({ type, path: meta?.metadata?.path ?? `${STACK_ID}/${logicalId}`, uniqueId: logicalId, attributes });
    }
  }
  // Parents before children: a resource may be the scope of another.
  resources.sort((a, b) => a.path.split('/').length - b.path.split('/').length);
  for (const r of resources) {
    const cut = r.path.lastIndexOf('/');
    const resource = new PrebuiltResource(scopeAt(r.path.slice(0, cut)), r.path.slice(cut + 1), r.type, r.attributes);
    resource.overrideLogicalId(r.uniqueId);
    scopes.set(r.path, resource);
  }
  return app;
}

/** Synthesizes the program and writes the pre-rendered files next to cdk.tf.json, as the library does. */
export function synthGenericBare(app: App, outdir: string, fixture: Fixture): void {
  app.synth();
  writeRendered(outdir, fixture.rendered);
}
