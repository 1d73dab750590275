package dev.milink.testkit.tds;

import java.nio.charset.StandardCharsets;

/** Little-endian reads over a message payload, with bounds checks that name the broken field. */
final class PayloadCursor {

    private final byte[] data;
    private int position;

    PayloadCursor(byte[] data, int position) {
        this.data = data;
        this.position = position;
    }

    int position() {
        return position;
    }

    void position(int newPosition) {
        this.position = newPosition;
    }

    boolean hasRemaining() {
        return position < data.length;
    }

    int remaining() {
        return data.length - position;
    }

    int peekByte() {
        need(1);
        return data[position] & 0xFF;
    }

    int readByte() {
        need(1);
        return data[position++] & 0xFF;
    }

    int readUnsignedShort() {
        need(2);
        int v = (data[position] & 0xFF) | ((data[position + 1] & 0xFF) << 8);
        position += 2;
        return v;
    }

    int readInt() {
        need(4);
        int v = (data[position] & 0xFF) | ((data[position + 1] & 0xFF) << 8) | ((data[position + 2] & 0xFF) << 16)
                | ((data[position + 3] & 0xFF) << 24);
        position += 4;
        return v;
    }

    long readLong() {
        long low = readInt() & 0xFFFFFFFFL;
        long high = readInt() & 0xFFFFFFFFL;
        return low | (high << 32);
    }

    /** Reads an unsigned little-endian integer of 1 to 8 bytes. */
    long readUnsigned(int bytes) {
        need(bytes);
        long v = 0;
        for (int i = 0; i < bytes; i++) {
            v |= (data[position + i] & 0xFFL) << (8 * i);
        }
        position += bytes;
        return v;
    }

    byte[] readBytes(int count) {
        need(count);
        byte[] copy = new byte[count];
        System.arraycopy(data, position, copy, 0, count);
        position += count;
        return copy;
    }

    void skip(int count) {
        need(count);
        position += count;
    }

    /** Reads {@code chars} UCS-2 characters. */
    String readUcs2(int chars) {
        need(chars * 2);
        String s = new String(data, position, chars * 2, StandardCharsets.UTF_16LE);
        position += chars * 2;
        return s;
    }

    /** Reads a B_VARCHAR (one-byte character count). */
    String readBVarchar() {
        return readUcs2(readByte());
    }

    private void need(int count) {
        if (count < 0 || position + count > data.length) {
            throw new MalformedRequestException("request ends early: need " + count + " bytes at offset " + position
                    + " of " + data.length);
        }
    }
}
