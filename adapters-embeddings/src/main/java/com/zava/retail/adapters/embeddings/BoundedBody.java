package com.zava.retail.adapters.embeddings;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;

/**
 * A response body collected into memory up to a limit. The JDK's {@code ofByteArray} reads
 * whatever the server sends; a broken or hostile endpoint could send gigabytes. Past the limit
 * this stops reading (the subscription is cancelled, which closes the connection) and either
 * fails with {@link TooLarge} or, for bodies we only glance at, keeps what it has.
 */
final class BoundedBody implements HttpResponse.BodySubscriber<byte[]> {

    /** The body was longer than allowed. */
    static final class TooLarge extends IOException {
        private static final long serialVersionUID = 1L;

        TooLarge(long limit) {
            super("response body longer than " + limit + " bytes");
        }
    }

    private final long limit;
    private final boolean truncate;
    private final ByteArrayOutputStream buffer = new ByteArrayOutputStream();
    private final CompletableFuture<byte[]> result = new CompletableFuture<>();
    private Flow.Subscription subscription;

    private BoundedBody(long limit, boolean truncate) {
        this.limit = limit;
        this.truncate = truncate;
    }

    /** Fails with {@link TooLarge} once more than {@code limit} bytes arrive (or are announced). */
    static BoundedBody failingAbove(long limit, HttpResponse.ResponseInfo info) {
        BoundedBody body = new BoundedBody(limit, false);
        long announced = info.headers().firstValueAsLong("content-length").orElse(-1);
        if (announced > limit) {
            body.result.completeExceptionally(new TooLarge(limit));
        }
        return body;
    }

    /** Keeps at most {@code limit} bytes and then stops reading. */
    static BoundedBody truncatedAt(long limit) {
        return new BoundedBody(limit, true);
    }

    @Override
    public CompletionStage<byte[]> getBody() {
        return result;
    }

    @Override
    public void onSubscribe(Flow.Subscription s) {
        subscription = s;
        if (result.isDone()) {
            s.cancel();
            return;
        }
        // The client delivers only what arrives; asking for everything adds no buffering of its own.
        s.request(Long.MAX_VALUE);
    }

    @Override
    public void onNext(List<ByteBuffer> items) {
        if (result.isDone()) {
            return;
        }
        for (ByteBuffer item : items) {
            int room = (int) Math.min(Integer.MAX_VALUE, limit - buffer.size());
            if (item.remaining() > room) {
                subscription.cancel();
                if (truncate) {
                    copy(item, room);
                    result.complete(buffer.toByteArray());
                } else {
                    result.completeExceptionally(new TooLarge(limit));
                }
                return;
            }
            copy(item, item.remaining());
        }
    }

    @Override
    public void onError(Throwable failure) {
        result.completeExceptionally(failure);
    }

    @Override
    public void onComplete() {
        result.complete(buffer.toByteArray());
    }

    private void copy(ByteBuffer item, int length) {
        byte[] bytes = new byte[length];
        item.get(bytes);
        buffer.write(bytes, 0, length);
    }
}
