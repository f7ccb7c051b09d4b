import { TerraformStack, TerraformVariable } from 'cdktf';

/**
 * The sensitive string variable a `Secret.fromVariable(name)` reads from: declared once per stack (construct id
 * `secret-<name>`, Terraform name `name`) and shared by every target that needs it, so one `TF_VAR_<name>` feeds
 * e.g. both Alertmanager's Slack file and Grafana's Slack contact point.
 */
export function secretVariable(stack: TerraformStack, name: string, description: string): TerraformVariable {
  const id = `secret-${name}`;
  const existing = stack.node.tryFindChild(id);
  if (existing instanceof TerraformVariable) return existing;
  const variable = new TerraformVariable(stack, id, { type: 'string', sensitive: true, nullable: false, description });
  variable.overrideLogicalId(name);
  return variable;
}

/** The description every secret variable carries. */
export function secretDescription(name: string, requestedBy: string): string {
  return `Secret "${name}" (first requested by ${requestedBy}); set it with TF_VAR_${name}`;
}
