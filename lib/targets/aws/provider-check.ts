// `cdktf-monitoring/aws` needs the optional peer dependency @cdktf/provider-aws. Without it, Node's own error names
// a deep file of the provider package ("Cannot find module '@cdktf/provider-aws/lib/provider'"); this module runs
// first and says what to install instead.

/** The `@cdktf/provider-aws` range the AWS target is written for (package.json's peerDependencies). */
export const AWS_PROVIDER_RANGE = '^21.0.0';
const AWS_PROVIDER_MAJOR = 21;

/**
 * What is wrong with the installed `@cdktf/provider-aws`, as a message, or `undefined` when it fits.
 * `installedVersion` is its package.json version, or `undefined` when the package cannot be found.
 */
export function awsProviderProblem(installedVersion: string | undefined): string | undefined {
  const install = `npm install @cdktf/provider-aws@${AWS_PROVIDER_RANGE}`;
  if (installedVersion === undefined) {
    return (
      `cdktf-monitoring/aws needs the package @cdktf/provider-aws (${AWS_PROVIDER_RANGE}, the prebuilt bindings of the hashicorp/aws provider), ` +
      `an optional peer dependency that is not installed. Install it next to cdktf: ${install}`
    );
  }
  const major = Number(installedVersion.split('.')[0]);
  if (major !== AWS_PROVIDER_MAJOR) {
    return `cdktf-monitoring/aws needs @cdktf/provider-aws ${AWS_PROVIDER_RANGE}; found ${installedVersion}. Install the supported line: ${install}`;
  }
  return undefined;
}

function installedAwsProviderVersion(): string | undefined {
  try {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    return (require('@cdktf/provider-aws/package.json') as { version: string }).version;
  } catch {
    return undefined;
  }
}

const problem = awsProviderProblem(installedAwsProviderVersion());
if (problem) throw new Error(problem);
