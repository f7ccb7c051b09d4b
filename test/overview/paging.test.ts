import { Testing } from 'cdktf';
import { FILES } from '../../lib/model/layout';
import { buildPagingReport } from '../../lib/model/paging';
import { DevStack } from '../../stacks/dev';
import { ProdStack } from '../../stacks/prod';
import { allEnvironments } from '../oracles/environments';
import { amtoolReceivers, writeAlertmanagerConfig } from './amtool';

describe.each(allEnvironments())('paging of $name', ({ monitoring }) => {
  const files = monitoring.renderedFiles();
  const report = buildPagingReport(monitoring.model, { targetKinds: monitoring.targets.map((t) => t.kind) });

  test('lists every alerting rule of every Prometheus and Loki rule group', () => {
    const groups = [...monitoring.model.ruleGroups, ...monitoring.model.lokiRuleGroups];
    const alerts = groups.flatMap((g) => g.rules.filter((r) => r.kind === 'alert').map((r) => `${g.name}/${r.kind === 'alert' ? r.alert : ''}`));
    expect(alerts.length).toBeGreaterThan(0);
    expect(report.entries.map((e) => `${e.group}/${e.rule.alert}`).sort()).toEqual(alerts.sort());
    for (const e of report.entries) expect(files[FILES.overviewPaging]).toContain(`| **${e.rule.alert}** | ${e.group} |`);
  });

  test('the walk agrees with amtool config routes test for every alerting rule', () => {
    const config = writeAlertmanagerConfig(files[FILES.alertmanagerConfig]);
    const seen = new Set<string>();
    let checked = 0;
    for (const entry of report.entries) {
      if (entry.sentBy === 'none') continue;
      const key = JSON.stringify(entry.labels);
      if (seen.has(key)) continue;
      seen.add(key);
      const walked = entry.routes.map((r) => r.receiver);
      expect({ alert: entry.rule.alert, labels: entry.labels, receivers: walked }).toEqual({
        alert: entry.rule.alert,
        labels: entry.labels,
        receivers: amtoolReceivers(config, entry.labels),
      });
      checked++;
    }
    expect(checked).toBeGreaterThan(0);
  }, 120_000);
});

describe('paging.md', () => {
  test('dev', () => {
    expect(new DevStack(Testing.app(), 'dev').monitoring.renderedFiles()[FILES.overviewPaging]).toMatchSnapshot();
  });

  test('prod', () => {
    expect(new ProdStack(Testing.app(), 'prod').monitoring.renderedFiles()[FILES.overviewPaging]).toMatchSnapshot();
  });
});
