// source: terraform-provider-grafana docs/resources/dashboard.md (v4.45.1)
import { dashboard, folder } from '../../../lib/providers/grafana';
import { attributeNames, onlyResource, synthHcl, synthJson, synthesizedBoth } from './helpers';

const model = { uid: 'node', title: 'Node', panels: [] as unknown[], schemaVersion: 39 };

describe('grafana_dashboard', () => {
  test('emits every documented argument under its snake_case name', () => {
    const r = onlyResource(
      synthJson(
        (stack) =>
          new dashboard.Dashboard(stack, 'd', {
            configJson: JSON.stringify(model),
            folder: 'monitoring',
            overwrite: true,
            message: 'managed by cdktf',
            orgId: '3',
          }),
      ),
      'grafana_dashboard',
    );
    // config_json (required); folder, overwrite, message, org_id (optional)
    expect(attributeNames(r)).toEqual(['config_json', 'folder', 'message', 'org_id', 'overwrite']);
    expect(r).toEqual({
      config_json: JSON.stringify(model),
      folder: 'monitoring',
      overwrite: true,
      message: 'managed by cdktf',
      org_id: '3',
    });
  });

  test('references a folder and exposes its computed attributes', () => {
    const out = synthJson((stack) => {
      const f = new folder.Folder(stack, 'f', { title: 'F' });
      const d = new dashboard.Dashboard(stack, 'd', { configJson: '{}', folder: f.uid });
      new dashboard.Dashboard(stack, 'd2', {
        configJson: '{}',
        message: `${d.uid} ${d.url} ${d.id} ${d.dashboardId} ${d.version}`,
      });
    });
    const all = Object.values(out.resource.grafana_dashboard) as any[];
    expect(all[0].folder).toBe('${grafana_folder.f.uid}');
    expect(all[1].message).toBe(
      '${grafana_dashboard.d.uid} ${grafana_dashboard.d.url} ${grafana_dashboard.d.id} ${grafana_dashboard.d.dashboard_id} ${grafana_dashboard.d.version}',
    );
    expect(JSON.stringify(out)).toHaveResourceWithProperties(dashboard.Dashboard, { folder: '${grafana_folder.f.uid}' });
  });

  test('synthesizeHclAttributes returns the same attributes as synthesizeAttributes', () => {
    let both: ReturnType<typeof synthesizedBoth> | undefined;
    synthJson((stack) => {
      both = synthesizedBoth(
        new dashboard.Dashboard(stack, 'd', { configJson: '{}', folder: 'x', overwrite: false, message: 'm', orgId: '1' }),
      );
    });
    expect(both!.hcl).toEqual(both!.json);
    expect(Object.keys(both!.hcl).sort()).toEqual(['config_json', 'folder', 'message', 'org_id', 'overwrite']);
  });

  test('synthesizes to HCL', () => {
    const hcl = synthHcl((stack) => new dashboard.Dashboard(stack, 'd', { configJson: JSON.stringify(model), overwrite: true }));
    expect(hcl).toContain('resource "grafana_dashboard" "d"');
    expect(hcl).toMatch(/config_json\s*=/);
    expect(hcl).toMatch(/overwrite\s*=\s*true/);
  });
});
