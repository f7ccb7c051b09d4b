import { TerraformStack, TerraformVariable } from 'cdktf';
import { Construct } from 'constructs';
import { DataAwsIamPolicyDocument } from '@cdktf/provider-aws/lib/data-aws-iam-policy-document';
import { IamAccessKey } from '@cdktf/provider-aws/lib/iam-access-key';
import { IamUser } from '@cdktf/provider-aws/lib/iam-user';
import { IamUserPolicy } from '@cdktf/provider-aws/lib/iam-user-policy';
import { AwsProvider } from '@cdktf/provider-aws/lib/provider';
import { invalid } from '../../model/errors';
import { SECRETS_DIR } from '../../model/secret';

/** Where the agent container reads its AWS credentials (the AWS SDK's shared credentials file format). */
export const AWS_CREDENTIALS_FILE = `${SECRETS_DIR}/aws_credentials`;

const ROLE_ARN = /^arn:aws[-a-z]*:iam::\d{12}:role\/[\w+=,.@/-]+$/;
const VARIABLE = /^[a-zA-Z_][a-zA-Z0-9_-]*$/;

/** Options of {@link AgentCredentials.fromVariables}. */
export interface AgentCredentialVariables {
  /** Sensitive Terraform variable holding the access key id (set it with `TF_VAR_<name>`). */
  readonly accessKeyIdVariable: string;
  /** Sensitive Terraform variable holding the secret access key. */
  readonly secretAccessKeyVariable: string;
  /** A role the agent assumes with those keys before signing. @default - sign with the keys' own identity */
  readonly roleArn?: string;
}

/** Options of {@link AgentCredentials.instanceRole}. */
export interface AgentInstanceRoleOptions {
  /** A role assumed on top of the instance role. @default - sign with the instance role itself */
  readonly roleArn?: string;
}

/** What an agent host gets from its credentials. */
export interface ResolvedAgentCredentials {
  /** Content of the shared credentials file. @default - none: the SDK finds credentials on its own (instance role) */
  readonly credentialsFile?: string;
  /** `sigv4.role_arn`. @default - sign with the credentials' own identity */
  readonly roleArn?: string;
  /** For messages and docs. */
  readonly description: string;
}

/** Context the credentials are materialized in. */
export interface AgentCredentialContext {
  readonly environment: string;
  readonly workspaceArn: string;
  readonly tags: Readonly<Record<string, string>>;
  readonly provider: AwsProvider;
}

/**
 * How a Prometheus agent signs remote_write with SigV4. A host outside AWS has no credentials of its own, so this is
 * always explicit. Keys never appear in prometheus.yml or in an environment variable: they are uploaded into the
 * container as an AWS shared credentials file (`AWS_SHARED_CREDENTIALS_FILE` points at it).
 */
export class AgentCredentials {
  /**
   * The host is an EC2 instance (or runs where the AWS SDK finds credentials by itself) whose role allows
   * `aps:RemoteWrite` on the workspace. Nothing is uploaded. On EC2 with IMDSv2, set the instance metadata hop limit
   * to 2 so containers on a bridge network reach it.
   */
  public static instanceRole(options: AgentInstanceRoleOptions = {}): AgentCredentials {
    return new AgentCredentials('instance-role', options.roleArn);
  }

  /** Access keys from two sensitive Terraform variables (declared by the library). */
  public static fromVariables(options: AgentCredentialVariables): AgentCredentials {
    for (const key of ['accessKeyIdVariable', 'secretAccessKeyVariable'] as const) {
      if (typeof options?.[key] !== 'string' || !VARIABLE.test(options[key])) {
        throw invalid('AgentCredentials.fromVariables', key, options?.[key], 'a Terraform variable name (letters, digits, _ and -)');
      }
    }
    return new AgentCredentials('variables', options.roleArn, options);
  }

  /**
   * A dedicated IAM user per environment (`<env>-prometheus-remote-write`) allowed only `aps:RemoteWrite` on the
   * workspace, with an access key. The secret key lives in the Terraform state: keep the state encrypted (the prod
   * stack's S3 backend does).
   */
  public static iamUser(): AgentCredentials {
    return new AgentCredentials('iam-user');
  }

  /** One IAM user per environment, however many `iamUser()` values its hosts were given. */
  private static readonly iamUsers = new WeakMap<Construct, ResolvedAgentCredentials>();
  private readonly resolved = new WeakMap<Construct, ResolvedAgentCredentials>();

  private constructor(
    /** How credentials are obtained. */
    public readonly kind: 'instance-role' | 'variables' | 'iam-user',
    private readonly roleArn?: string,
    private readonly variables?: AgentCredentialVariables,
  ) {
    if (roleArn !== undefined && !ROLE_ARN.test(roleArn)) {
      throw invalid('AgentCredentials', 'roleArn', roleArn, 'an IAM role ARN such as "arn:aws:iam::123456789012:role/prometheus-remote-write"');
    }
  }

  /** The role the agent assumes before signing (`sigv4.role_arn`), if any. */
  public resolveRoleArn(): string | undefined {
    return this.roleArn;
  }

  /** @internal Creates what the credentials need (once per scope) and says what the agent gets. */
  public resolve(scope: Construct, context: AgentCredentialContext): ResolvedAgentCredentials {
    const cache = this.kind === 'iam-user' ? AgentCredentials.iamUsers : this.resolved;
    const cached = cache.get(scope);
    if (cached) return cached;
    const resolved = this.create(scope, context);
    cache.set(scope, resolved);
    return resolved;
  }

  private create(scope: Construct, context: AgentCredentialContext): ResolvedAgentCredentials {
    switch (this.kind) {
      case 'instance-role':
        return { roleArn: this.roleArn, description: 'the instance role' };
      case 'variables': {
        const stack = TerraformStack.of(scope);
        const variable = (name: string, what: string) => {
          const existing = stack.node.tryFindChild(`secret-${name}`);
          if (existing instanceof TerraformVariable) return existing.stringValue;
          const created = new TerraformVariable(stack, `secret-${name}`, {
            type: 'string',
            sensitive: true,
            nullable: false,
            description: `${what} of the Prometheus agents of environment ${context.environment}; set it with TF_VAR_${name}`,
          });
          created.overrideLogicalId(name);
          return created.stringValue;
        };
        const id = variable(this.variables!.accessKeyIdVariable, 'AWS access key id');
        const secret = variable(this.variables!.secretAccessKeyVariable, 'AWS secret access key');
        return { credentialsFile: credentialsFile(id, secret), roleArn: this.roleArn, description: 'access keys from Terraform variables' };
      }
      case 'iam-user': {
        const name = `${context.environment}-prometheus-remote-write`;
        const user = new IamUser(scope, 'remote-write-user', { provider: context.provider, name, tags: { ...context.tags } });
        const policy = new DataAwsIamPolicyDocument(scope, 'remote-write-policy-document', {
          provider: context.provider,
          statement: [{ sid: 'RemoteWrite', effect: 'Allow', actions: ['aps:RemoteWrite'], resources: [context.workspaceArn] }],
        });
        new IamUserPolicy(scope, 'remote-write-user-policy', { provider: context.provider, name: 'amp-remote-write', user: user.name, policy: policy.json });
        const key = new IamAccessKey(scope, 'remote-write-key', { provider: context.provider, user: user.name });
        return { credentialsFile: credentialsFile(key.id, key.secret), description: `the IAM user ${name}` };
      }
    }
  }
}

function credentialsFile(accessKeyId: string, secretAccessKey: string): string {
  return `[default]\naws_access_key_id = ${accessKeyId}\naws_secret_access_key = ${secretAccessKey}\n`;
}
