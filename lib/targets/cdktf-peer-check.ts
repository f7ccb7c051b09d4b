// `cdktf-monitoring` (the entry point with the cdktf targets) needs cdktf and two prebuilt providers, which are optional
// peer dependencies since an AWS CDK app uses `cdktf-monitoring/aws-cdk` without them. Without them Node's own error
// names a deep file ("Cannot find module '@cdktf/provider-docker/lib/container'"); this module runs first and says what
// to install, or which entry point an AWS CDK app imports.

/** The peers the cdktf targets need, with the ranges of package.json's peerDependencies. */
export const CDKTF_PEERS: Readonly<Record<string, string>> = {
  cdktf: '^0.21.0',
  '@cdktf/provider-docker': '^12.0.0',
  '@cdktf/provider-random': '^12.0.0',
};

/** What is missing for `cdktf-monitoring`, as a message, or `undefined` when every peer is installed. */
export function cdktfPeersProblem(installed: (name: string) => boolean): string | undefined {
  const missing = Object.keys(CDKTF_PEERS).filter((name) => !installed(name));
  if (missing.length === 0) return undefined;
  const list = missing.map((name) => `${name} (${CDKTF_PEERS[name]})`).join(', ');
  const install = missing.map((name) => `${name}@${CDKTF_PEERS[name]}`).join(' ');
  return (
    `cdktf-monitoring needs ${list}: optional peer dependencies that are not installed. ` +
    `In a cdktf app, install them: npm install ${install}. ` +
    "In an AWS CDK app, import 'cdktf-monitoring/aws-cdk' instead, which needs neither cdktf nor a Terraform provider."
  );
}

function isInstalled(name: string): boolean {
  try {
    require.resolve(`${name}/package.json`);
    return true;
  } catch {
    return false;
  }
}

const problem = cdktfPeersProblem(isInstalled);
if (problem) throw new Error(problem);
