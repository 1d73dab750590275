package dev.milink.testkit.tds;

import dev.milink.testkit.sql.LoginRequest;

/**
 * Decodes LOGIN7 ([MS-TDS] 2.2.6.4): the fixed part, then (offset, character count) pairs into the
 * variable part. All little-endian. The password is unscrambled here and lives only in the
 * {@link LoginRequest} handed to the engine; it is never journalled or logged.
 */
final class Login7Decoder {

    private static final int FIXED_LENGTH = 94;
    private static final int OFFSET_PACKET_SIZE = 8;
    private static final int OFFSET_HOST_NAME = 36;
    private static final int OFFSET_USER_NAME = 40;
    private static final int OFFSET_PASSWORD = 44;
    private static final int OFFSET_APP_NAME = 48;
    private static final int OFFSET_DATABASE = 68;
    private static final int OFFSET_SSPI = 78;

    /**
     * A decoded login.
     *
     * @param request what the engine sees
     * @param packetSize the packet size the client asked for (0 = server default)
     * @param tdsVersion the client's TDS version
     * @param integratedAuth true when the client sent an SSPI blob (Windows authentication)
     */
    record Login7(LoginRequest request, int packetSize, int tdsVersion, boolean integratedAuth) {
    }

    private Login7Decoder() {
    }

    static Login7 decode(TdsMessage message) {
        if (message.type() != TdsProtocol.LOGIN7) {
            throw new MalformedRequestException("expected LOGIN7, got packet type " + message.type());
        }
        byte[] p = message.payload();
        if (p.length < FIXED_LENGTH) {
            throw new MalformedRequestException("LOGIN7 shorter than its fixed part: " + p.length);
        }
        PayloadCursor c = new PayloadCursor(p, 4);
        int tdsVersion = c.readInt();
        c.position(OFFSET_PACKET_SIZE);
        int packetSize = c.readInt();
        String host = string(p, OFFSET_HOST_NAME, false);
        String user = string(p, OFFSET_USER_NAME, false);
        String password = string(p, OFFSET_PASSWORD, true);
        String app = string(p, OFFSET_APP_NAME, false);
        String database = string(p, OFFSET_DATABASE, false);
        PayloadCursor sspi = new PayloadCursor(p, OFFSET_SSPI + 2);
        boolean integrated = sspi.readUnsignedShort() > 0;
        return new Login7(new LoginRequest(user, password, database, app, host), packetSize, tdsVersion, integrated);
    }

    private static String string(byte[] payload, int pairOffset, boolean scrambled) {
        PayloadCursor pair = new PayloadCursor(payload, pairOffset);
        int offset = pair.readUnsignedShort();
        int chars = pair.readUnsignedShort();
        if (chars == 0) {
            return "";
        }
        if (!scrambled) {
            return new PayloadCursor(payload, offset).readUcs2(chars);
        }
        byte[] bytes = new PayloadCursor(payload, offset).readBytes(chars * 2);
        for (int i = 0; i < bytes.length; i++) {
            // The client swapped the nibbles and then XORed 0xA5; undo in reverse order.
            int b = (bytes[i] & 0xFF) ^ 0xA5;
            bytes[i] = (byte) (((b << 4) & 0xF0) | (b >>> 4));
        }
        return new String(bytes, java.nio.charset.StandardCharsets.UTF_16LE);
    }
}
