import { Lazy } from 'cdktf';
import { Construct } from 'constructs';
import { PrometheusScraper } from '@cdktf/provider-aws/lib/prometheus-scraper';
import { AwsProvider } from '@cdktf/provider-aws/lib/provider';
import { EksScraperOptions } from '../aws-shared/eks-scraper-options';

/** Props of {@link EksScraper}. */
export interface EksScraperProps {
  readonly options: EksScraperOptions;
  readonly provider: AwsProvider;
  readonly environment: string;
  readonly workspaceArn: string;
  readonly tags: Readonly<Record<string, string>>;
  /** The scrape configuration, Terraform-ready (read at synth). */
  readonly configuration: () => string;
}

/** An AMP managed scraper for one EKS cluster, writing into the environment's workspace. */
export class EksScraper extends Construct {
  public readonly scraper: PrometheusScraper;

  constructor(scope: Construct, id: string, props: EksScraperProps) {
    super(scope, id);
    const o = props.options;
    this.scraper = new PrometheusScraper(this, 'scraper', {
      provider: props.provider,
      alias: `${props.environment}-${o.name}`,
      source: [{ eks: [{ clusterArn: o.clusterArn, subnetIds: [...o.subnetIds], securityGroupIds: o.securityGroupIds ? [...o.securityGroupIds] : undefined }] }],
      destination: [{ amp: [{ workspaceArn: props.workspaceArn }] }],
      scrapeConfiguration: Lazy.stringValue({ produce: () => props.configuration() }),
      tags: { ...props.tags },
    });
  }
}
