// The runner's own task ARN, from the ECS task metadata endpoint (v4) the agent serves inside every task. Local
// HTTP, no AWS call and no permission; best effort: absent outside ECS or when the endpoint does not answer.

const TIMEOUT_MS = 2_000;

export async function ownTaskArn(
  env: Record<string, string | undefined>,
  fetchFn: typeof fetch = fetch,
): Promise<string | undefined> {
  const base = env.ECS_CONTAINER_METADATA_URI_V4?.trim();
  if (!base) return undefined;
  try {
    const response = await fetchFn(`${base.replace(/\/+$/, '')}/task`, { signal: AbortSignal.timeout(TIMEOUT_MS) });
    if (!response.ok) return undefined;
    const body = (await response.json()) as { TaskARN?: unknown };
    return typeof body.TaskARN === 'string' && body.TaskARN.startsWith('arn:') ? body.TaskARN : undefined;
  } catch {
    return undefined;
  }
}
