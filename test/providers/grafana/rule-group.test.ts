// source: terraform-provider-grafana docs/resources/rule_group.md (v4.45.1)
import { folder, ruleGroup } from '../../../lib/providers/grafana';
import { attributeNames, onlyResource, synthHcl, synthJson, synthesizedBoth } from './helpers';

const query: ruleGroup.RuleGroupRuleData = {
  refId: 'A',
  datasourceUid: 'prom',
  queryType: 'range',
  model: JSON.stringify({ expr: 'up == 0', refId: 'A' }),
  relativeTimeRange: { from: 600, to: 0 },
};
const threshold: ruleGroup.RuleGroupRuleData = {
  refId: 'B',
  datasourceUid: '-100',
  model: JSON.stringify({ type: 'threshold', expression: 'A', refId: 'B' }),
  relativeTimeRange: { from: 0, to: 0 },
};
const alertRule: ruleGroup.RuleGroupRule = {
  name: 'TargetDown',
  uid: 'target-down',
  condition: 'B',
  for: '5m',
  keepFiringFor: '2m',
  noDataState: 'OK',
  execErrState: 'Error',
  missingSeriesEvalsToResolve: 3,
  isPaused: false,
  labels: { severity: 'critical', team_Name: 'sre' },
  annotations: { summary: '{{ $labels.instance }} is down', runbook_url: 'https://runbooks/target-down', __dashboardUid__: 'node', __panelId__: '2' },
  data: [query, threshold],
  notificationSettings: {
    contactPoint: 'oncall',
    groupBy: ['alertname', 'grafana_folder', 'instance'],
    groupWait: '30s',
    groupInterval: '5m',
    repeatInterval: '4h',
    muteTimings: ['weekends'],
    activeTimings: ['business-hours'],
  },
};
const recordingRule: ruleGroup.RuleGroupRule = {
  name: 'up:sum',
  data: [query],
  record: { metric: 'up:sum', from: 'A', targetDatasourceUid: 'mimir' },
};

function synthGroup(config: Partial<ruleGroup.RuleGroupConfig> = {}): any {
  return onlyResource(
    synthJson(
      (stack) =>
        new ruleGroup.RuleGroup(stack, 'rg', {
          name: 'availability',
          folderUid: 'monitoring',
          intervalSeconds: 60,
          disableProvenance: true,
          orgId: '1',
          rule: [alertRule, recordingRule],
          ...config,
        }),
    ),
    'grafana_rule_group',
  );
}

describe('grafana_rule_group', () => {
  test('emits every documented group argument under its snake_case name', () => {
    const r = synthGroup();
    // name, folder_uid, interval_seconds, rule (required); disable_provenance, org_id (optional)
    expect(attributeNames(r)).toEqual(['disable_provenance', 'folder_uid', 'interval_seconds', 'name', 'org_id', 'rule']);
    expect(r).toMatchObject({ name: 'availability', folder_uid: 'monitoring', interval_seconds: 60, disable_provenance: true, org_id: '1' });
  });

  test('emits every documented rule argument and block', () => {
    const rule = synthGroup().rule[0];
    expect(attributeNames(rule)).toEqual(
      [
        'annotations',
        'condition',
        'data',
        'exec_err_state',
        'for',
        'is_paused',
        'keep_firing_for',
        'labels',
        'missing_series_evals_to_resolve',
        'name',
        'no_data_state',
        'notification_settings',
        'uid',
      ].sort(),
    );
    expect(rule).toMatchObject({
      name: 'TargetDown',
      uid: 'target-down',
      condition: 'B',
      for: '5m',
      keep_firing_for: '2m',
      no_data_state: 'OK',
      exec_err_state: 'Error',
      missing_series_evals_to_resolve: 3,
      is_paused: false,
    });
  });

  test('labels and annotations keep their keys verbatim', () => {
    const rule = synthGroup().rule[0];
    expect(rule.labels).toEqual({ severity: 'critical', team_Name: 'sre' });
    expect(rule.annotations).toEqual({
      summary: '{{ $labels.instance }} is down',
      runbook_url: 'https://runbooks/target-down',
      __dashboardUid__: 'node',
      __panelId__: '2',
    });
  });

  test('data is a block list; relative_time_range is a single nested block object', () => {
    const rule = synthGroup().rule[0];
    expect(rule.data).toEqual([
      {
        ref_id: 'A',
        datasource_uid: 'prom',
        query_type: 'range',
        model: JSON.stringify({ expr: 'up == 0', refId: 'A' }),
        relative_time_range: { from: 600, to: 0 },
      },
      {
        ref_id: 'B',
        datasource_uid: '-100',
        model: JSON.stringify({ type: 'threshold', expression: 'A', refId: 'B' }),
        relative_time_range: { from: 0, to: 0 },
      },
    ]);
  });

  test('notification_settings and record are single nested block objects', () => {
    const [alert, recording] = synthGroup().rule;
    expect(alert.notification_settings).toEqual({
      contact_point: 'oncall',
      group_by: ['alertname', 'grafana_folder', 'instance'],
      group_wait: '30s',
      group_interval: '5m',
      repeat_interval: '4h',
      mute_timings: ['weekends'],
      active_timings: ['business-hours'],
    });
    expect(recording.record).toEqual({ metric: 'up:sum', from: 'A', target_datasource_uid: 'mimir' });
    expect(attributeNames(recording)).toEqual(['data', 'name', 'record']);
  });

  test('matches with the cdktf jest matcher and references a folder', () => {
    const out = JSON.stringify(
      synthJson((stack) => {
        const f = new folder.Folder(stack, 'f', { title: 'Alerts' });
        const rg = new ruleGroup.RuleGroup(stack, 'rg', { name: 'g', folderUid: f.uid, intervalSeconds: 60, rule: [recordingRule] });
        new ruleGroup.RuleGroup(stack, 'rg2', { name: `${rg.name}-2 ${rg.id}`, folderUid: f.uid, intervalSeconds: 60, rule: [recordingRule] });
      }),
    );
    expect(out).toHaveResourceWithProperties(ruleGroup.RuleGroup, { name: 'g', folder_uid: '${grafana_folder.f.uid}' });
    expect(out).toHaveResourceWithProperties(ruleGroup.RuleGroup, { name: '${grafana_rule_group.rg.name}-2 ${grafana_rule_group.rg.id}' });
  });

  test('synthesizeHclAttributes returns the same attributes and blocks as synthesizeAttributes', () => {
    let both: ReturnType<typeof synthesizedBoth> | undefined;
    synthJson((stack) => {
      both = synthesizedBoth(
        new ruleGroup.RuleGroup(stack, 'rg', { name: 'g', folderUid: 'f', intervalSeconds: 60, rule: [alertRule, recordingRule] }),
      );
    });
    expect(both!.hcl).toEqual(both!.json);
    expect(both!.hcl.rule[0].data[0].relative_time_range).toEqual({ from: 600, to: 0 });
    expect(both!.hcl.rule[0].labels).toEqual({ severity: 'critical', team_Name: 'sre' });
  });

  test('synthesizes nested blocks to HCL', () => {
    const hcl = synthHcl(
      (stack) => new ruleGroup.RuleGroup(stack, 'rg', { name: 'g', folderUid: 'f', intervalSeconds: 60, rule: [alertRule, recordingRule] }),
    );
    expect(hcl.match(/\n\s*rule\s*\{/g)).toHaveLength(2);
    expect(hcl.match(/\n\s*data\s*\{/g)).toHaveLength(3);
    expect(hcl.match(/relative_time_range\s*\{/g)).toHaveLength(3);
    expect(hcl).toMatch(/notification_settings\s*\{/);
    expect(hcl).toMatch(/record\s*\{/);
    expect(hcl).toMatch(/team_Name\s*=\s*"sre"/);
    expect(hcl).toMatch(/runbook_url\s*=\s*"https:\/\/runbooks\/target-down"/);
  });
});
