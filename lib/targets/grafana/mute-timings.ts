import { TimeIntervalOptions } from '../../model/time-intervals';
import type { MuteTimingConfig, MuteTimingIntervals } from '../../providers/grafana/mute-timing';

/**
 * A named time interval of the routing (Alertmanager's `time_intervals`) as a `grafana_mute_timing`: routes use it by
 * name as `mute_timings` or `active_timings`, as they use it in alertmanager.yml. Each period maps field for field;
 * Grafana, like Alertmanager, reads times in UTC unless a location is given.
 */
export function muteTimingFor(interval: TimeIntervalOptions): Omit<MuteTimingConfig, 'provider'> {
  return {
    name: interval.name,
    intervals: interval.periods.map(
      (p): MuteTimingIntervals => ({
        times: p.times?.map((t) => ({ start: t.start, end: t.end })),
        weekdays: p.weekdays ? [...p.weekdays] : undefined,
        daysOfMonth: p.daysOfMonth ? [...p.daysOfMonth] : undefined,
        months: p.months ? [...p.months] : undefined,
        years: p.years ? [...p.years] : undefined,
        location: p.location,
      }),
    ),
  };
}

/** The mute timing that routes to a discard receiver use: one empty interval, which mutes all the time. */
export function alwaysMuted(name: string): Omit<MuteTimingConfig, 'provider'> {
  return { name, intervals: [{}] };
}
