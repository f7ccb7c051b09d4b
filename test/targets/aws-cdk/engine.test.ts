import * as fs from 'fs';
import * as path from 'path';
import { App, Stack, Stage } from 'aws-cdk-lib';
import { Annotations, Match, Template } from 'aws-cdk-lib/assertions';
import { CfnTopic } from 'aws-cdk-lib/aws-sns';
import { Construct } from 'constructs';
import { AWS_CDK_ENGINE } from '../../../lib/engines/aws-cdk';
import { tempOutdir } from './helpers';

describe('AWS_CDK_ENGINE', () => {
  test('is named aws-cdk', () => {
    expect(AWS_CDK_ENGINE.name).toBe('aws-cdk');
  });

  test('lazyString: the value is produced at synth, after every construct is declared', () => {
    const app = new App({ outdir: tempOutdir() });
    const stack = new Stack(app, 'test');
    const names: string[] = [];
    new CfnTopic(stack, 'topic', { topicName: AWS_CDK_ENGINE.lazyString(() => names.join('-')) });
    names.push('declared', 'later');
    expect(AWS_CDK_ENGINE.isUnresolved(AWS_CDK_ENGINE.lazyString(() => 'x'))).toBe(true);
    Template.fromStack(stack).hasResourceProperties('AWS::SNS::Topic', { TopicName: 'declared-later' });
  });

  test('addWarning: printed once per scope and message, readable with assertions.Annotations, with no stack trace', () => {
    const app = new App({ outdir: tempOutdir() });
    const stack = new Stack(app, 'test');
    const scope = new Construct(stack, 'scope');
    AWS_CDK_ENGINE.addWarning(scope, 'look here');
    AWS_CDK_ENGINE.addWarning(scope, 'look here');
    AWS_CDK_ENGINE.addWarning(scope, 'and here');
    expect(scope.node.metadata.map((m) => [m.type, m.data, m.trace])).toEqual([
      ['aws:cdk:warning', 'look here', undefined],
      ['aws:cdk:warning', 'and here', undefined],
    ]);
    Annotations.fromStack(stack).hasWarning('/test/scope', 'look here');
    expect(Annotations.fromStack(stack).findWarning('*', Match.anyValue())).toHaveLength(2);
  });

  test('stackOf: the nearest Stack, or undefined outside any', () => {
    const app = new App({ outdir: tempOutdir() });
    const outer = new Stack(app, 'outer');
    const inner = new Construct(outer, 'inner');
    expect(AWS_CDK_ENGINE.stackOf(new Construct(inner, 'c'))).toBe(outer);
    expect(AWS_CDK_ENGINE.stackOf(new Construct(app, 'loose'))).toBeUndefined();
  });

  test('isUnresolved: aws-cdk-lib tokens yes, literals no', () => {
    const stack = new Stack(new App({ outdir: tempOutdir() }), 'test');
    expect(AWS_CDK_ENGINE.isUnresolved(stack.region)).toBe(true);
    expect(AWS_CDK_ENGINE.isUnresolved('eu-west-1')).toBe(false);
  });

  describe('onSynthesize', () => {
    test('writes to cdk.out/<stack artifact>.rendered/<id>/, after the subtree, callbacks in registration order', () => {
      const outdir = tempOutdir();
      const app = new App({ outdir });
      const stack = new Stack(app, 'prod');
      const monitoring = new Construct(stack, 'monitoring');
      const calls: string[] = [];
      AWS_CDK_ENGINE.onSynthesize(monitoring, (dir) => {
        calls.push(`first ${path.relative(outdir, dir)}`);
        fs.rmSync(dir, { recursive: true, force: true });
        fs.mkdirSync(dir, { recursive: true });
        fs.writeFileSync(path.join(dir, 'a.txt'), 'a');
      });
      AWS_CDK_ENGINE.onSynthesize(monitoring, (dir) => {
        calls.push(`second ${path.relative(outdir, dir)}`);
        fs.writeFileSync(path.join(dir, 'b.txt'), 'b');
      });
      new CfnTopic(monitoring, 'declared-after', {});
      app.synth();
      expect(calls).toEqual([`first ${path.join('prod.rendered', 'monitoring')}`, `second ${path.join('prod.rendered', 'monitoring')}`]);
      expect(fs.readdirSync(path.join(outdir, 'prod.rendered', 'monitoring')).sort()).toEqual(['a.txt', 'b.txt']);
      // The template itself is unchanged by the writer (a plain construct, no resource).
      expect(Object.keys(Template.fromStack(stack).findResources('AWS::SNS::Topic'))).toHaveLength(1);
    });

    test('in a Stage, next to the stage\'s own templates', () => {
      const outdir = tempOutdir();
      const app = new App({ outdir });
      const stage = new Stage(app, 'eu');
      const stack = new Stack(stage, 'prod');
      const monitoring = new Construct(stack, 'monitoring');
      new CfnTopic(monitoring, 'topic', {});
      AWS_CDK_ENGINE.onSynthesize(monitoring, (dir) => {
        fs.mkdirSync(dir, { recursive: true });
        fs.writeFileSync(path.join(dir, 'x.txt'), 'x');
      });
      app.synth();
      const stageDir = path.join(outdir, 'assembly-eu');
      expect(fs.readdirSync(stageDir)).toEqual(expect.arrayContaining([`${stack.artifactId}.template.json`, `${stack.artifactId}.rendered`]));
      expect(fs.readFileSync(path.join(stageDir, `${stack.artifactId}.rendered`, 'monitoring', 'x.txt'), 'utf8')).toBe('x');
    });

    test('outside any Stack: a clear error at synth', () => {
      const app = new App({ outdir: tempOutdir() });
      new CfnTopic(new Stack(app, 'other'), 'topic', {});
      AWS_CDK_ENGINE.onSynthesize(new Construct(app, 'monitoring'), () => undefined);
      expect(() => app.synth()).toThrow(
        'MonitoringStack monitoring, scope: is not inside an aws-cdk-lib Stack; expected the MonitoringStack inside a Stack (new Stack(app, "prod")), whose template it adds to',
      );
    });
  });
});
