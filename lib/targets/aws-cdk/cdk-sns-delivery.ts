import { ampPublishPolicy } from '../aws-shared/sns-topic-policy';
import { CfnSubscription, CfnTopic, CfnTopicPolicy } from 'aws-cdk-lib/aws-sns';
import { Construct } from 'constructs';
import type { SnsReceiverPlan } from '../aws-shared/sns-receivers';
import { cfnTags } from './cfn-tags';

/** Props of {@link CdkSnsDelivery}. */
export interface CdkSnsDeliveryProps {
  /** The AMP workspace allowed to publish. */
  readonly workspaceArn: string;
  /** The account the workspace is in (`AWS::AccountId`). */
  readonly accountId: string;
  readonly tags: Readonly<Record<string, string>>;
  /** KMS key for the topics. @default - not encrypted with a customer managed key */
  readonly kmsKeyId?: string;
}

/**
 * The SNS side of the AMP alert manager on AWS CDK: per receiver that has no existing topic, one `AWS::SNS::Topic`,
 * a topic policy that lets only this AMP workspace publish (the same statement as the cdktf AWS target's), and one
 * subscription per email address or https endpoint. The receivers are known only when every construct is declared,
 * so {@link addReceivers} is called at synth.
 */
export class CdkSnsDelivery extends Construct {
  /** The topics, by receiver name. */
  public readonly topics = new Map<string, CfnTopic>();

  constructor(
    scope: Construct,
    id: string,
    private readonly props: CdkSnsDeliveryProps,
  ) {
    super(scope, id);
  }

  /** Creates the topics, policies and subscriptions of `plans` (receivers without a topic of their own are skipped). */
  public addReceivers(plans: Iterable<SnsReceiverPlan>): void {
    const { props } = this;
    for (const plan of plans) {
      if (plan.topicName === undefined || this.topics.has(plan.receiver)) continue;
      const topic = new CfnTopic(this, `topic-${plan.receiver}`, { topicName: plan.topicName, kmsMasterKeyId: props.kmsKeyId, tags: cfnTags(props.tags) });
      this.topics.set(plan.receiver, topic);
      new CfnTopicPolicy(this, `policy-${plan.receiver}`, {
        topics: [topic.ref],
        policyDocument: ampPublishPolicy(topic.ref, props.workspaceArn, props.accountId),
      });
      const subscriptions = [...plan.subscriptions].sort((a, b) => (`${a.protocol} ${a.endpoint}` < `${b.protocol} ${b.endpoint}` ? -1 : 1));
      for (const s of subscriptions) {
        // Keyed by endpoint (as the cdktf target's for_each keys), so adding an address replaces no other subscription.
        new CfnSubscription(this, `subscription-${plan.receiver} ${s.protocol} ${s.endpoint}`, { topicArn: topic.ref, protocol: s.protocol, endpoint: s.endpoint });
      }
    }
  }
}
