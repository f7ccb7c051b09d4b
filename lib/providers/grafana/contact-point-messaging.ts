/**
 * Message-delivery integration blocks of `grafana_contact_point`: `email` and `sns`
 * (schema: terraform-provider-grafana docs/resources/contact_point.md).
 */
import * as cdktf from 'cdktf';
import { assertNotComplex, definedHcl, hclBoolean, hclString, hclStringList, passThrough } from './common';
import {
  contactPointIntegrationCommonToHclTerraform,
  contactPointIntegrationCommonToTerraform,
  type ContactPointIntegrationCommon,
} from './contact-point-common';

/** Sends notifications by email through Grafana's SMTP settings (block `email`). */
export interface ContactPointEmail extends ContactPointIntegrationCommon {
  /** Recipient addresses. Terraform: `addresses` (required). */
  readonly addresses: string[];
  /**
   * Send one email to all the addresses together instead of one per address. Terraform: `single_email`.
   * @default false
   */
  readonly singleEmail?: boolean | cdktf.IResolvable;
  /**
   * Subject line (templated). Terraform: `subject`.
   * @default ""
   */
  readonly subject?: string;
  /**
   * Email body (templated). Terraform: `message`.
   * @default ""
   */
  readonly message?: string;
}

export function contactPointEmailToTerraform(struct?: ContactPointEmail | cdktf.IResolvable): any {
  if (passThrough(struct)) {
    return struct;
  }
  assertNotComplex(struct);
  const s = struct as ContactPointEmail;
  return {
    addresses: cdktf.listMapper(cdktf.stringToTerraform, false)(s.addresses),
    single_email: cdktf.booleanToTerraform(s.singleEmail),
    subject: cdktf.stringToTerraform(s.subject),
    message: cdktf.stringToTerraform(s.message),
    ...contactPointIntegrationCommonToTerraform(s),
  };
}

export function contactPointEmailToHclTerraform(struct?: ContactPointEmail | cdktf.IResolvable): any {
  if (passThrough(struct)) {
    return struct;
  }
  assertNotComplex(struct);
  const s = struct as ContactPointEmail;
  return definedHcl({
    addresses: hclStringList(s.addresses),
    single_email: hclBoolean(s.singleEmail),
    subject: hclString(s.subject),
    message: hclString(s.message),
    ...contactPointIntegrationCommonToHclTerraform(s),
  });
}

/** Publishes notifications to an Amazon SNS topic (block `sns`; Amazon Managed Grafana only). */
export interface ContactPointSns extends ContactPointIntegrationCommon {
  /** The SNS topic to publish to. Terraform: `topic` (required). */
  readonly topic: string;
  /**
   * How to authenticate: `default`, `arn` or `keys`. Terraform: `auth_provider`.
   * @default "default"
   */
  readonly authProvider?: string;
  /** AWS access key ID (with `auth_provider = "keys"`). Sensitive. Terraform: `access_key`. */
  readonly accessKey?: string;
  /** AWS secret access key (with `auth_provider = "keys"`). Sensitive. Terraform: `secret_key`. */
  readonly secretKey?: string;
  /** ARN of an IAM role to assume for publishing. Terraform: `assume_role_arn`. */
  readonly assumeRoleArn?: string;
  /** External ID to present when assuming the role. Terraform: `external_id`. */
  readonly externalId?: string;
  /**
   * Format of the published message: `text`, `body` or `json`. Terraform: `message_format`.
   * @default "text"
   */
  readonly messageFormat?: string;
  /** Message subject (templated). Terraform: `subject`. */
  readonly subject?: string;
  /** Message body (templated). Terraform: `body`. */
  readonly body?: string;
}

export function contactPointSnsToTerraform(struct?: ContactPointSns | cdktf.IResolvable): any {
  if (passThrough(struct)) {
    return struct;
  }
  assertNotComplex(struct);
  const s = struct as ContactPointSns;
  return {
    topic: cdktf.stringToTerraform(s.topic),
    auth_provider: cdktf.stringToTerraform(s.authProvider),
    access_key: cdktf.stringToTerraform(s.accessKey),
    secret_key: cdktf.stringToTerraform(s.secretKey),
    assume_role_arn: cdktf.stringToTerraform(s.assumeRoleArn),
    external_id: cdktf.stringToTerraform(s.externalId),
    message_format: cdktf.stringToTerraform(s.messageFormat),
    subject: cdktf.stringToTerraform(s.subject),
    body: cdktf.stringToTerraform(s.body),
    ...contactPointIntegrationCommonToTerraform(s),
  };
}

export function contactPointSnsToHclTerraform(struct?: ContactPointSns | cdktf.IResolvable): any {
  if (passThrough(struct)) {
    return struct;
  }
  assertNotComplex(struct);
  const s = struct as ContactPointSns;
  return definedHcl({
    topic: hclString(s.topic),
    auth_provider: hclString(s.authProvider),
    access_key: hclString(s.accessKey),
    secret_key: hclString(s.secretKey),
    assume_role_arn: hclString(s.assumeRoleArn),
    external_id: hclString(s.externalId),
    message_format: hclString(s.messageFormat),
    subject: hclString(s.subject),
    body: hclString(s.body),
    ...contactPointIntegrationCommonToHclTerraform(s),
  });
}
