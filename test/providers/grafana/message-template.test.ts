// source: terraform-provider-grafana docs/resources/message_template.md (v4.45.1)
import { messageTemplate } from '../../../lib/providers/grafana';
import { attributeNames, onlyResource, synthHcl, synthJson, synthesizedBoth } from './helpers';

const template = '{{ define "custom.title" }}[{{ .Status | toUpper }}] {{ .CommonLabels.alertname }}{{ end }}';

describe('grafana_message_template', () => {
  test('emits every documented argument under its snake_case name', () => {
    const r = onlyResource(
      synthJson(
        (stack) =>
          new messageTemplate.MessageTemplate(stack, 't', { name: 'custom', template, disableProvenance: true, orgId: '1' }),
      ),
      'grafana_message_template',
    );
    // name, template (required); disable_provenance, org_id (optional)
    expect(attributeNames(r)).toEqual(['disable_provenance', 'name', 'org_id', 'template']);
    expect(r).toEqual({ name: 'custom', template, disable_provenance: true, org_id: '1' });
  });

  test('matches with the cdktf jest matcher; name is a reference', () => {
    const out = JSON.stringify(
      synthJson((stack) => {
        const t = new messageTemplate.MessageTemplate(stack, 't', { name: 'custom', template });
        new messageTemplate.MessageTemplate(stack, 'u', { name: 'other', template: `${t.name} ${t.id}` });
      }),
    );
    expect(out).toHaveResourceWithProperties(messageTemplate.MessageTemplate, {
      template: '${grafana_message_template.t.name} ${grafana_message_template.t.id}',
    });
  });

  test('synthesizeHclAttributes returns the same attributes as synthesizeAttributes', () => {
    let both: ReturnType<typeof synthesizedBoth> | undefined;
    synthJson((stack) => {
      both = synthesizedBoth(
        new messageTemplate.MessageTemplate(stack, 't', { name: 'custom', template, disableProvenance: false, orgId: '1' }),
      );
    });
    expect(both!.hcl).toEqual(both!.json);
    expect(Object.keys(both!.hcl).sort()).toEqual(['disable_provenance', 'name', 'org_id', 'template']);
  });

  test('synthesizes to HCL', () => {
    const hcl = synthHcl((stack) => new messageTemplate.MessageTemplate(stack, 't', { name: 'custom', template }));
    expect(hcl).toContain('resource "grafana_message_template" "t"');
    expect(hcl).toMatch(/template\s*=/);
  });
});
