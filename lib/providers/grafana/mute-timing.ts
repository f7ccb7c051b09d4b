/**
 * Binding for the `grafana_mute_timing` resource of grafana/grafana `~> 4.45`
 * (schema: terraform-provider-grafana docs/resources/mute_timing.md).
 */
import * as cdktf from 'cdktf';
import { Construct } from 'constructs';
import {
  assertNotComplex,
  definedHcl,
  hclBlockList,
  hclBoolean,
  hclString,
  hclStringList,
  passThrough,
  resourceConfig,
} from './common';

/** A time-of-day range inside an interval (block `intervals.times`). */
export interface MuteTimingIntervalsTimes {
  /** Start of the range, `hh:mm`, included. Terraform: `start` (required). */
  readonly start: string;
  /** End of the range, `hh:mm`, excluded. Terraform: `end` (required). */
  readonly end: string;
}

export function muteTimingIntervalsTimesToTerraform(struct?: MuteTimingIntervalsTimes | cdktf.IResolvable): any {
  if (passThrough(struct)) {
    return struct;
  }
  assertNotComplex(struct);
  const s = struct as MuteTimingIntervalsTimes;
  return {
    start: cdktf.stringToTerraform(s.start),
    end: cdktf.stringToTerraform(s.end),
  };
}

export function muteTimingIntervalsTimesToHclTerraform(struct?: MuteTimingIntervalsTimes | cdktf.IResolvable): any {
  if (passThrough(struct)) {
    return struct;
  }
  assertNotComplex(struct);
  const s = struct as MuteTimingIntervalsTimes;
  return definedHcl({
    start: hclString(s.start),
    end: hclString(s.end),
  });
}

/**
 * One period during which notifications are muted (block `intervals`). Every field narrows the
 * period; an empty interval (`{}`) covers all the time.
 */
export interface MuteTimingIntervals {
  /** Time-of-day ranges (block `times`); the whole day when none. */
  readonly times?: MuteTimingIntervalsTimes[] | cdktf.IResolvable;
  /** Weekdays or weekday ranges, e.g. `monday` or `saturday:sunday`. Terraform: `weekdays`. */
  readonly weekdays?: string[];
  /**
   * Days of the month or ranges, 1 to 31, e.g. `1` or `14:16`; negative numbers count from the
   * month's end (`-1` is the last day). Terraform: `days_of_month`.
   */
  readonly daysOfMonth?: string[];
  /** Months or month ranges, by number or full name, e.g. `1:3`, `december`, `may:august`. Terraform: `months`. */
  readonly months?: string[];
  /** Years or year ranges, e.g. `2030` or `2025:2026`. Terraform: `years`. */
  readonly years?: string[];
  /** IANA time zone the times are read in, e.g. `Europe/Paris`. Terraform: `location`. */
  readonly location?: string;
}

export function muteTimingIntervalsToTerraform(struct?: MuteTimingIntervals | cdktf.IResolvable): any {
  if (passThrough(struct)) {
    return struct;
  }
  assertNotComplex(struct);
  const s = struct as MuteTimingIntervals;
  return {
    times: cdktf.listMapper(muteTimingIntervalsTimesToTerraform, true)(s.times),
    weekdays: cdktf.listMapper(cdktf.stringToTerraform, false)(s.weekdays),
    days_of_month: cdktf.listMapper(cdktf.stringToTerraform, false)(s.daysOfMonth),
    months: cdktf.listMapper(cdktf.stringToTerraform, false)(s.months),
    years: cdktf.listMapper(cdktf.stringToTerraform, false)(s.years),
    location: cdktf.stringToTerraform(s.location),
  };
}

export function muteTimingIntervalsToHclTerraform(struct?: MuteTimingIntervals | cdktf.IResolvable): any {
  if (passThrough(struct)) {
    return struct;
  }
  assertNotComplex(struct);
  const s = struct as MuteTimingIntervals;
  return definedHcl({
    times: hclBlockList(muteTimingIntervalsTimesToHclTerraform, s.times, 'MuteTimingIntervalsTimesList'),
    weekdays: hclStringList(s.weekdays),
    days_of_month: hclStringList(s.daysOfMonth),
    months: hclStringList(s.months),
    years: hclStringList(s.years),
    location: hclString(s.location),
  });
}

export interface MuteTimingConfig extends cdktf.TerraformMetaArguments {
  /** Name of the mute timing, referenced from notification policies. Terraform: `name` (required). */
  readonly name: string;
  /** The muted periods (block `intervals`); a single empty interval `{}` mutes all the time. */
  readonly intervals?: MuteTimingIntervals[] | cdktf.IResolvable;
  /**
   * Leave the mute timing editable outside Terraform. Terraform: `disable_provenance`.
   * @default false
   */
  readonly disableProvenance?: boolean | cdktf.IResolvable;
  /** Organization the mute timing belongs to; the provider's org is used when unset. Terraform: `org_id`. */
  readonly orgId?: string;
}

/** A mute timing of Grafana Alerting (`grafana_mute_timing`). */
export class MuteTiming extends cdktf.TerraformResource {
  /** The Terraform resource type. */
  public static readonly tfResourceType = 'grafana_mute_timing';

  /**
   * Generates an `import` block for an existing mute timing.
   * @param importFromId the mute timing name, or `orgID:name`
   */
  public static generateConfigForImport(
    scope: Construct,
    importToId: string,
    importFromId: string,
    provider?: cdktf.TerraformProvider,
  ): cdktf.ImportableResource {
    return new cdktf.ImportableResource(scope, importToId, {
      terraformResourceType: MuteTiming.tfResourceType,
      importId: importFromId,
      provider,
    });
  }

  private readonly _config: MuteTimingConfig;

  public constructor(scope: Construct, id: string, config: MuteTimingConfig) {
    super(scope, id, resourceConfig(MuteTiming.tfResourceType, config));
    this._config = config;
  }

  /** The Terraform ID of the mute timing. */
  public get id(): string {
    return this.getStringAttribute('id');
  }

  /** The mute timing's name, for `mute_timings`/`active_timings` of notification policies. */
  public get name(): string {
    return this.getStringAttribute('name');
  }

  protected synthesizeAttributes(): { [name: string]: any } {
    const c = this._config;
    return {
      name: cdktf.stringToTerraform(c.name),
      disable_provenance: cdktf.booleanToTerraform(c.disableProvenance),
      org_id: cdktf.stringToTerraform(c.orgId),
      intervals: cdktf.listMapper(muteTimingIntervalsToTerraform, true)(c.intervals),
    };
  }

  protected synthesizeHclAttributes(): { [name: string]: any } {
    const c = this._config;
    return definedHcl({
      name: hclString(c.name),
      disable_provenance: hclBoolean(c.disableProvenance),
      org_id: hclString(c.orgId),
      intervals: hclBlockList(muteTimingIntervalsToHclTerraform, c.intervals, 'MuteTimingIntervalsList'),
    });
  }
}
