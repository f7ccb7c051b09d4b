import { Testing } from 'cdktf';
import { PrometheusScraper } from '@cdktf/provider-aws/lib/prometheus-scraper';
import { ServiceScrape } from '../../../lib';
import { awsEnvironment, onlyResource } from './helpers';

describe('AwsManagedTarget: AMP managed scraper for EKS', () => {
  const { stack, monitoring, aws } = awsEnvironment({
    eksScrapers: [
      {
        name: 'main',
        clusterArn: 'arn:aws:eks:eu-west-1:123456789012:cluster/main',
        subnetIds: ['subnet-0aaa', 'subnet-0bbb'],
        securityGroupIds: ['sg-0ccc'],
        jobs: ['api'],
      },
    ],
  });
  new ServiceScrape(monitoring, 'api', { targets: ['api.default.svc:8000'] });
  new ServiceScrape(monitoring, 'other', { targets: ['other:9000'] });
  const synthesized = Testing.synth(stack, true);

  test('writes into the workspace from the cluster, in its subnets', () => {
    expect(synthesized).toHaveResourceWithProperties(PrometheusScraper, {
      alias: 'prod-main',
      source: [{ eks: [{ cluster_arn: 'arn:aws:eks:eu-west-1:123456789012:cluster/main', subnet_ids: ['subnet-0aaa', 'subnet-0bbb'], security_group_ids: ['sg-0ccc'] }] }],
      destination: [{ amp: [{ workspace_arn: expect.stringMatching(/aws_prometheus_workspace/) }] }],
    });
  });

  test("its scrape configuration is rendered from the environment's ServiceScrapes (only the jobs it takes)", () => {
    const text = aws.renderedFiles()['aws/scrapers/main/scrape-configuration.yml'];
    expect(text).toContain('external_labels:\n    cluster: main\n    environment: prod\n');
    expect(text).toContain('- job_name: api\n');
    expect(text).not.toContain('job_name: other');
    expect(onlyResource(JSON.parse(synthesized), PrometheusScraper.tfResourceType).scrape_configuration).toBe(text);
  });
});
