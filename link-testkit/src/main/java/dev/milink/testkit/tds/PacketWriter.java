package dev.milink.testkit.tds;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Builds one reply message at a time and cuts it into packets of at most the negotiated size, EOM on
 * the last one. Values inside the token stream are little-endian. Reuses one buffer per connection.
 * Not thread safe: only the connection's worker thread writes.
 */
final class PacketWriter {

    private final OutputStream out;
    private byte[] packet;
    private int position;
    private int packetType = TdsProtocol.TABULAR_RESULT;
    private int packetId = 1;

    PacketWriter(OutputStream out, int packetSize) {
        this.out = out;
        this.packet = new byte[packetSize];
        this.position = TdsProtocol.HEADER_LENGTH;
    }

    /** Changes the packet size; only call between messages (after the login reply). */
    void packetSize(int size) {
        if (position != TdsProtocol.HEADER_LENGTH) {
            throw new IllegalStateException("packet size changes only between messages");
        }
        packet = new byte[size];
    }

    /** Sets the packet type of the next message (TABULAR_RESULT by default, PRELOGIN during TLS). */
    void packetType(int type) {
        this.packetType = type;
    }

    void writeByte(int value) throws IOException {
        if (position == packet.length) {
            flushPacket(false);
        }
        packet[position++] = (byte) value;
    }

    void writeShort(int value) throws IOException {
        writeByte(value);
        writeByte(value >>> 8);
    }

    void writeInt(int value) throws IOException {
        if (packet.length - position >= 4) {
            packet[position++] = (byte) value;
            packet[position++] = (byte) (value >>> 8);
            packet[position++] = (byte) (value >>> 16);
            packet[position++] = (byte) (value >>> 24);
        } else {
            writeShort(value);
            writeShort(value >>> 16);
        }
    }

    void writeLong(long value) throws IOException {
        writeInt((int) value);
        writeInt((int) (value >>> 32));
    }

    /** Writes an int in network order (LOGINACK's TDS version, PRELOGIN fields). */
    void writeIntBigEndian(int value) throws IOException {
        writeByte(value >>> 24);
        writeByte(value >>> 16);
        writeByte(value >>> 8);
        writeByte(value);
    }

    void writeBytes(byte[] bytes) throws IOException {
        writeBytes(bytes, 0, bytes.length);
    }

    void writeBytes(byte[] bytes, int offset, int count) throws IOException {
        while (count > 0) {
            if (position == packet.length) {
                flushPacket(false);
            }
            int n = Math.min(count, packet.length - position);
            System.arraycopy(bytes, offset, packet, position, n);
            position += n;
            offset += n;
            count -= n;
        }
    }

    /** Writes UCS-2 little-endian characters without a length prefix. */
    void writeUcs2(String text) throws IOException {
        for (int i = 0; i < text.length(); i++) {
            writeShort(text.charAt(i));
        }
    }

    /** Writes a B_VARCHAR: a one-byte character count then UCS-2. */
    void writeBVarchar(String text) throws IOException {
        String s = text.length() > 255 ? text.substring(0, 255) : text;
        writeByte(s.length());
        writeUcs2(s);
    }

    /** Writes a US_VARCHAR: a two-byte character count then UCS-2. */
    void writeUsVarchar(String text) throws IOException {
        String s = text.length() > 65535 ? text.substring(0, 65535) : text;
        writeShort(s.length());
        writeUcs2(s);
    }

    static int ucs2Length(String text) {
        return text.length() * 2;
    }

    static byte[] ucs2(String text) {
        return text.getBytes(StandardCharsets.UTF_16LE);
    }

    /** Ends the message: sends the last packet with EOM and flushes the socket. */
    void endMessage() throws IOException {
        flushPacket(true);
        out.flush();
        packetId = 1;
    }

    private void flushPacket(boolean last) throws IOException {
        packet[0] = (byte) packetType;
        packet[1] = (byte) (last ? TdsProtocol.STATUS_EOM : 0);
        packet[2] = (byte) (position >>> 8);
        packet[3] = (byte) position;
        packet[4] = 0;
        packet[5] = 0;
        packet[6] = (byte) packetId;
        packet[7] = 0;
        packetId = (packetId + 1) & 0xFF;
        out.write(packet, 0, position);
        position = TdsProtocol.HEADER_LENGTH;
    }
}
