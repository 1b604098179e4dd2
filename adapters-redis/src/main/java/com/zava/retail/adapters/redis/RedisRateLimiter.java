package com.zava.retail.adapters.redis;

import com.zava.retail.application.port.out.RateLimit;
import com.zava.retail.application.port.out.RateLimitDecision;
import com.zava.retail.application.port.out.RateLimiter;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.LongSupplier;
import org.springframework.core.io.ClassPathResource;
import org.springframework.data.redis.core.script.RedisScript;

/**
 * Token buckets in Redis, so a limit holds across all replicas: a caller cannot multiply their
 * allowance by the replica count. While Redis is away each replica limits on its own (the
 * fallback), which is looser by the replica count but never unlimited.
 *
 * <p><b>Leases.</b> A Redis round trip on every call would cost more than a cheap tool call
 * itself, so a fast limit is spent from a lease: {@link #tryAcquire} takes several tokens in one
 * round trip and spends them on this replica for at most {@link #LEASE}. A lease is sized by this
 * replica's demand (twice what the previous lease saw used, starting at two) and never larger
 * than what the limit refills in {@link #LEASE} or than the bucket holds, and the unspent rest
 * of the previous lease goes back into the bucket in the same round trip that takes the next.
 * One call at a time takes a lease; concurrent calls meanwhile wait for it (at most
 * {@link #RENEWAL_WAIT}) and spend from it, and only those it cannot cover ask Redis for a token
 * each. A manager therefore never gets more than the limit, and what a replica holds unspent is at
 * most twice its own recent use. When the limit refills less than two tokens in {@link #LEASE}
 * (the default of 60 a minute refills 0.1), every call asks Redis, exactly as without leases.
 */
final class RedisRateLimiter implements RateLimiter {

    /**
     * Read once, as text: a script made from a classpath resource asks the resource for its
     * modification time on every call (to reload a changed file), which inside a jar costs more
     * than the Redis round trip itself.
     */
    private static final RedisScript<Long> TOKEN_BUCKET = RedisScript.of(script(), Long.class);

    /** How much of a limit's refill one round trip may take for this replica. */
    static final Duration LEASE = Duration.ofMillis(100);

    /**
     * How long a call waits for the lease another call is taking. Under load every call that finds
     * the lease spent arrives within one round trip of the renewal; each asking Redis for its own
     * token instead was about half of all Redis commands at 32 clients (profiled). A renewal slower
     * than this is a Redis problem, and the call goes on to ask for its own token.
     */
    static final Duration RENEWAL_WAIT = Duration.ofMillis(50);

    /** Leases kept at once; keys are authenticated managers, this only bounds the worst case. */
    private static final int MAX_LEASES = 10_000;

    private enum Mode { CHECK, TRY, FORCE, TAKE_UP_TO }

    /** Tokens this replica took from Redis and may spend until {@code expiresNanos}. */
    private static final class Lease {

        /** No tokens (so its expiry never matters): the first call renews it. */
        static Lease none() {
            return new Lease(0, 0, 0);
        }

        final int size;
        final AtomicInteger left;
        final long expiresNanos;
        /** Set by the one call that takes the next lease; the others meanwhile wait for it. */
        final AtomicBoolean renewing = new AtomicBoolean();
        /** The lease that replaced this one, once the renewing call has it (possibly none). */
        final CompletableFuture<Lease> successor = new CompletableFuture<>();

        Lease(int size, int left, long expiresNanos) {
            this.size = size;
            this.left = new AtomicInteger(left);
            this.expiresNanos = expiresNanos;
        }

        boolean take(long nowNanos) {
            if (nowNanos - expiresNanos >= 0) {
                return false;
            }
            int tokens;
            do {
                tokens = left.get();
                if (tokens <= 0) {
                    return false;
                }
            } while (!left.compareAndSet(tokens, tokens - 1));
            return true;
        }
    }

    private static String script() {
        try {
            return new ClassPathResource("com/zava/retail/adapters/redis/token-bucket.lua")
                    .getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException("token-bucket.lua is part of this module's jar", e);
        }
    }

    private final RedisStore store;
    private final RateLimiter fallback;
    private final MeterRegistry meters;
    private final Map<String, Counter> rejections = new ConcurrentHashMap<>();
    private final Map<String, Lease> leases = new ConcurrentHashMap<>();
    private final Duration lease;
    private final LongSupplier nanos;

    RedisRateLimiter(RedisStore store, RateLimiter fallback, MeterRegistry meters) {
        this(store, fallback, meters, LEASE, System::nanoTime);
    }

    /** With another lease time and clock for leases: for tests. */
    RedisRateLimiter(RedisStore store, RateLimiter fallback, MeterRegistry meters, Duration lease, LongSupplier nanos) {
        this.store = store;
        this.fallback = fallback;
        this.meters = meters;
        this.lease = lease;
        this.nanos = nanos;
    }

    @Override
    public RateLimitDecision tryAcquire(RateLimit limit, String key) {
        int cap = leaseCap(limit, lease);
        if (cap < 2) {
            return counted(limit, tryOne(limit, key));
        }
        if (leases.size() >= MAX_LEASES) {
            leases.clear();
        }
        String leaseKey = limit.name() + ':' + key;
        Lease current = leases.computeIfAbsent(leaseKey, k -> Lease.none());
        if (current.take(nanos.getAsLong())) {
            return RateLimitDecision.ALLOWED;
        }
        if (!current.renewing.compareAndSet(false, true)) {
            // Another call is taking the next lease right now. Only it asks for a lease, so that
            // concurrent calls never take one each and strand the tokens of all but one; this call
            // spends from that lease, or asks for its own token when the lease cannot cover it.
            Lease next = successor(current);
            if (next != null && next.take(nanos.getAsLong())) {
                return RateLimitDecision.ALLOWED;
            }
            return counted(limit, tryOne(limit, key));
        }
        Lease next = Lease.none();
        try {
            int unspent = current.left.getAndSet(0);
            int wanted = Math.min(cap, Math.max(2, 2 * (current.size - unspent))); // a first lease is 2
            Optional<Long> answer = run(limit, key, Mode.TAKE_UP_TO, wanted, unspent);
            if (answer.isEmpty() || answer.get() < 1) {
                return counted(limit, answer.map(wait -> RateLimitDecision.refused(Duration.ofMillis(-wait)))
                        .orElseGet(() -> fallback.tryAcquire(limit, key))); // without Redis the unspent tokens are lost
            }
            int taken = (int) (long) answer.get();
            next = new Lease(taken, taken - 1, nanos.getAsLong() + lease.toNanos()); // one is this call's
            return RateLimitDecision.ALLOWED;
        } finally {
            leases.put(leaseKey, next);
            current.successor.complete(next);
        }
    }

    /** The lease that replaces {@code spent}, or null when its renewal takes too long. */
    private static Lease successor(Lease spent) {
        try {
            return spent.successor.get(RENEWAL_WAIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException | ExecutionException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    private RateLimitDecision tryOne(RateLimit limit, String key) {
        return run(limit, key, Mode.TRY, 1, 0).map(RedisRateLimiter::decision)
                .orElseGet(() -> fallback.tryAcquire(limit, key));
    }

    /** The largest lease: whole tokens the limit refills in the lease time, at most the bucket. */
    static int leaseCap(RateLimit limit, Duration lease) {
        return (int) Math.min(limit.burst(), Math.floor(lease.toMillis() / limit.millisPerPermit()));
    }

    @Override
    public RateLimitDecision check(RateLimit limit, String key) {
        return counted(limit, run(limit, key, Mode.CHECK, 1, 0).map(RedisRateLimiter::decision)
                .orElseGet(() -> fallback.check(limit, key)));
    }

    @Override
    public void consume(RateLimit limit, String key) {
        if (run(limit, key, Mode.FORCE, 1, 0).isEmpty()) {
            fallback.consume(limit, key);
        }
    }

    /** The script's answer (see token-bucket.lua), or empty when Redis is away. */
    private Optional<Long> run(RateLimit limit, String key, Mode mode, int wanted, int refund) {
        return store.eval(TOKEN_BUCKET, List.of(RedisKeys.rateLimit(limit.name(), key)),
                Integer.toString(limit.burst()), Double.toString(limit.millisPerPermit()),
                Integer.toString(mode.ordinal()), Integer.toString(wanted), Integer.toString(refund));
    }

    private static RateLimitDecision decision(long wait) {
        return wait <= 0 ? RateLimitDecision.ALLOWED : RateLimitDecision.refused(Duration.ofMillis(wait));
    }

    private RateLimitDecision counted(RateLimit limit, RateLimitDecision decision) {
        if (!decision.allowed()) {
            rejections.computeIfAbsent(limit.name(), name -> Counter.builder("zava.ratelimit.rejections")
                    .description("Requests refused by a rate limit")
                    .tag("limit", name).register(meters)).increment();
        }
        return decision;
    }
}
