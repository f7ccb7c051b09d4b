// source: terraform-provider-grafana docs/resources/mute_timing.md (v4.45.1)
import { muteTiming } from '../../../lib/providers/grafana';
import { attributeNames, onlyResource, synthHcl, synthJson, synthesizedBoth } from './helpers';

const full: muteTiming.MuteTimingConfig = {
  name: 'weekends',
  disableProvenance: true,
  orgId: '1',
  intervals: [
    {
      times: [
        { start: '00:00', end: '08:00' },
        { start: '20:00', end: '23:59' },
      ],
      weekdays: ['saturday', 'sunday'],
      daysOfMonth: ['1:7', '-1'],
      months: ['1:3', 'december'],
      years: ['2030', '2025:2026'],
      location: 'Europe/Paris',
    },
  ],
};

describe('grafana_mute_timing', () => {
  test('emits every documented argument and block under its snake_case name', () => {
    const r = onlyResource(synthJson((stack) => new muteTiming.MuteTiming(stack, 'm', full)), 'grafana_mute_timing');
    // name (required); disable_provenance, org_id, intervals (block list) optional
    expect(attributeNames(r)).toEqual(['disable_provenance', 'intervals', 'name', 'org_id']);
    // intervals: times (block list {start, end}), weekdays, days_of_month, months, years, location
    expect(r.intervals).toHaveLength(1);
    expect(attributeNames(r.intervals[0])).toEqual(['days_of_month', 'location', 'months', 'times', 'weekdays', 'years']);
    expect(r.intervals[0]).toEqual({
      times: [
        { start: '00:00', end: '08:00' },
        { start: '20:00', end: '23:59' },
      ],
      weekdays: ['saturday', 'sunday'],
      days_of_month: ['1:7', '-1'],
      months: ['1:3', 'december'],
      years: ['2030', '2025:2026'],
      location: 'Europe/Paris',
    });
  });

  test('an empty interval (mute all the time) synthesizes as an empty block', () => {
    const r = onlyResource(
      synthJson((stack) => new muteTiming.MuteTiming(stack, 'm', { name: 'always', intervals: [{}] })),
      'grafana_mute_timing',
    );
    expect(r).toEqual({ name: 'always', intervals: [{}] });
    const hcl = synthHcl((stack) => new muteTiming.MuteTiming(stack, 'm', { name: 'always', intervals: [{}] }));
    expect(hcl).toMatch(/intervals\s*\{\s*\}/);
  });

  test('matches with the cdktf jest matcher; name is a reference', () => {
    const out = JSON.stringify(
      synthJson((stack) => {
        const m = new muteTiming.MuteTiming(stack, 'm', full);
        new muteTiming.MuteTiming(stack, 'n', { name: `${m.name}-copy` });
      }),
    );
    expect(out).toHaveResourceWithProperties(muteTiming.MuteTiming, { name: '${grafana_mute_timing.m.name}-copy' });
    expect(out).toHaveResourceWithProperties(muteTiming.MuteTiming, {
      name: 'weekends',
      intervals: [expect.objectContaining({ weekdays: ['saturday', 'sunday'] })],
    });
  });

  test('synthesizeHclAttributes returns the same attributes and blocks as synthesizeAttributes', () => {
    let both: ReturnType<typeof synthesizedBoth> | undefined;
    synthJson((stack) => {
      both = synthesizedBoth(new muteTiming.MuteTiming(stack, 'm', full));
    });
    expect(both!.hcl).toEqual(both!.json);
    expect(both!.hcl.intervals[0].times).toHaveLength(2);
  });

  test('synthesizes nested blocks to HCL', () => {
    const hcl = synthHcl((stack) => new muteTiming.MuteTiming(stack, 'm', full));
    expect(hcl).toContain('resource "grafana_mute_timing" "m"');
    expect(hcl.match(/times\s*\{/g)).toHaveLength(2);
    expect(hcl).toMatch(/days_of_month\s*=\s*\[/);
    expect(hcl).toMatch(/location\s*=\s*"Europe\/Paris"/);
  });
});
