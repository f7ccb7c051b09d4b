// source: terraform-provider-grafana docs/resources/folder.md (v4.45.1)
import { folder } from '../../../lib/providers/grafana';
import { attributeNames, onlyResource, synthHcl, synthJson, synthesizedBoth } from './helpers';

describe('grafana_folder', () => {
  const full: folder.FolderConfig = {
    title: 'Monitoring',
    uid: 'monitoring',
    parentFolderUid: 'platform',
    preventDestroyIfNotEmpty: true,
    orgId: '2',
  };

  test('emits every documented argument under its snake_case name', () => {
    const json = synthJson((stack) => new folder.Folder(stack, 'f', full));
    const r = onlyResource(json, 'grafana_folder');
    // title (required); uid, parent_folder_uid, prevent_destroy_if_not_empty, org_id (optional)
    expect(attributeNames(r)).toEqual(['org_id', 'parent_folder_uid', 'prevent_destroy_if_not_empty', 'title', 'uid']);
    expect(r).toEqual({
      title: 'Monitoring',
      uid: 'monitoring',
      parent_folder_uid: 'platform',
      prevent_destroy_if_not_empty: true,
      org_id: '2',
    });
  });

  test('omits unset optional arguments', () => {
    const synthesized = synthJson((stack) => new folder.Folder(stack, 'f', { title: 'T' }));
    expect(attributeNames(onlyResource(synthesized, 'grafana_folder'))).toEqual(['title']);
  });

  test('matches with the cdktf jest matcher', () => {
    const out = JSON.stringify(synthJson((stack) => new folder.Folder(stack, 'f', full)));
    expect(out).toHaveResourceWithProperties(folder.Folder, { title: 'Monitoring', parent_folder_uid: 'platform' });
    expect(folder.Folder.tfResourceType).toBe('grafana_folder');
  });

  test('computed attributes are references', () => {
    const json = synthJson((stack) => {
      const f = new folder.Folder(stack, 'f', { title: 'T' });
      new folder.Folder(stack, 'child', { title: 'C', parentFolderUid: f.uid });
      new folder.Folder(stack, 'other', { title: `${f.url} ${f.id}` });
    });
    const all = Object.values(json.resource.grafana_folder) as any[];
    expect(all.find((r) => r.title === 'C').parent_folder_uid).toMatch(/^\$\{grafana_folder\.f\.uid\}$/);
    expect(all.some((r) => r.title === '${grafana_folder.f.url} ${grafana_folder.f.id}')).toBe(true);
  });

  test('synthesizeHclAttributes returns the same attributes as synthesizeAttributes', () => {
    let both: ReturnType<typeof synthesizedBoth> | undefined;
    synthJson((stack) => {
      both = synthesizedBoth(new folder.Folder(stack, 'f', full));
    });
    expect(both!.hcl).toEqual(both!.json);
    expect(Object.keys(both!.hcl).sort()).toEqual(['org_id', 'parent_folder_uid', 'prevent_destroy_if_not_empty', 'title', 'uid']);
  });

  test('synthesizes to HCL', () => {
    const hcl = synthHcl((stack) => new folder.Folder(stack, 'f', full));
    expect(hcl).toContain('resource "grafana_folder" "f"');
    expect(hcl).toMatch(/parent_folder_uid\s*=\s*"platform"/);
    expect(hcl).toMatch(/prevent_destroy_if_not_empty\s*=\s*true/);
  });
});
