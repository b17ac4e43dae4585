// Temporary credentials that renew themselves ahead of expiry: the SDK clients call the provider whenever they need to
// sign, and get the same credentials until they come within the refresh window of expiring.
import type { AwsCredentialIdentity, AwsCredentialIdentityProvider } from '@aws-sdk/types';

/** Renew this long before expiry (the SDK's own window: it asks again within 5 minutes of expiry). */
export const REFRESH_WINDOW_MS = 5 * 60_000;
/** After a failed renewal, while the credentials in hand still work, wait this long before trying again. */
export const RETRY_AFTER_FAILURE_MS = 30_000;

export interface RefreshingCredentialsOptions {
  /** Fetches fresh credentials; they must carry an expiration. */
  fetch: () => Promise<AwsCredentialIdentity>;
  /** Milliseconds since the epoch. */
  now?: () => number;
  refreshWindowMs?: number;
  retryAfterFailureMs?: number;
  /** A renewal failed but the current credentials still work for a while: say so (they are used meanwhile). */
  onRenewalFailed?: (err: unknown, current: AwsCredentialIdentity) => void;
}

export class RefreshingCredentials {
  private current: AwsCredentialIdentity | undefined;
  private inFlight: Promise<AwsCredentialIdentity> | undefined;
  private lastFailureAt: number | undefined;
  private readonly now: () => number;
  private readonly windowMs: number;
  private readonly retryMs: number;

  /** The provider to give SDK clients. */
  readonly provider: AwsCredentialIdentityProvider = () => this.get();

  constructor(private readonly opts: RefreshingCredentialsOptions) {
    this.now = opts.now ?? (() => Date.now());
    this.windowMs = opts.refreshWindowMs ?? REFRESH_WINDOW_MS;
    this.retryMs = opts.retryAfterFailureMs ?? RETRY_AFTER_FAILURE_MS;
  }

  /** The credentials last fetched, without fetching. */
  get latest(): AwsCredentialIdentity | undefined {
    return this.current;
  }

  /** Cached credentials while they are outside the refresh window; otherwise one renewal, shared by every caller. */
  async get(): Promise<AwsCredentialIdentity> {
    const held = this.current;
    const now = this.now();
    if (held && !this.due(held, now)) return held;
    const usable = held && this.valid(held, now) ? held : undefined;
    // A renewal just failed and the credentials in hand still work: use them rather than hammer the endpoint.
    if (usable && this.lastFailureAt !== undefined && now - this.lastFailureAt < this.retryMs) return usable;
    try {
      return await this.renew();
    } catch (err) {
      if (!usable || !this.valid(usable, this.now())) throw err;
      this.opts.onRenewalFailed?.(err, usable);
      return usable;
    }
  }

  private renew(): Promise<AwsCredentialIdentity> {
    this.inFlight ??= Promise.resolve()
      .then(() => this.opts.fetch())
      .then(
        (fresh) => {
          if (!fresh.expiration) throw new Error('The fetched AWS credentials carry no expiration');
          this.current = fresh;
          this.lastFailureAt = undefined;
          return fresh;
        },
        (err: unknown) => {
          this.lastFailureAt = this.now();
          throw err;
        },
      )
      .finally(() => {
        this.inFlight = undefined;
      });
    return this.inFlight;
  }

  private due(credentials: AwsCredentialIdentity, now: number): boolean {
    return !credentials.expiration || credentials.expiration.getTime() - now <= this.windowMs;
  }

  private valid(credentials: AwsCredentialIdentity, now: number): boolean {
    return credentials.expiration !== undefined && credentials.expiration.getTime() > now;
  }
}
