package org.custodian.interop.hl7v2;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * The MLLP listener of a running server: one virtual thread per connection, messages answered in
 * order. Its own framing rather than HAPI's server, so that every frame (bad ones included) is
 * stored before it is answered, oversized frames are cut off at a limit, and the ACK is written
 * only after {@link Hl7Inbox} has committed. It runs only when {@code custodian.hl7.mllp-port} is
 * set ({@code serve} sets it; 0 picks a free port), so other tests and tasks never bind a port.
 */
@Component
@ConditionalOnWebApplication
@ConditionalOnProperty("custodian.hl7.mllp-port")
public class MllpListener implements SmartLifecycle {
    private static final Logger log = LoggerFactory.getLogger(MllpListener.class);

    private final Hl7Inbox inbox;
    private final int requestedPort;
    private final int maxMessageBytes;
    private final Set<Socket> connections = ConcurrentHashMap.newKeySet();
    private volatile ServerSocket server;

    MllpListener(Hl7Inbox inbox, @Value("${custodian.hl7.mllp-port}") int port,
                 @Value("${custodian.hl7.max-message-bytes:1048576}") int maxMessageBytes) {
        this.inbox = inbox;
        this.requestedPort = port;
        this.maxMessageBytes = maxMessageBytes;
    }

    /** The bound port (useful when 0 was asked for), or -1 when not listening. */
    public int port() {
        ServerSocket s = server;
        return s == null ? -1 : s.getLocalPort();
    }

    @Override
    public void start() {
        try {
            ServerSocket socket = new ServerSocket();
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(requestedPort), 200);
            server = socket;
        } catch (IOException e) {
            throw new IllegalStateException("cannot listen for HL7 (MLLP) on port " + requestedPort + ": " + e.getMessage(), e);
        }
        Thread.ofPlatform().name("mllp-accept").daemon().start(this::acceptLoop);
        log.info("HL7 MLLP listener on port {}", port());
    }

    @Override
    public void stop() {
        ServerSocket s = server;
        server = null;
        try {
            if (s != null) {
                s.close();
            }
        } catch (IOException ignored) {
            // closing anyway
        }
        for (Socket c : connections) {
            try {
                c.close();
            } catch (IOException ignored) {
                // closing anyway
            }
        }
    }

    @Override
    public boolean isRunning() {
        return server != null;
    }

    private void acceptLoop() {
        ServerSocket s;
        while ((s = server) != null) {
            try {
                Socket socket = s.accept();
                connections.add(socket);
                Thread.ofVirtual().name("mllp-" + socket.getRemoteSocketAddress()).start(() -> serve(socket));
            } catch (IOException e) {
                if (server != null) {
                    log.warn("MLLP accept failed: {}", e.getMessage());
                }
            }
        }
    }

    private void serve(Socket socket) {
        String remote = socket.getInetAddress().getHostAddress() + ":" + socket.getPort();
        try (socket) {
            socket.setTcpNoDelay(true);
            var reader = new MllpFrameReader(new BufferedInputStream(socket.getInputStream()), maxMessageBytes, remote);
            OutputStream out = new BufferedOutputStream(socket.getOutputStream());
            RawMessage raw;
            while ((raw = reader.next()) != null) {
                // stored before answering; after a truncated frame the peer may be gone, and writing ends the loop
                Hl7Inbox.Receipt receipt = inbox.receive(raw);
                out.write(MllpFrameReader.START);
                out.write(AckWriter.bytes(receipt.ack(), raw.bytes()));
                out.write(MllpFrameReader.END);
                out.write(MllpFrameReader.CR);
                out.flush();
            }
        } catch (IOException e) {
            log.debug("MLLP connection {} closed: {}", remote, e.getMessage());
        } catch (RuntimeException e) {
            // e.g. the database is down: the message was not stored, so no ACK; the sender resends
            log.error("MLLP connection {} dropped: message could not be stored", remote, e);
        } finally {
            connections.remove(socket);
        }
    }
}
