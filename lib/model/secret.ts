import { invalid } from './errors';

/** Where secret files live inside every container of the environment. */
export const SECRETS_DIR = '/etc/monitoring/secrets';

/**
 * A secret (a password, a token, a webhook URL) that must never appear in a rendered file.
 *
 * Programs read it from a file: Prometheus' `password_file`/`credentials_file`, Alertmanager's `*_file`
 * fields, Grafana's `__FILE` environment variables. The target decides how the file gets there:
 * on the Docker host, a sensitive Terraform variable's value is uploaded to the file.
 */
export class Secret {
  /**
   * A secret whose value comes from a sensitive Terraform variable named `variableName`
   * (set it with `TF_VAR_<name>` or a `.tfvars` file). The library declares the variable.
   */
  public static fromVariable(variableName: string): Secret {
    if (typeof variableName !== 'string' || !/^[a-zA-Z_][a-zA-Z0-9_-]*$/.test(variableName)) {
      throw invalid('Secret.fromVariable', 'variableName', variableName, 'a Terraform variable name (letters, digits, _ and -)');
    }
    return new Secret('variable', variableName, `${SECRETS_DIR}/${variableName}`);
  }

  /**
   * A secret already present as a file inside the container at `path` (mounted by you). Nothing is uploaded.
   */
  public static fromFile(path: string): Secret {
    if (typeof path !== 'string' || !path.startsWith('/')) {
      throw invalid('Secret.fromFile', 'path', path, 'an absolute path inside the container, e.g. "/run/secrets/slack_url"');
    }
    return new Secret('file', path, path);
  }

  private constructor(
    /** `variable`: uploaded from a Terraform variable; `file`: provided by the user. */
    public readonly source: 'variable' | 'file',
    /** The variable name or the path. */
    public readonly name: string,
    /** The path where the program reads the secret. */
    public readonly filePath: string,
  ) {}
}

/** Collects the secrets a config needs, so the target can provide their files. */
export function collectSecrets(values: readonly (Secret | undefined)[]): Secret[] {
  const byPath = new Map<string, Secret>();
  for (const value of values) if (value) byPath.set(value.filePath, value);
  return [...byPath.keys()].sort().map((key) => byPath.get(key)!);
}
