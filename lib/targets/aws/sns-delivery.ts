import { ampPublishPolicy } from '../aws-shared/sns-topic-policy';
import { Fn, Lazy, TerraformIterator, Token } from 'cdktf';
import { Construct } from 'constructs';
import { AwsProvider } from '@cdktf/provider-aws/lib/provider';
import { SnsTopic } from '@cdktf/provider-aws/lib/sns-topic';
import { SnsTopicPolicy } from '@cdktf/provider-aws/lib/sns-topic-policy';
import { SnsTopicSubscription } from '@cdktf/provider-aws/lib/sns-topic-subscription';
import { SnsReceiverPlan } from '../aws-shared/sns-receivers';

/** Props of {@link SnsDelivery}. */
export interface SnsDeliveryProps {
  readonly provider: AwsProvider;
  /** The receivers' plans, read at synth. */
  readonly plans: () => ReadonlyMap<string, SnsReceiverPlan>;
  readonly workspaceArn: string;
  readonly accountId: string;
  /** `arn:<partition>:sns:<region>:<account>:`, to compute topic ARNs. */
  readonly topicArnPrefix: string;
  readonly tags: Readonly<Record<string, string>>;
  /** KMS key for the topics. @default - not encrypted with a customer managed key */
  readonly kmsKeyId?: string;
}

/**
 * One SNS topic per receiver of the environment (`for_each` over the receivers, read at synth so routing declared
 * after the target still lands), a topic policy that lets only this AMP workspace publish, and one subscription per
 * email address or https endpoint.
 */
export class SnsDelivery extends Construct {
  /** The topics (`for_each`, keyed by receiver name). */
  public readonly topics: SnsTopic;
  /** The topic policies. */
  public readonly policies: SnsTopicPolicy;
  /** The subscriptions (`for_each`, keyed by `<receiver> <protocol> <endpoint>`). */
  public readonly subscriptions: SnsTopicSubscription;

  constructor(scope: Construct, id: string, props: SnsDeliveryProps) {
    super(scope, id);
    const created = () => [...props.plans().values()].filter((p) => p.topicName !== undefined);
    const topicMap = Lazy.anyValue({
      produce: () => Object.fromEntries(created().map((p) => [p.receiver, { name: p.topicName }])),
    });
    const topics = TerraformIterator.fromMap(Token.asAnyMap(topicMap));
    this.topics = new SnsTopic(this, 'topic', {
      provider: props.provider,
      forEach: topics,
      name: topics.getString('name'),
      kmsMasterKeyId: props.kmsKeyId,
      tags: { ...props.tags },
    });

    const eachTopic = TerraformIterator.fromResources(this.topics);
    this.policies = new SnsTopicPolicy(this, 'policy', {
      provider: props.provider,
      forEach: eachTopic,
      arn: eachTopic.getString('arn'),
      policy: Fn.jsonencode(ampPublishPolicy(eachTopic.getString('arn'), props.workspaceArn, props.accountId)),
    });

    const subscriptionMap = Lazy.anyValue({
      produce: () => {
        const entries: [string, Record<string, string>][] = [];
        for (const plan of created()) {
          for (const s of plan.subscriptions) {
            entries.push([`${plan.receiver} ${s.protocol} ${s.endpoint}`, { topic_name: plan.topicName!, protocol: s.protocol, endpoint: s.endpoint }]);
          }
        }
        return Object.fromEntries(entries.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
      },
    });
    const subscriptions = TerraformIterator.fromMap(Token.asAnyMap(subscriptionMap));
    this.subscriptions = new SnsTopicSubscription(this, 'subscription', {
      provider: props.provider,
      forEach: subscriptions,
      // Computed from the name (the topics are a for_each set); depends_on orders creation after the topics.
      topicArn: `${props.topicArnPrefix}${subscriptions.getString('topic_name')}`,
      protocol: subscriptions.getString('protocol'),
      endpoint: subscriptions.getString('endpoint'),
      dependsOn: [this.topics],
    });
  }
}
