package org.custodian.interop.hl7v2;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/** A bare MLLP connection for sending bytes HAPI's client would never send. */
final class MllpTestClient implements AutoCloseable {
    private final Socket socket;
    private final InputStream in;
    private final OutputStream out;

    MllpTestClient(int port) throws IOException {
        this(port, 10_000);
    }

    /** With a longer wait for each ACK, for many messages committed together on a busy machine. */
    MllpTestClient(int port, int ackTimeoutMillis) throws IOException {
        socket = new Socket("localhost", port);
        socket.setSoTimeout(ackTimeoutMillis);
        in = socket.getInputStream();
        out = socket.getOutputStream();
    }

    String send(String message) throws IOException {
        sendRaw(frame(message.getBytes(StandardCharsets.UTF_8)));
        return readAck();
    }

    void sendRaw(byte[] bytes) throws IOException {
        out.write(bytes);
        out.flush();
    }

    static byte[] frame(byte[] body) {
        byte[] framed = new byte[body.length + 3];
        framed[0] = 0x0B;
        System.arraycopy(body, 0, framed, 1, body.length);
        framed[body.length + 1] = 0x1C;
        framed[body.length + 2] = 0x0D;
        return framed;
    }

    String readAck() throws IOException {
        return new String(readAckBytes(), StandardCharsets.UTF_8);
    }

    /** The ACK's bytes as sent, for a test of the character set they are in. */
    byte[] readAckBytes() throws IOException {
        int b;
        while ((b = in.read()) != 0x0B) {
            if (b == -1) {
                throw new IOException("connection closed before an ACK");
            }
        }
        ByteArrayOutputStream ack = new ByteArrayOutputStream();
        while ((b = in.read()) != 0x1C) {
            if (b == -1) {
                throw new IOException("connection closed inside an ACK");
            }
            ack.write(b);
        }
        in.read();
        return ack.toByteArray();
    }

    void shutdownOutput() throws IOException {
        socket.shutdownOutput();
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
