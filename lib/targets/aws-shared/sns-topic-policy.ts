/**
 * The policy of a receiver's SNS topic on both AWS targets: only this AMP workspace, in this account, may publish
 * (the confused-deputy guard AWS documents for AMP alert manager topics).
 */
export function ampPublishPolicy(topicArn: string, workspaceArn: string, accountId: string): Record<string, unknown> {
  return {
    Version: '2012-10-17',
    Statement: [
      {
        Sid: 'AllowThisAmpWorkspaceToPublish',
        Effect: 'Allow',
        Principal: { Service: 'aps.amazonaws.com' },
        Action: ['sns:Publish', 'sns:GetTopicAttributes'],
        Resource: topicArn,
        Condition: { ArnEquals: { 'aws:SourceArn': workspaceArn }, StringEquals: { 'aws:SourceAccount': accountId } },
      },
    ],
  };
}
