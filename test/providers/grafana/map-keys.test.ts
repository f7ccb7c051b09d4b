// Map-typed attributes must reach Terraform with their keys untouched (hashicorp/terraform-cdk#2681).
// source: terraform-provider-grafana docs/index.md (`http_headers`, Map of String) and
// docs/resources/rule_group.md (`rule.labels`, `rule.annotations`, Map of String)
import * as fs from 'fs';
import * as path from 'path';
import { TerraformStack, Testing } from 'cdktf';
import { provider, ruleGroup } from '../../../lib/providers/grafana';
import { synthHcl, synthJson } from './helpers';

function build(stack: TerraformStack): void {
  new provider.GrafanaProvider(stack, 'grafana', { url: 'http://grafana:3000', httpHeaders: { 'X-Scope-OrgID': '1' } });
  new ruleGroup.RuleGroup(stack, 'rules', {
    name: 'availability',
    folderUid: 'monitoring',
    intervalSeconds: 60,
    rule: [
      {
        name: 'TargetDown',
        condition: 'A',
        labels: { team_Name: 'sre', severityLevel: 'page' },
        annotations: { runbook_url: 'https://runbooks/target-down', dashboardURL: 'https://grafana/d/x' },
        data: [{ refId: 'A', datasourceUid: 'prom', model: '{"expr":"up == 0"}', relativeTimeRange: { from: 600, to: 0 } }],
      },
    ],
  });
}

function assertKeysIntact(json: any): void {
  expect(json.provider.grafana[0].http_headers).toEqual({ 'X-Scope-OrgID': '1' });
  const rule = (Object.values(json.resource.grafana_rule_group)[0] as any).rule[0];
  expect(Object.keys(rule.labels).sort()).toEqual(['severityLevel', 'team_Name']);
  expect(rule.labels.team_Name).toBe('sre');
  expect(Object.keys(rule.annotations).sort()).toEqual(['dashboardURL', 'runbook_url']);
  expect(rule.annotations.runbook_url).toBe('https://runbooks/target-down');
  const text = JSON.stringify(json);
  for (const mangled of ['x_scope_org_id', 'team_name', 'severity_level', 'dashboard_url']) {
    expect(text).not.toContain(`"${mangled}"`);
  }
}

describe('map keys are not snake-cased', () => {
  test('in Testing.synth JSON', () => {
    assertKeysIntact(synthJson(build));
  });

  test('in the cdk.tf.json file a full synth writes', () => {
    const stack = new TerraformStack(Testing.app(), 'stack');
    build(stack);
    const outdir = Testing.fullSynth(stack);
    const file = path.join(outdir, 'stacks', 'stack', 'cdk.tf.json');
    assertKeysIntact(JSON.parse(fs.readFileSync(file, 'utf8')));
  });

  test('in HCL', () => {
    const hcl = synthHcl(build);
    expect(hcl).toMatch(/\n"?X-Scope-OrgID"?\s*=\s*"1"/);
    expect(hcl).toMatch(/\n"?team_Name"?\s*=\s*"sre"/);
    expect(hcl).toMatch(/\n"?runbook_url"?\s*=\s*"https:\/\/runbooks\/target-down"/);
    expect(hcl).not.toMatch(/x_scope_org_id|team_name|severity_level|dashboard_url/);
  });
});
