// The serve smoke test and the registration, as the summary, the check run and the outputs show them. Pure.
import { medianLatency, type RegistrationOutcome, type ServeReport } from '../serving.js';
import { codeBlock, escapeInline } from './format.js';

const ms = (value: number | undefined): string => (value === undefined ? '–' : `${Math.round(value)} ms`);

/** `### Serve test`: the verdict, the time to the first /ping, each sample, and the log lines of a failure. */
export function serveSection(serve: ServeReport): string {
  const head = serve.passed
    ? `### ✅ Serve test passed`
    : `### ${serve.cancelled ? '⏹️ Serve test stopped' : '❌ Serve test failed'}: ${escapeInline(serve.reason ?? 'the serve test failed')}`;
  const lines = [head, ''];
  if (serve.pingMs !== undefined) lines.push(`\`GET /ping\` answered 200 after ${ms(serve.pingMs)}.`, '');
  if (serve.samples.length > 0) {
    lines.push('| Sample | Status | Latency | Result |', '|---|---:|---:|---|');
    for (const s of serve.samples) {
      const result = s.passed ? '✅' : `❌ ${escapeInline(s.note ?? '')}`;
      lines.push(`| ${escapeInline(s.name)} | ${s.status ?? '–'} | ${ms(s.latencyMs)} | ${result} |`);
    }
    lines.push('');
  }
  if (!serve.passed && serve.logTail.length > 0) {
    lines.push(
      `<details open><summary>The serving container's last ${serve.logTail.length} log lines</summary>`,
      '',
      codeBlock(serve.logTail.join('\n')),
      '',
      '</details>',
    );
  }
  return lines.join('\n').trimEnd();
}

/** `### Model registry`: the version linked, or why there is none. */
export function registrationSection(registration: RegistrationOutcome): string {
  if ('skipped' in registration) return `### Model registry\n\nNot registered: ${escapeInline(registration.skipped)}.`;
  if ('failed' in registration)
    return `### Model registry\n\n⚠️ Registration failed: ${escapeInline(registration.failed)}`;
  const what = registration.created ? 'Registered' : 'Already registered for this commit';
  const version = registration.version !== undefined ? ` version ${registration.version}` : '';
  return [
    '### Model registry',
    '',
    `${what}: [${escapeInline(registration.group)}${version}](${registration.url}) (${escapeInline(registration.approval)})`,
    '',
    `\`${registration.arn}\``,
  ].join('\n');
}

export enum ServingOutput {
  Serve = 'serve',
  ServePingMs = 'serve-ping-ms',
  ServeLatencyMs = 'serve-latency-ms',
  ModelPackageArn = 'model-package-arn',
  ModelPackageVersion = 'model-package-version',
}

/** Always set, empty when there is nothing to say (no serve test, no registration). */
export function servingOutputs(
  serve: ServeReport | undefined,
  registration: RegistrationOutcome | undefined,
): Record<ServingOutput, string> {
  const median = serve ? medianLatency(serve.samples) : undefined;
  const registered = registration && 'arn' in registration ? registration : undefined;
  return {
    [ServingOutput.Serve]: serve ? (serve.passed ? 'passed' : serve.cancelled ? 'cancelled' : 'failed') : '',
    [ServingOutput.ServePingMs]: serve?.pingMs !== undefined ? String(Math.round(serve.pingMs)) : '',
    [ServingOutput.ServeLatencyMs]: median !== undefined ? String(Math.round(median)) : '',
    [ServingOutput.ModelPackageArn]: registered?.arn ?? '',
    [ServingOutput.ModelPackageVersion]: registered?.version !== undefined ? String(registered.version) : '',
  };
}
