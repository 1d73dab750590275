package dev.milink.testkit.tds;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

/** Reads whole TDS messages (packets up to the one with EOM) from a byte stream. Not thread safe. */
final class PacketReader {

    private final InputStream in;
    private final byte[] header = new byte[TdsProtocol.HEADER_LENGTH];
    private byte[] buffer = new byte[TdsProtocol.INITIAL_PACKET_SIZE];

    PacketReader(InputStream in) {
        this.in = in;
    }

    /**
     * Reads the next message.
     *
     * @return the message, or null when the client closed the connection between messages
     * @throws IOException on a broken stream or a malformed packet header
     */
    TdsMessage read() throws IOException {
        int length = 0;
        int type = -1;
        int status = 0;
        while (true) {
            if (!readHeader(type < 0)) {
                return null;
            }
            int packetLength = ((header[2] & 0xFF) << 8) | (header[3] & 0xFF);
            if (packetLength < TdsProtocol.HEADER_LENGTH) {
                throw new IOException("malformed TDS packet length " + packetLength);
            }
            if (type < 0) {
                type = header[0] & 0xFF;
                status = header[1] & 0xFF;
            }
            int payloadLength = packetLength - TdsProtocol.HEADER_LENGTH;
            if (length + payloadLength > buffer.length) {
                buffer = Arrays.copyOf(buffer, Math.max(buffer.length * 2, length + payloadLength));
            }
            readFully(buffer, length, payloadLength);
            length += payloadLength;
            if ((header[1] & TdsProtocol.STATUS_EOM) != 0) {
                return new TdsMessage(type, status, Arrays.copyOf(buffer, length));
            }
        }
    }

    private boolean readHeader(boolean eofAllowed) throws IOException {
        int first = in.read();
        if (first < 0) {
            if (eofAllowed) {
                return false;
            }
            throw new EOFException("connection closed inside a TDS message");
        }
        header[0] = (byte) first;
        readFully(header, 1, TdsProtocol.HEADER_LENGTH - 1);
        return true;
    }

    private void readFully(byte[] target, int offset, int count) throws IOException {
        int done = 0;
        while (done < count) {
            int n = in.read(target, offset + done, count - done);
            if (n < 0) {
                throw new EOFException("connection closed inside a TDS packet");
            }
            done += n;
        }
    }
}
