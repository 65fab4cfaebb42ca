package clinic.relief.booking;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntConsumer;

/**
 * A TCP relay in front of PostgreSQL that counts round trips: each time a client sends after the server's last
 * ReadyForQuery, it starts one. Messages sent together count once (the driver sends BEGIN with the first statement
 * of a transaction, and a batch's statements with one Sync), however many answers they get. Clients must connect
 * without SSL or GSS encryption, so that both directions are plain protocol messages.
 */
final class RoundTripRelay implements AutoCloseable {

    private final ServerSocket listener;
    private final int serverPort;
    private final AtomicInteger roundTrips = new AtomicInteger();
    private final ExecutorService relays = Executors.newCachedThreadPool(task -> {
        Thread thread = new Thread(task, "round-trip-relay");
        thread.setDaemon(true);
        return thread;
    });

    RoundTripRelay(int serverPort) throws IOException {
        this.serverPort = serverPort;
        this.listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        relays.execute(this::accept);
    }

    int port() {
        return listener.getLocalPort();
    }

    /** Round trips so far, on every connection. */
    int roundTrips() {
        return roundTrips.get();
    }

    private void accept() {
        while (!listener.isClosed()) {
            try {
                Socket client = listener.accept();
                Socket server = new Socket(InetAddress.getLoopbackAddress(), serverPort);
                client.setTcpNoDelay(true);
                server.setTcpNoDelay(true);
                // Whether the server has answered everything the client sent so far.
                AtomicBoolean answered = new AtomicBoolean(true);
                relays.execute(() -> relay(client, server, true, type -> {
                    if (answered.getAndSet(false)) {
                        roundTrips.incrementAndGet();
                    }
                }));
                relays.execute(() -> relay(server, client, false, type -> {
                    if (type == 'Z') {
                        answered.set(true);
                    }
                }));
            } catch (IOException closed) {
                return;
            }
        }
    }

    /**
     * Copies messages (a type byte, then a length that counts itself), telling {@code observer} of each before it is
     * passed on, and flushing whenever nothing more has arrived. A client's first message, the startup message, has
     * a length but no type byte.
     */
    private static void relay(Socket from, Socket to, boolean fromClient, IntConsumer observer) {
        try (from;
                to) {
            DataInputStream in = new DataInputStream(new BufferedInputStream(from.getInputStream()));
            DataOutputStream out = new DataOutputStream(new BufferedOutputStream(to.getOutputStream()));
            if (fromClient) {
                int length = in.readInt();
                out.writeInt(length);
                out.write(in.readNBytes(length - Integer.BYTES));
                out.flush();
            }
            for (int type = in.read(); type >= 0; type = in.read()) {
                int length = in.readInt();
                byte[] body = in.readNBytes(length - Integer.BYTES);
                observer.accept(type);
                out.write(type);
                out.writeInt(length);
                out.write(body);
                if (in.available() == 0) {
                    out.flush();
                }
            }
        } catch (IOException closed) {
            // One side hung up; closing both ends the other direction too.
        }
    }

    @Override
    public void close() throws IOException {
        listener.close();
        relays.shutdownNow();
    }
}
