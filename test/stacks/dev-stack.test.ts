import { Testing } from 'cdktf';
import { DevStack } from '../../stacks/dev';

// Reviewed snapshots: a pull request that changes what `dev` deploys shows the change here, file by file.
describe('the dev stack', () => {
  const stack = new DevStack(Testing.app(), 'dev');
  const synthesized = Testing.synth(stack, true);

  test('cdk.tf.json', () => {
    expect(JSON.parse(synthesized)).toMatchSnapshot();
  });

  // overview/ (the paging table and the 100 KB page) has its own snapshots and checks in test/overview.
  test.each(Object.keys(stack.monitoring.renderedFiles()).filter((f) => !f.startsWith('overview/')))('rendered file %s', (file) => {
    expect(stack.monitoring.renderedFiles()[file]).toMatchSnapshot();
  });

  test('is valid Terraform JSON with a local backend on a relative path', () => {
    expect(JSON.parse(synthesized).terraform.backend.local.path).toBe('terraform.dev.tfstate');
  });
});
