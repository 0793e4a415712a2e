/** One Powertools logger and metrics instance per function, configured by environment. */
import { Logger } from '@aws-lambda-powertools/logger';
import { Metrics } from '@aws-lambda-powertools/metrics';
import { settings } from './env.ts';

export const logger = new Logger();
export const metrics = new Metrics({ namespace: settings.metricsNamespace() ?? 'Relais' });
