package io.vscanpoc.core.client.internal;

import java.net.http.HttpResponse.BodyHandler;
import java.net.http.HttpResponse.BodySubscriber;
import java.net.http.HttpResponse.ResponseInfo;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;

/**
 * Reads an answer's body while counting its bytes, and gives up as soon as the count passes the cap,
 * so an oversized answer costs at most the cap in memory, never its whole size.
 *
 * <p>A 2xx body is kept, up to {@code maxBytes}; past that the subscription is cancelled (which
 * closes the connection) and the exchange fails with {@link BodyTooLargeException}. A declared
 * {@code Content-Length} above the cap fails before a byte is read. The body of any other status is
 * never used (messages never carry bodies), so it is drained without being kept, and abandoned
 * after {@value #DISCARD_LIMIT} bytes: the status alone classifies the answer.
 */
public final class CappedBodyHandler implements BodyHandler<byte[]> {

    /** Bytes of a non-2xx body read before the rest is abandoned. */
    static final long DISCARD_LIMIT = 64 * 1024;

    private static final byte[] EMPTY = new byte[0];

    private final long maxBytes;

    public CappedBodyHandler(long maxBytes) {
        this.maxBytes = maxBytes;
    }

    @Override
    public BodySubscriber<byte[]> apply(ResponseInfo info) {
        int status = info.statusCode();
        if (status < 200 || status > 299) {
            return new Capped(status, DISCARD_LIMIT, false, false);
        }
        return new Capped(status, maxBytes, true, declaredLength(info) > maxBytes);
    }

    private static long declaredLength(ResponseInfo info) {
        try {
            OptionalLong length = info.headers().firstValueAsLong("Content-Length");
            return length.orElse(-1);
        } catch (NumberFormatException e) {
            // A garbled header proves nothing; the streaming count still holds the cap.
            return -1;
        }
    }

    /** One body; the HTTP client calls it serially, one item at a time as requested. */
    private static final class Capped implements BodySubscriber<byte[]> {
        private final int status;
        private final long limit;
        private final boolean keep;
        private final boolean tooLargeAlready;
        private final CompletableFuture<byte[]> body = new CompletableFuture<>();
        private final List<byte[]> chunks = new ArrayList<>();
        private Flow.Subscription subscription;
        private long received;

        Capped(int status, long limit, boolean keep, boolean tooLargeAlready) {
            this.status = status;
            this.limit = limit;
            this.keep = keep;
            this.tooLargeAlready = tooLargeAlready;
        }

        @Override
        public CompletionStage<byte[]> getBody() {
            return body;
        }

        @Override
        public void onSubscribe(Flow.Subscription subscription) {
            this.subscription = subscription;
            if (tooLargeAlready) {
                subscription.cancel();
                body.completeExceptionally(new BodyTooLargeException(status, limit));
            } else {
                subscription.request(1);
            }
        }

        @Override
        public void onNext(List<ByteBuffer> buffers) {
            if (body.isDone()) {
                return;
            }
            for (ByteBuffer buffer : buffers) {
                received += buffer.remaining();
                if (received > limit) {
                    subscription.cancel();
                    chunks.clear();
                    if (keep) {
                        body.completeExceptionally(new BodyTooLargeException(status, limit));
                    } else {
                        body.complete(EMPTY);
                    }
                    return;
                }
                if (keep) {
                    byte[] chunk = new byte[buffer.remaining()];
                    buffer.get(chunk);
                    chunks.add(chunk);
                } else {
                    buffer.position(buffer.limit());
                }
            }
            subscription.request(1);
        }

        @Override
        public void onError(Throwable failure) {
            chunks.clear();
            body.completeExceptionally(failure);
        }

        @Override
        public void onComplete() {
            if (body.isDone()) {
                return;
            }
            if (!keep) {
                body.complete(EMPTY);
                return;
            }
            byte[] all = new byte[(int) received];
            int at = 0;
            for (byte[] chunk : chunks) {
                System.arraycopy(chunk, 0, all, at, chunk.length);
                at += chunk.length;
            }
            chunks.clear();
            body.complete(all);
        }
    }
}
