import { Discovery } from '../../lib';
import { buildScrapeJob } from '../../lib/model/scrape';
import { renderScrapeJob } from '../../lib/render/prometheus-config';
import { fileSdPath, renderFileSdFiles } from '../../lib/render/service-discovery';

const job = (extra: Record<string, unknown>) => buildScrapeJob({ jobName: 'batch:jobs', targets: [], ...extra }, 'W');

describe('rendering discovery', () => {
  test('one target file per Discovery.files({ targetGroups }), named after the job (numbered when there are several)', () => {
    const two = job({ discovery: [Discovery.files({ targetGroups: [{ targets: ['a:1'] }] }), Discovery.files({ paths: ['/srv/x.json'] }), Discovery.files({ targetGroups: [{ targets: ['b:2'], labels: { z: '1', a: '2' } }] })] });
    expect(renderFileSdFiles(two)).toEqual({
      'file_sd/batch_jobs-0.json': '[\n  {\n    "targets": [\n      "a:1"\n    ]\n  }\n]\n',
      'file_sd/batch_jobs-1.json': '[\n  {\n    "targets": [\n      "b:2"\n    ],\n    "labels": {\n      "a": "2",\n      "z": "1"\n    }\n  }\n]\n',
    });
    expect(renderScrapeJob(two).file_sd_configs).toEqual([{ files: ['file_sd/batch_jobs-0.json'] }, { files: ['/srv/x.json'] }, { files: ['file_sd/batch_jobs-1.json'] }]);
    expect(fileSdPath(job({ discovery: [Discovery.files({ targetGroups: [{ targets: ['a:1'] }] })] }), 0)).toBe('file_sd/batch_jobs.json');
  });

  test('a discovering job\'s labels become relabel rules for every target, with "$" kept literal', () => {
    const rendered = renderScrapeJob(job({ targets: ['static:1'], discovery: [Discovery.http({ url: 'http://sd/t' })], labels: { cost: '$5', team: 'a' } }));
    expect(rendered.static_configs).toEqual([{ targets: ['static:1'] }]);
    expect(rendered.relabel_configs).toEqual([{ target_label: 'cost', replacement: '$$5' }, { target_label: 'team', replacement: 'a' }]);
    // Without discovery, labels stay in static_configs as before.
    expect(renderScrapeJob(buildScrapeJob({ jobName: 'x', targets: ['a:1'], labels: { team: 'a' } }, 'W')).static_configs).toEqual([{ targets: ['a:1'], labels: { team: 'a' } }]);
  });

  test('kubernetes: namespaces and one selector for the role', () => {
    expect(renderScrapeJob(job({ discovery: [Discovery.kubernetes({ role: 'endpoints', fieldSelector: 'metadata.name=api' })] })).kubernetes_sd_configs).toEqual([
      { role: 'endpoints', selectors: [{ role: 'endpoints', field: 'metadata.name=api' }] },
    ]);
  });
});
