import {
  checkAlertRuleTemplates,
  checkNotificationField,
  checkNotificationTemplateFile,
  checkRuleTemplate,
  notificationTemplateErrors,
  NotificationTemplateSource,
} from '../../lib/model/go-template-check';
import { Receiver } from '../../lib/model/receivers';
import { Secret } from '../../lib/model/secret';

const RULE = 'AlertGroup dev/monitoring/api-health, rule HighErrorRate';
const EXPECT_RULE =
  "expected Go template text that Prometheus can expand (text/template with Prometheus' functions such as humanize and " +
  'humanizePercentage, and $labels, $value, $externalLabels, $externalURL)';
const FIELD = 'AlertRouting dev/monitoring/routing, receiver team, slack';
const EXPECT_FIELD =
  "expected Go template text that Alertmanager can expand (text/template with Alertmanager's functions; . is the notification: " +
  '.Status, .Alerts, .CommonLabels, .CommonAnnotations, .GroupLabels, .ExternalURL)';
const ROUTING = 'AlertRouting dev/monitoring/routing';
const EXPECT_FILE =
  'expected a notification template file Alertmanager can load: {{ define "name" }}...{{ end }} blocks of Go text/template ' +
  "with Alertmanager's functions";

function ruleError(text: string, field = 'summary'): string | undefined {
  try {
    checkRuleTemplate(text, RULE, field);
    return undefined;
  } catch (e) {
    return (e as Error).message;
  }
}

function fieldError(text: string, field = 'title'): string | undefined {
  try {
    checkNotificationField(text, FIELD, field);
    return undefined;
  } catch (e) {
    return (e as Error).message;
  }
}

describe('alert annotations and labels: what Prometheus can expand', () => {
  test.each([
    '{{ humanizePercentage $value }}',
    '{{ .Labels.foo }}',
    '{{ $labels.instance }} of {{ $labels.job }} is down ({{ $value | humanize }})',
    '{{ $externalLabels.cluster }} {{ $externalURL }} {{ .ExternalURL }} {{ .Value }}',
    '{{ with query "up == 0" }}{{ . | first | value | humanize }}{{ end }}',
    '{{ range $k, $v := .Labels }}{{ $k }}={{ $v }} {{ end }}',
    '{{ define "t" }}{{ . }}{{ end }}{{ template "t" $labels.job }}',
    '{{ if gt $value 0.9 }}{{ printf "%.1f" $value }}{{ end }}',
    'no template at all',
  ])('%j is accepted', (text) => {
    expect(ruleError(text)).toBeUndefined();
  });

  test('an unclosed action (the issue: `{{ .Labels.foo`)', () => {
    expect(ruleError('{{ .Labels.foo')).toBe(`${RULE}, summary: Go template error at 1:1 in "{{ .Labels.foo": unclosed action; ${EXPECT_RULE}`);
  });

  test('a brace missing at the end (the issue: `{{ $labels.instance }`)', () => {
    expect(ruleError('{{ $labels.instance }')).toBe(
      `${RULE}, summary: Go template error at 1:21 in "{{ $labels.instance }": unexpected "}" in operand; ${EXPECT_RULE}`,
    );
  });

  test('a function Prometheus does not have, with the closest name', () => {
    expect(ruleError('{{ $value | humanise }}')).toBe(
      `${RULE}, summary: Go template error at 1:13 in "{{ $value | humanise }}": function "humanise" not defined; did you mean humanize?; ${EXPECT_RULE}`,
    );
  });

  test("an Alertmanager function in a Prometheus annotation", () => {
    expect(ruleError('{{ .Labels | toJson }}')).toBe(
      `${RULE}, summary: Go template error at 1:14 in "{{ .Labels | toJson }}": function "toJson" not defined: toJson is an Alertmanager template function, which Prometheus does not have; ${EXPECT_RULE}`,
    );
  });

  test('a variable Prometheus does not declare', () => {
    expect(ruleError('{{ $lables.job }}')).toBe(
      `${RULE}, summary: Go template error at 1:4 in "{{ $lables.job }}": undefined variable "$lables" ` +
        '(Prometheus declares $, $labels, $externalLabels, $externalURL, $value; declare others with {{ $name := ... }}); did you mean $labels?; ' +
        EXPECT_RULE,
    );
  });

  test('a field the alert data does not have', () => {
    expect(ruleError('{{ .labels.job }}')).toBe(
      `${RULE}, summary: Go template error at 1:4 in "{{ .labels.job }}": .labels does not exist: . is the alert's template data, ` +
        `whose fields are Labels, ExternalLabels, ExternalURL, Value; did you mean .Labels?; ${EXPECT_RULE}`,
    );
  });

  test('a field of a label value (a string)', () => {
    expect(ruleError('{{ $labels.job.name }}')).toBe(
      `${RULE}, summary: Go template error at 1:4 in "{{ $labels.job.name }}": $labels.job.name does not exist: $labels.job is a string, which has no fields; ${EXPECT_RULE}`,
    );
  });

  test('a template the text does not define', () => {
    expect(ruleError('{{ template "__subject" . }}')).toBe(
      `${RULE}, summary: Go template error at 1:13 in "{{ template \\"__subject\\" . }}": template "__subject" is not defined in this text ` +
        `(Prometheus expands each annotation on its own, with no shared templates); ${EXPECT_RULE}`,
    );
  });

  test('a long text is shown by the line of the error', () => {
    const text = 'Service {{ $labels.job }} is failing.\nValue: {{ $value | humanize }}\nRunbook: {{ $labels.runbook }';
    expect(ruleError(text, 'description')).toBe(
      `${RULE}, description: Go template error at 3:29 in line "Runbook: {{ $labels.runbook }": unexpected "}" in operand; ${EXPECT_RULE}`,
    );
  });

  test('every text of a rule is checked under its own field: labels and annotations too', () => {
    expect(() => checkAlertRuleTemplates({ labels: { team: '{{ $labels.team' } }, RULE)).toThrow(`${RULE}, labels.team: Go template error at 1:1`);
    expect(() => checkAlertRuleTemplates({ annotations: { dashboard: '{{ .Nope }}' } }, RULE)).toThrow(`${RULE}, annotations.dashboard: Go template error at 1:4`);
    expect(() => checkAlertRuleTemplates({ runbookUrl: 'https://runbooks.example.com/{{ $labels.alertname' }, RULE)).toThrow(`${RULE}, runbookUrl: Go template error at 1:30`);
  });
});

describe('receiver fields: what Alertmanager can expand', () => {
  test.each([
    '{{ template "__subject" . }}',
    '{{ template "slack.default.title" . }}',
    '[{{ .Status | toUpper }}] {{ .CommonLabels.alertname }} ({{ len .Alerts.Firing }} firing)',
    '{{ range .Alerts }}{{ .Labels.instance }}: {{ .Annotations.summary }} since {{ .StartsAt.Format "15:04" }}{{ end }}',
    '{{ range .Alerts.Firing }}{{ .Labels.foo }}{{ end }}',
    '{{ .CommonLabels.SortedPairs.Names | join ", " }} {{ (.CommonLabels.Remove (stringSlice "job")).Names }}',
    '{{ range $a := .Alerts }}{{ $a.Labels.job }}{{ end }} {{ $.Receiver }}',
    '{{ with index .Alerts 0 }}{{ .Labels.job }}{{ end }}',
  ])('%j is accepted', (text) => {
    expect(fieldError(text)).toBeUndefined();
  });

  test('.Labels at the top, where . is the whole notification', () => {
    expect(fieldError('{{ .Labels.foo }}')).toBe(
      `${FIELD}, title: Go template error at 1:4 in "{{ .Labels.foo }}": .Labels does not exist: . is the notification data (Alertmanager's template.Data), ` +
        'whose fields are Receiver, Status, Alerts, NotificationReason, GroupLabels, CommonLabels, CommonAnnotations, RouteLabels, ExternalURL; ' +
        `here . is the whole notification: use .CommonLabels, or .Labels inside {{ range .Alerts }}...{{ end }}; ${EXPECT_FIELD}`,
    );
  });

  test('a field of the alert list', () => {
    expect(fieldError('{{ .Alerts.Labels }}')).toBe(
      `${FIELD}, title: Go template error at 1:4 in "{{ .Alerts.Labels }}": .Alerts.Labels does not exist: .Alerts is a list (Alerts) whose methods are Firing, Resolved; ` +
        `take its elements with {{ range .Alerts }}...{{ end }} or {{ index .Alerts 0 }}; ${EXPECT_FIELD}`,
    );
  });

  test('a Prometheus function in a notification', () => {
    expect(fieldError('{{ .CommonAnnotations.value | humanizePercentage }}', 'text')).toBe(
      `${FIELD}, text: Go template error at 1:31 in "{{ .CommonAnnotations.value | humanizePercentage }}": function "humanizePercentage" not defined: ` +
        `humanizePercentage is a Prometheus template function, which Alertmanager does not have; ${EXPECT_FIELD}`,
    );
  });

  test('a syntax error', () => {
    expect(fieldError('{{ range .Alerts }}{{ .Labels.job }}')).toBe(`${FIELD}, title: Go template error at 1:37 in "{{ range .Alerts }}{{ .Labels.job }}": unexpected EOF; ${EXPECT_FIELD}`);
  });

  test("every templated field of every integration is checked (Receiver.validate)", () => {
    const slack = Receiver.slack('team', { apiUrl: Secret.fromVariable('slack_url'), title: '{{ .Status' });
    expect(() => slack.validate(ROUTING)).toThrow(`${ROUTING}, receiver team, slack, title: Go template error at 1:1 in "{{ .Status": unclosed action`);
    const email = Receiver.email('mail', { to: 'ops@example.com', from: 'am@example.com', smarthost: 'smtp:587', subject: '{{ .Nope }}' });
    expect(() => email.validate(ROUTING)).toThrow(`${ROUTING}, receiver mail, email, subject: Go template error at 1:4`);
    const opsgenie = Receiver.opsgenie('og', { apiKey: Secret.fromVariable('og'), responders: [{ type: 'team', name: '{{ .CommonLabels.team' }] });
    expect(() => opsgenie.validate(ROUTING)).toThrow(`${ROUTING}, receiver og, opsgenie, responders[0].name: Go template error at 1:1`);
  });
});

describe('notification template files', () => {
  test('a file of defines is accepted', () => {
    expect(() =>
      checkNotificationTemplateFile('{{ define "slack.title" }}[{{ .Status | toUpper }}] {{ .CommonLabels.alertname }}{{ end }}', ROUTING, 'templates.slack'),
    ).not.toThrow();
  });

  test('an unclosed action in a define (the issue)', () => {
    expect(() => checkNotificationTemplateFile('{{ define "slack.title" }}\n{{ .CommonLabels.alertname\n{{ end }}', ROUTING, 'templates.slack')).toThrow(
      // Go reads on across the newline (actions may span lines since Go 1.16) and stops at the next `{{`.
      `${ROUTING}, templates.slack: Go template error at 3:1 in line "{{ end }}": unexpected "{" in operand; ${EXPECT_FILE}`,
    );
  });

  test('a file that defines nothing is never used', () => {
    expect(() => checkNotificationTemplateFile('[{{ .Status }}] {{ .CommonLabels.alertname }}', ROUTING, 'templates.slack')).toThrow(
      `${ROUTING}, templates.slack: defines no template: Alertmanager only uses a file's {{ define "name" }} blocks, which receivers call with {{ template "name" . }}; ${EXPECT_FILE}`,
    );
  });
});

describe('across the environment, at synth: template calls and the Alertmanager version', () => {
  const slack = (title: string) => Receiver.slack('team', { apiUrl: Secret.fromVariable('slack_url'), title });

  test('a call of a template nobody defines (the issue: `{{ template "slack.title" . }}`)', () => {
    const errors = notificationTemplateErrors([{ declaredBy: ROUTING, receivers: [slack('{{ template "slack.title" . }}')], templates: {} }], 28);
    expect(errors.map((e) => e.message)).toEqual([
      `${ROUTING}, receiver team, slack, title: Go template error at 1:13 in "{{ template \\"slack.title\\" . }}": template "slack.title" is not defined: ` +
        'no template file of the environment defines it and Alertmanager has no default of that name; did you mean "slack.default.title"?; ' +
        'expected the name of a template defined with {{ define "name" }} in AlertRouting templates (defined: none) or of an Alertmanager default such as "__subject" or "slack.default.title"',
    ]);
  });

  test('a template defined by another AlertRouting, and the defaults, are found', () => {
    const routings: NotificationTemplateSource[] = [
      { declaredBy: ROUTING, receivers: [slack('{{ template "team.title" . }} {{ template "__subject" . }}')], templates: {} },
      { declaredBy: 'AlertRouting dev/monitoring/templates', receivers: [], templates: { team: '{{ define "team.title" }}{{ template "__subject" . }}{{ end }}' } },
    ];
    expect(notificationTemplateErrors(routings, 28)).toEqual([]);
  });

  test('a call inside a template file is checked too', () => {
    const routings = [{ declaredBy: ROUTING, receivers: [], templates: { team: '{{ define "team.title" }}{{ template "team.subject" . }}{{ end }}' } }];
    expect(notificationTemplateErrors(routings, 28).map((e) => e.message)[0]).toContain(
      `${ROUTING}, templates.team: Go template error at 1:38 in "{{ define \\"team.title\\" }}{{ template \\"team.subject\\" . }}{{ end }}": template "team.subject" is not defined`,
    );
  });

  test('a function newer than alertmanager.version', () => {
    const routings = [{ declaredBy: ROUTING, receivers: [slack('{{ .CommonLabels | toJson }}')], templates: {} }];
    expect(notificationTemplateErrors(routings, 28).map((e) => e.message)).toEqual([
      `${ROUTING}, receiver team, slack, title: Go template error at 1:20 in "{{ .CommonLabels | toJson }}": the template function toJson came in Alertmanager 0.30, ` +
        'and alertmanager.version is "0.28"; expected a template without it, or alertmanager.version "0.30" or newer (when every Alertmanager that loads the file is that new)',
    ]);
    expect(notificationTemplateErrors(routings, 30)).toEqual([]);
  });

  test('a data field newer than alertmanager.version', () => {
    const routings = [{ declaredBy: ROUTING, receivers: [slack('{{ .NotificationReason }}')], templates: {} }];
    expect(notificationTemplateErrors(routings, 31).map((e) => e.message)[0]).toContain('the field .NotificationReason came in Alertmanager 0.32, and alertmanager.version is "0.31"');
  });
});
