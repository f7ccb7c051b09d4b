// Reads the text of a CloudFormation property whose value may be built with intrinsic functions, and the text the
// cdktf AWS target puts in Terraform, in one comparable form: so a test can say "the same rendered text" across the
// two engines while each engine spells an SNS topic ARN its own way.

/** A CloudFormation template, as `cdk synth` writes it. */
export interface CfnTemplate {
  readonly Resources: Record<string, { readonly Type: string; readonly Properties?: Record<string, any> }>;
}

/**
 * The text of a CloudFormation value: a string as is; `Fn::Join` joined; `Ref`, `Fn::GetAtt` and `Fn::Sub` variables
 * as `<Ref:Name>` / `<GetAtt:Id.Attr>` placeholders. Anything else is an error (the test must see it).
 */
export function cfnText(value: unknown): string {
  if (typeof value === 'string') return value;
  if (value && typeof value === 'object') {
    const v = value as Record<string, any>;
    if ('Fn::Join' in v) return (v['Fn::Join'][1] as unknown[]).map(cfnText).join(v['Fn::Join'][0]);
    if ('Ref' in v) return `<Ref:${v.Ref}>`;
    if ('Fn::GetAtt' in v) return `<GetAtt:${[].concat(v['Fn::GetAtt']).join('.')}>`;
    if ('Fn::Sub' in v && typeof v['Fn::Sub'] === 'string') return v['Fn::Sub'].replace(/\$\{([^}!]+)\}/g, (_: string, name: string) => `<Ref:${name}>`);
  }
  throw new Error(`not a CloudFormation string: ${JSON.stringify(value)}`);
}

/** Terraform's template escapes undone (`$${` → `${`, `%%{` → `%{`): the text the Terraform string stands for. */
export function terraformText(value: string): string {
  return value.replace(/\$\$\{/g, '${').replace(/%%\{/g, '%{');
}

/**
 * `topic_arn: …` lines reduced to the topic's name (`topic_arn: <sns:prod-alerts-team>`). A Terraform ARN ends in the
 * name; a CloudFormation one is a `Ref`/`GetAtt` of an `AWS::SNS::Topic` (its `TopicName`) or an ARN ending in it.
 */
export function normalizeTopicArns(text: string, template?: CfnTemplate): string {
  return text.replace(/^(\s*topic_arn: )(.*)$/gm, (_, prefix: string, arn: string) => {
    const ref = /^<(?:Ref|GetAtt):([^.>]+)(?:\.[^>]*)?>$/.exec(arn.trim());
    const name = ref && template?.Resources[ref[1]] ? cfnText(template.Resources[ref[1]].Properties?.TopicName) : arn.trim().split(':').pop();
    return `${prefix}<sns:${name}>`;
  });
}
