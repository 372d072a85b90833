/**
 * Per-connection token bucket: a burst of `burst` messages, refilled at `perSecond`. Plain data so a
 * room keeps one per client; time comes from the caller (the room's clock), not from here.
 */
export interface Bucket {
  tokens: number;
  at: number;
}

export function newBucket(burst: number, now: number): Bucket {
  return { tokens: burst, at: now };
}

/** Takes a token if there is one; returns whether the message may pass. */
export function take(bucket: Bucket, now: number, perSecond: number, burst: number): boolean {
  bucket.tokens = Math.min(burst, bucket.tokens + ((now - bucket.at) / 1000) * perSecond);
  bucket.at = now;
  if (bucket.tokens < 1) return false;
  bucket.tokens -= 1;
  return true;
}
