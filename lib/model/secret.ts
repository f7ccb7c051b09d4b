import { invalid, MonitoringConfigError } from './errors';

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
      // Reported by the construct that receives the Secret, with its path and field (see checkSecret).
      return new Secret('variable', '', '', invalid('Secret.fromVariable', 'variableName', variableName, 'a Terraform variable name (letters, digits, _ and -)'));
    }
    return new Secret('variable', variableName, `${SECRETS_DIR}/${variableName}`);
  }

  /**
   * A secret already present as a file inside the container at `path` (mounted by you). Nothing is uploaded.
   */
  public static fromFile(path: string): Secret {
    if (typeof path !== 'string' || !path.startsWith('/')) {
      return new Secret('file', '', '', invalid('Secret.fromFile', 'path', path, 'an absolute path inside the container, e.g. "/run/secrets/slack_url"'));
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
    /**
     * Why this Secret is invalid (a bad variable name or path): the construct that receives it reports the error with
     * its path and field.
     * @default - none: the Secret is valid
     */
    public readonly problem?: MonitoringConfigError,
  ) {}
}

/** Throws the error of an invalid Secret (`Secret.fromVariable('bad name')`) where it was received. */
export function checkSecret(value: unknown, where: string, field: string): void {
  if (value instanceof Secret && value.problem) throw secretProblem(value.problem, where, field);
}

function secretProblem(problem: MonitoringConfigError, where: string, field: string): MonitoringConfigError {
  return new MonitoringConfigError(where, field, `${problem.where}: ${problem.detail}`);
}

/** Collects the secrets a config needs, so the target can provide their files. */
export function collectSecrets(values: readonly (Secret | undefined)[]): Secret[] {
  const byPath = new Map<string, Secret>();
  for (const value of values) if (value) byPath.set(value.filePath, value);
  return [...byPath.keys()].sort().map((key) => byPath.get(key)!);
}
