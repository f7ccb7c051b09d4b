import { invalid } from '../../model/errors';

/** An EKS cluster scraped by an AMP managed scraper (`aws_prometheus_scraper` on cdktf, `AWS::APS::Scraper` on AWS CDK). */
export interface EksScraperOptions {
  /** A short name: the `cluster` external label and part of the scraper alias (letters, digits, `-`, `_`, `.`). */
  readonly name: string;
  /** The cluster's ARN, `arn:aws:eks:<region>:<account>:cluster/<name>`. */
  readonly clusterArn: string;
  /** 1 to 5 subnets of the cluster's VPC the scraper's network interfaces go into. */
  readonly subnetIds: readonly string[];
  /** Up to 5 security groups for the scraper. @default - the VPC's default security group */
  readonly securityGroupIds?: readonly string[];
  /** Names of the environment's scrape jobs this scraper takes. @default - every job of the environment */
  readonly jobs?: readonly string[];
}

// EksConfiguration API reference (https://docs.aws.amazon.com/prometheus/latest/APIReference/API_EksConfiguration.html):
// clusterArn pattern, subnetIds 1–5 items matching subnet-[0-9a-z]+, securityGroupIds 1–5 items matching sg-[0-9a-z]+.
const CLUSTER_ARN = /^arn:aws[-a-z]*:eks:[-a-z0-9]+:[0-9]{12}:cluster\/.+$/;
const SUBNET = /^subnet-[0-9a-z]+$/;
const SECURITY_GROUP = /^sg-[0-9a-z]+$/;
/**
 * Scraper alias: kept to AMP's name character set `[0-9A-Za-z][-.0-9A-Z_a-z]*` (the pattern of scraper ids in the
 * DescribeScraper API reference) and 100 characters, a conservative reading; the CreateScraper page gives no pattern.
 */
const ALIAS = /^[0-9A-Za-z][-.0-9A-Z_a-z]{0,99}$/;

/**
 * Validates the options of one EKS scraper; `field` is e.g. `eksScrapers[0]`. Values that are tokens of the engine
 * (`isUnresolved`) are passed through.
 */
export function checkEksScraper(
  options: EksScraperOptions,
  environment: string,
  where: string,
  field: string,
  isUnresolved: (value: unknown) => boolean,
): void {
  if (!options || typeof options !== 'object') throw invalid(where, field, options, 'an object { name, clusterArn, subnetIds }');
  if (typeof options.name !== 'string' || !ALIAS.test(`${environment}-${options.name}`)) {
    throw invalid(where, `${field}.name`, options.name, 'a short name of letters, digits, "-", "_" and "." (the scraper alias is "<environment>-<name>", at most 100 characters)');
  }
  const here = `${field} (${options.name})`;
  if (!isUnresolved(options.clusterArn) && (typeof options.clusterArn !== 'string' || !CLUSTER_ARN.test(options.clusterArn))) {
    throw invalid(where, `${here}.clusterArn`, options.clusterArn, 'an EKS cluster ARN such as "arn:aws:eks:eu-west-1:123456789012:cluster/main"');
  }
  const subnets = options.subnetIds;
  if (!Array.isArray(subnets) || subnets.length === 0 || subnets.length > 5) {
    throw invalid(
      where,
      `${here}.subnetIds`,
      subnets,
      '1 to 5 subnet ids of the cluster\'s VPC ("subnet-..."): the AMP managed scraper runs network interfaces in the cluster\'s VPC and cannot be created without them',
    );
  }
  subnets.forEach((s, i) => {
    if (!isUnresolved(s) && (typeof s !== 'string' || !SUBNET.test(s))) throw invalid(where, `${here}.subnetIds[${i}]`, s, 'a subnet id such as "subnet-0abc123"');
  });
  const groups = options.securityGroupIds;
  if (groups !== undefined) {
    if (!Array.isArray(groups) || groups.length === 0 || groups.length > 5) {
      throw invalid(where, `${here}.securityGroupIds`, groups, '1 to 5 security group ids, or leave it out');
    }
    groups.forEach((g, i) => {
      if (!isUnresolved(g) && (typeof g !== 'string' || !SECURITY_GROUP.test(g))) throw invalid(where, `${here}.securityGroupIds[${i}]`, g, 'a security group id such as "sg-0abc123"');
    });
  }
}
