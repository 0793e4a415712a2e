/** The SQS client, created once per execution environment. */
import { SQSClient } from '@aws-sdk/client-sqs';

export const sqs = new SQSClient({});
