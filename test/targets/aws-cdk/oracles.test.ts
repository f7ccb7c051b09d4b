import * as path from 'path';
import { Testing } from 'cdktf';
import { Template } from 'aws-cdk-lib/assertions';
import { parse } from 'yaml';
import { MonitoringStack } from '../../../lib';
import { AwsCdkTarget } from '../../../lib/targets/aws-cdk';
import { defineMonitoring, prometheusSettings } from '../../../stacks/monitoring-definition';
import { ProdStack, prodSettings } from '../../../stacks/prod';
import { runTool, writeTempFiles } from '../../helpers/tools';
import { awsCdkEnvironment, cfnText, resourcesOfType } from './helpers';

// The shared definition (stacks/monitoring-definition.ts) with prod's settings, on both engines.
const cdktfProd = new ProdStack(Testing.app(), 'prod');
const cdktfFiles = cdktfProd.aws.renderedFiles();
const settings = prodSettings();
const { stack, monitoring, aws } = awsCdkEnvironment({ tags: { team: 'platform' }, logRetentionDays: 90 }, { prometheus: prometheusSettings(settings) });
defineMonitoring(monitoring as MonitoringStack, settings);
const template = Template.fromStack(stack);
const namespaces = Object.values(resourcesOfType(template, 'AWS::APS::RuleGroupsNamespace')).map((r) => r.Properties);
const [workspace] = Object.values(resourcesOfType(template, 'AWS::APS::Workspace')).map((r) => r.Properties);
const definitionText = cfnText(workspace.AlertManagerDefinition);
const definition = parse(definitionText) as { alertmanager_config: string; template_files?: Record<string, string> };

describe('AwsCdkTarget: the template carries the text the cdktf prod stack carries', () => {
  test('one rule groups namespace per rule group of the definition, each with the rule file of the cdktf AWS target', () => {
    const expected = Object.keys(cdktfFiles).filter((f) => f.startsWith('aws/amp/rules/'));
    expect(expected.length).toBeGreaterThan(1);
    template.resourceCountIs('AWS::APS::RuleGroupsNamespace', expected.length);
    for (const ns of namespaces) expect({ name: ns.Name, data: ns.Data }).toEqual({ name: ns.Name, data: cdktfFiles[`aws/amp/rules/${ns.Name}.yml`] });
  });

  test('the alert manager definition is the cdktf AWS target\'s file, topic ARNs built from the partition and account', () => {
    expect(definitionText).toBe(cdktfFiles['aws/amp/alert-manager-definition.yml']);
    expect(JSON.stringify(workspace.AlertManagerDefinition)).toContain('{"Ref":"AWS::AccountId"}');
  });

  test('renderedFiles() equals the cdktf AWS target\'s for every AMP file', () => {
    const files = aws.renderedFiles();
    const amp = (all: Record<string, string>) => Object.fromEntries(Object.entries(all).filter(([f]) => f.startsWith('aws/amp/')));
    expect(amp(files)).toEqual(amp(cdktfFiles));
  });
});

// The real programs judge what was extracted from the CloudFormation template.
describe('AwsCdkTarget: oracles on the template', () => {
  test('promtool check rules accepts the data of every AWS::APS::RuleGroupsNamespace', () => {
    const files = Object.fromEntries(namespaces.map((ns) => [`${ns.Name}.yml`, ns.Data as string]));
    const dir = writeTempFiles(files);
    const result = runTool('promtool', ['check', 'rules', ...Object.keys(files).map((f) => path.join(dir, f))]);
    expect(result.output).not.toContain('FAILED');
    expect(result.status).toBe(0);
  });

  test("amtool check-config accepts the alert manager definition's alertmanager_config, with its template files", () => {
    expect(typeof definition.alertmanager_config).toBe('string');
    const dir = writeTempFiles({ 'alertmanager.yml': definition.alertmanager_config, ...(definition.template_files ?? {}) });
    const result = runTool('amtool', ['check-config', path.join(dir, 'alertmanager.yml')]);
    expect(result.output).toContain('SUCCESS');
    expect(result.status).toBe(0);
  });

  test('and both refuse what is broken, so their acceptance means something', () => {
    const dir = writeTempFiles({
      'bad-rules.yml': namespaces[0].Data.replace(/expr: .*/, 'expr: rate(up[5m]'),
      'bad-am.yml': definition.alertmanager_config.replace(/receiver: \S+/, 'receiver: nobody'),
    });
    expect(runTool('promtool', ['check', 'rules', path.join(dir, 'bad-rules.yml')]).status).not.toBe(0);
    expect(runTool('amtool', ['check-config', path.join(dir, 'bad-am.yml')]).status).not.toBe(0);
  });
});

describe('AwsCdkTarget: managed scraper configuration', () => {
  test('the base64 ConfigurationBlob decodes to the scrape configuration promtool accepts, the same as the cdktf target renders', () => {
    const env = awsCdkEnvironment({ eksScrapers: [{ name: 'main', clusterArn: 'arn:aws:eks:eu-west-1:123456789012:cluster/main', subnetIds: ['subnet-0abc'] }] });
    defineMonitoring(env.monitoring, prodSettings());
    const [scraper] = Object.values(resourcesOfType(Template.fromStack(env.stack), 'AWS::APS::Scraper')).map((r) => r.Properties);
    const text = Buffer.from(scraper.ScrapeConfiguration.ConfigurationBlob, 'base64').toString('utf8');
    expect(text).toBe(env.aws.renderedFiles()['aws/scrapers/main/scrape-configuration.yml']);
    expect(text).toContain('job_name: api');
    const dir = writeTempFiles({ 'scrape.yml': text });
    const result = runTool('promtool', ['check', 'config', path.join(dir, 'scrape.yml')]);
    expect({ output: result.output, status: result.status }).toEqual({ output: expect.stringContaining('SUCCESS'), status: 0 });
  });
});

test('AwsCdkTarget keeps the definition\'s construct tree: same MonitoringStack path as cdktf prod', () => {
  expect(cdktfProd.monitoring.node.path).toBe('prod/monitoring');
  expect(monitoring.node.path).toBe('test/monitoring');
  expect(aws).toBeInstanceOf(AwsCdkTarget);
});
