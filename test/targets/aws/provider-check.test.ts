import * as fs from 'fs';
import * as path from 'path';
import { AWS_PROVIDER_RANGE, awsProviderProblem } from '../../../lib/targets/aws/provider-check';

// The packaging test imports `cdktf-monitoring/aws` in an app without @cdktf/provider-aws and reads this message.
describe('cdktf-monitoring/aws without its optional peer', () => {
  test('the range named is the peerDependencies range', () => {
    const pkg = JSON.parse(fs.readFileSync(path.resolve(__dirname, '../../../package.json'), 'utf8'));
    expect(pkg.peerDependencies['@cdktf/provider-aws']).toBe(AWS_PROVIDER_RANGE);
    expect(pkg.peerDependenciesMeta['@cdktf/provider-aws']).toEqual({ optional: true });
  });

  test('missing: says which package and version to install', () => {
    expect(awsProviderProblem(undefined)).toBe(
      'cdktf-monitoring/aws needs the package @cdktf/provider-aws (^21.0.0, the prebuilt bindings of the hashicorp/aws provider), ' +
        'an optional peer dependency that is not installed. Install it next to cdktf: npm install @cdktf/provider-aws@^21.0.0',
    );
  });

  test('another major: names what was found', () => {
    expect(awsProviderProblem('19.50.0')).toBe(
      'cdktf-monitoring/aws needs @cdktf/provider-aws ^21.0.0; found 19.50.0. Install the supported line: npm install @cdktf/provider-aws@^21.0.0',
    );
    expect(awsProviderProblem('21.22.1')).toBeUndefined();
  });
});
