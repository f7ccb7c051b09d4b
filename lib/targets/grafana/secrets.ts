import { TerraformStack, TerraformVariable } from 'cdktf';
import { Secret } from '../../model/secret';
import { secretVariable } from '../secret-variable';
import { fileSecretForGrafana, missingSecret, notASecret } from './messages';

/**
 * The sensitive Terraform variables a Grafana target reads its secrets from.
 *
 * `Secret.fromVariable(name)` becomes the variable `name` (logical id `name`, construct id `secret-<name>`, the
 * same scheme the Docker host target uses), declared once per stack and reused when another target already
 * declared it: the Slack URL Alertmanager reads from a file and Grafana's Slack contact point come from one
 * `TF_VAR_<name>`. `Secret.fromFile` is refused: a remote Grafana cannot read a path on the Docker host.
 */
export class SecretVariables {
  constructor(private readonly stack: TerraformStack) {}

  /**
   * The Terraform expression of a secret's value (`${var.<name>}`), for a sensitive provider argument.
   * @param secret the secret; a missing one, a literal or a `Secret.fromFile` throws
   * @param where who needs it, for messages
   * @param field which field held it, for messages
   */
  public value(secret: unknown, where: string, field: string): string {
    if (secret === undefined || secret === null) throw missingSecret(where, field);
    if (!(secret instanceof Secret)) throw notASecret(where, field);
    if (secret.source === 'file') throw fileSecretForGrafana(where, field, secret);
    return this.variable(secret.name, `Secret "${secret.name}" (first requested by ${where}, ${field}); set it with TF_VAR_${secret.name}`)
      .stringValue;
  }

  /** The optional variant of {@link value}: undefined stays undefined. */
  public optional(secret: unknown, where: string, field: string): string | undefined {
    return secret === undefined ? undefined : this.value(secret, where, field);
  }

  /** The sensitive string variable `name`, declared on first use (shared with the other targets). */
  public variable(name: string, description: string): TerraformVariable {
    return secretVariable(this.stack, name, description);
  }

}
