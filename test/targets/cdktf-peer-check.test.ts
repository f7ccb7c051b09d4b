import * as fs from 'fs';
import * as path from 'path';
import { CDKTF_PEERS, cdktfPeersProblem } from '../../lib/targets/cdktf-peer-check';

const pkg = JSON.parse(fs.readFileSync(path.resolve(__dirname, '../../package.json'), 'utf8'));

// The packaging test imports `cdktf-monitoring` in an AWS CDK app (no cdktf) and reads this message.
describe('cdktf-monitoring without its cdktf peers', () => {
  test('the peers named are optional peers of package.json, with its ranges', () => {
    for (const [name, range] of Object.entries(CDKTF_PEERS)) {
      expect({ name, range: pkg.peerDependencies[name], meta: pkg.peerDependenciesMeta[name] }).toEqual({ name, range, meta: { optional: true } });
    }
  });

  test('all installed: no problem', () => {
    expect(cdktfPeersProblem(() => true)).toBeUndefined();
  });

  test('none installed (an AWS CDK app): names each peer and its range, and the AWS CDK entry point', () => {
    expect(cdktfPeersProblem(() => false)).toBe(
      'cdktf-monitoring needs cdktf (^0.21.0), @cdktf/provider-docker (^12.0.0), @cdktf/provider-random (^12.0.0): ' +
        'optional peer dependencies that are not installed. In a cdktf app, install them: ' +
        'npm install cdktf@^0.21.0 @cdktf/provider-docker@^12.0.0 @cdktf/provider-random@^12.0.0. ' +
        "In an AWS CDK app, import 'cdktf-monitoring/aws-cdk' instead, which needs neither cdktf nor a Terraform provider.",
    );
  });

  test('one missing: names only that one', () => {
    expect(cdktfPeersProblem((name) => name !== '@cdktf/provider-random')).toMatch(
      /^cdktf-monitoring needs @cdktf\/provider-random \(\^12\.0\.0\): .* npm install @cdktf\/provider-random@\^12\.0\.0\. /,
    );
  });
});
