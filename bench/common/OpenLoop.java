import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A lean open-loop HTTP/1.1 load generator for GET requests, so the tool costs the machine less than the service it
 * measures: the JDK's HttpClient spent about as much CPU per request as the board service itself, and 1.35 CPU-ms
 * per credit check, more than the service and PostgreSQL together (docs/BENCHMARKS.md). Shared by bench/board and
 * bench/credit-check. One thread and one selector; keep-alive connections, one request at a time on each, opened as
 * needed up to {@code maxInFlight}; request k is due at start + k / rate, waits for a free connection when all are
 * busy, and its latency counts from when it was due (no coordinated omission). Reads {@code Content-Length} and
 * chunked bodies; a response with {@code Connection: close} (Tomcat's keep-alive limit) or a closed connection is
 * followed by a new connection. Requests unanswered after {@code timeoutMillis} count as errors.
 */
final class OpenLoop {

    /** What the caller learns of each response: its status and body bytes. */
    interface Check {
        void response(int request, int status, byte[] body, int from, int to);
    }

    record Outcome(int requests, double achieved, long[] sortedLatencyNanos, int errors, Map<String, Integer> reasons) {
    }

    private static final byte[] HEADER_END = {'\r', '\n', '\r', '\n'};

    private final InetSocketAddress address;
    private final byte[][] requests;
    private final int maxInFlight;
    private final long timeoutNanos;

    OpenLoop(String base, List<String> paths, int maxInFlight, long timeoutMillis) {
        this(base, paths, "", maxInFlight, timeoutMillis);
    }

    /** @param headers sent with every request, each line ended by CRLF (e.g. {@code "Authorization: Bearer t\r\n"}) */
    OpenLoop(String base, List<String> paths, String headers, int maxInFlight, long timeoutMillis) {
        URI uri = URI.create(base);
        this.address = new InetSocketAddress(uri.getHost(), uri.getPort());
        this.requests = new byte[paths.size()][];
        String host = uri.getHost() + ":" + uri.getPort();
        for (int i = 0; i < paths.size(); i++) {
            requests[i] = ("GET " + paths.get(i) + " HTTP/1.1\r\nHost: " + host
                    + "\r\nAccept: application/json\r\n" + headers + "\r\n").getBytes(StandardCharsets.US_ASCII);
        }
        this.maxInFlight = maxInFlight;
        this.timeoutNanos = timeoutMillis * 1_000_000L;
    }

    /** Sends {@code rate * seconds} requests, request k being {@code requests[pick[k]]}. */
    Outcome run(int rate, int seconds, int[] pick, Check check) throws IOException {
        int total = rate * seconds;
        long period = 1_000_000_000L / rate;
        long[] latency = new long[total];
        Map<String, Integer> reasons = new TreeMap<>();
        int errors = 0;
        try (Selector selector = Selector.open()) {
            ArrayDeque<Connection> idle = new ArrayDeque<>();
            List<Connection> open = new ArrayList<>();
            long start = System.nanoTime() + 50_000_000L;
            long lastDone = start;
            long nextTimeoutScan = start;
            int sent = 0;
            int done = 0;
            while (done < total) {
                long now = System.nanoTime();
                // every request due by now goes out, as long as a connection is free or may be opened
                while (sent < total && start + sent * period <= now) {
                    Connection connection = idle.pollFirst();
                    if (connection == null && open.size() < maxInFlight) {
                        connection = new Connection(selector);
                        open.add(connection);
                    }
                    if (connection == null) {
                        break;
                    }
                    try {
                        connection.send(sent, start + sent * period, requests[pick[sent]], now);
                    } catch (IOException e) { // the server closed an idle connection: the request takes another
                        connection.close();
                        open.remove(connection);
                        continue;
                    }
                    sent++;
                }
                long wait = 100_000_000L; // all sent, or all connections busy: until a response comes
                if (sent < total && (!idle.isEmpty() || open.size() < maxInFlight)) {
                    wait = start + sent * period - System.nanoTime(); // until the next request is due
                }
                if (wait > 0) {
                    selector.select(Math.max(1, wait / 1_000_000L));
                } else {
                    selector.selectNow();
                }
                now = System.nanoTime();
                for (SelectionKey key : selector.selectedKeys()) {
                    Connection connection = (Connection) key.attachment();
                    int status;
                    try {
                        status = connection.read();
                    } catch (IOException e) {
                        status = -2;
                    }
                    if (status == 0) {
                        continue; // response not complete yet
                    }
                    int request = connection.request;
                    if (request >= 0) {
                        latency[request] = now - connection.due;
                        lastDone = now;
                        done++;
                        if (status > 0) {
                            check.response(request, status, connection.in, connection.bodyFrom, connection.bodyTo);
                        }
                        if (status != 200) {
                            errors++;
                            reasons.merge(status > 0 ? "HTTP " + status : "connection closed", 1, Integer::sum);
                        }
                    }
                    if (status > 0 && connection.keepAlive) {
                        connection.reset();
                        idle.addFirst(connection);
                    } else {
                        connection.close();
                        open.remove(connection);
                        idle.remove(connection);
                    }
                }
                selector.selectedKeys().clear();
                if (now >= nextTimeoutScan) {
                    nextTimeoutScan = now + 100_000_000L;
                    for (Connection connection : List.copyOf(open)) {
                        if (connection.request >= 0 && now - connection.sentAt > timeoutNanos) {
                            latency[connection.request] = now - connection.due;
                            lastDone = now;
                            done++;
                            errors++;
                            reasons.merge("timeout", 1, Integer::sum);
                            connection.close();
                            open.remove(connection);
                        }
                    }
                }
            }
            for (Connection connection : open) {
                connection.close();
            }
            Arrays.sort(latency);
            double elapsed = (lastDone - start) / 1e9;
            return new Outcome(total, total / elapsed, latency, errors, reasons);
        }
    }

    /** One keep-alive connection and the response it is reading. */
    private final class Connection {
        final SocketChannel channel;
        final SelectionKey key;
        byte[] in = new byte[32 * 1024];
        int length;
        int request = -1;
        long due;
        long sentAt;
        boolean keepAlive;
        int bodyFrom;
        int bodyTo;

        Connection(Selector selector) throws IOException {
            channel = SocketChannel.open(address);
            channel.socket().setTcpNoDelay(true);
            channel.configureBlocking(false);
            key = channel.register(selector, SelectionKey.OP_READ, this);
        }

        void send(int request, long due, byte[] bytes, long now) throws IOException {
            this.request = request;
            this.due = due;
            this.sentAt = now;
            ByteBuffer out = ByteBuffer.wrap(bytes);
            while (out.hasRemaining()) {
                channel.write(out); // a few hundred bytes into an empty socket buffer: never waits long
            }
        }

        /** Reads what arrived: 0 while the response is incomplete, else its status (-1: closed before it ended). */
        int read() throws IOException {
            while (true) {
                if (length == in.length) {
                    in = Arrays.copyOf(in, in.length * 2);
                }
                int n = channel.read(ByteBuffer.wrap(in, length, in.length - length));
                if (n < 0) { // closed: after a whole response (Connection: close), or in the middle of one
                    int status = complete();
                    keepAlive = false;
                    return status == 0 ? -1 : status;
                }
                if (n == 0) {
                    return complete();
                }
                length += n;
            }
        }

        /** The status when a whole response is in {@link #in}, else 0. */
        private int complete() {
            int headerEnd = indexOf(in, 0, length, HEADER_END);
            if (headerEnd < 0) {
                return 0;
            }
            String head = new String(in, 0, headerEnd, StandardCharsets.ISO_8859_1);
            int status = Integer.parseInt(head.substring(9, 12));
            String lower = head.toLowerCase(java.util.Locale.ROOT);
            keepAlive = !lower.contains("\r\nconnection: close");
            int body = headerEnd + 4;
            int contentLength = header(lower, "\r\ncontent-length:");
            if (contentLength >= 0) {
                if (length < body + contentLength) {
                    return 0;
                }
                bodyFrom = body;
                bodyTo = body + contentLength;
                return status;
            }
            if (lower.contains("\r\ntransfer-encoding: chunked")) {
                // chunk sizes in hex, each line ended by CRLF; the body is complete at the zero chunk's CRLF CRLF
                int at = body;
                while (true) {
                    int lineEnd = indexOf(in, at, length, HEADER_END, 2);
                    if (lineEnd < 0) {
                        return 0;
                    }
                    String sizeLine = new String(in, at, lineEnd - at, StandardCharsets.US_ASCII);
                    int size = Integer.parseInt(sizeLine.split(";")[0].trim(), 16);
                    if (size == 0) {
                        if (length < lineEnd + 4) {
                            return 0;
                        }
                        bodyFrom = body;
                        bodyTo = lineEnd; // chunk-size lines inside, enough for a look at the start of the body
                        return status;
                    }
                    at = lineEnd + 2 + size + 2;
                    if (at > length) {
                        return 0;
                    }
                }
            }
            keepAlive = false; // the body ends when the server closes
            return 0;
        }

        void reset() {
            length = 0;
            request = -1;
        }

        void close() {
            key.cancel();
            try {
                channel.close();
            } catch (IOException e) {
                // closing anyway
            }
        }
    }

    private static int header(String lowerHead, String name) {
        int at = lowerHead.indexOf(name);
        if (at < 0) {
            return -1;
        }
        int end = lowerHead.indexOf('\r', at + name.length());
        return Integer.parseInt(lowerHead.substring(at + name.length(), end < 0 ? lowerHead.length() : end).trim());
    }

    static int indexOf(byte[] data, int from, int to, byte[] pattern) {
        return indexOf(data, from, to, pattern, pattern.length);
    }

    /** Where the first {@code length} bytes of {@code pattern} begin in {@code data[from, to)}, or -1. */
    static int indexOf(byte[] data, int from, int to, byte[] pattern, int length) {
        outer:
        for (int i = from; i + length <= to; i++) {
            for (int j = 0; j < length; j++) {
                if (data[i + j] != pattern[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
