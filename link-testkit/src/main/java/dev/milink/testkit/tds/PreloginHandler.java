package dev.milink.testkit.tds;

import java.io.IOException;

/**
 * Answers the client's PRELOGIN: server version and the encryption decision.
 *
 * <p>The decision table follows the driver's behaviour: a client that does not ask for encryption is
 * answered {@code ENCRYPT_NOT_SUP}, because {@code ENCRYPT_OFF} would still make the driver run TLS for
 * the LOGIN7 packet. A client that asks for encryption gets {@code ENCRYPT_ON} (full TLS for the whole
 * session) only when the server runs {@link TdsEncryption#TLS_IN_PRELOGIN}; otherwise it is told
 * {@code ENCRYPT_NOT_SUP} and the driver gives up with its own message.
 */
final class PreloginHandler {

    private static final int OPTION_VERSION = 0x00;
    private static final int OPTION_ENCRYPTION = 0x01;
    private static final int OPTION_MARS = 0x04;
    private static final int OPTION_TERMINATOR = 0xFF;

    private PreloginHandler() {
    }

    /**
     * Reads the client's encryption option and writes the reply.
     *
     * @param request the client's PRELOGIN message
     * @param mode the server's encryption mode
     * @param writer where the reply goes (one packet, type 0x04)
     * @return true when a TLS handshake must follow
     */
    static boolean answer(TdsMessage request, TdsEncryption mode, PacketWriter writer) throws IOException {
        if (request.type() != TdsProtocol.PRELOGIN) {
            throw new MalformedRequestException("expected PRELOGIN, got packet type " + request.type());
        }
        int clientEncryption = clientEncryption(request.payload());
        boolean clientWantsTls = (clientEncryption & 0x7F) == TdsProtocol.ENCRYPT_ON
                || (clientEncryption & 0x7F) == TdsProtocol.ENCRYPT_REQ;
        boolean tls = clientWantsTls && mode == TdsEncryption.TLS_IN_PRELOGIN;
        int answer = tls ? TdsProtocol.ENCRYPT_ON : TdsProtocol.ENCRYPT_NOT_SUP;

        // Three option entries of 5 bytes and a terminator, then the data: version(6) encryption(1) mars(1).
        int dataStart = 3 * 5 + 1;
        writeOption(writer, OPTION_VERSION, dataStart, 6);
        writeOption(writer, OPTION_ENCRYPTION, dataStart + 6, 1);
        writeOption(writer, OPTION_MARS, dataStart + 7, 1);
        writer.writeByte(OPTION_TERMINATOR);
        // 16.0.4096: major must be >= 11 for the driver to choose TDS 7.4.
        writer.writeByte(16);
        writer.writeByte(0);
        writer.writeByte(0x10);
        writer.writeByte(0x00);
        writer.writeByte(0);
        writer.writeByte(0);
        writer.writeByte(answer);
        writer.writeByte(0); // MARS off: this double has no multiple active result sets.
        writer.endMessage();
        return tls;
    }

    private static void writeOption(PacketWriter writer, int token, int offset, int length) throws IOException {
        writer.writeByte(token);
        writer.writeByte(offset >>> 8); // PRELOGIN offsets and lengths are big-endian.
        writer.writeByte(offset);
        writer.writeByte(length >>> 8);
        writer.writeByte(length);
    }

    /** @return the client's ENCRYPTION byte, or ENCRYPT_NOT_SUP when the option is missing */
    static int clientEncryption(byte[] payload) {
        int i = 0;
        while (i + 5 <= payload.length && (payload[i] & 0xFF) != OPTION_TERMINATOR) {
            int token = payload[i] & 0xFF;
            int offset = ((payload[i + 1] & 0xFF) << 8) | (payload[i + 2] & 0xFF);
            int length = ((payload[i + 3] & 0xFF) << 8) | (payload[i + 4] & 0xFF);
            if (token == OPTION_ENCRYPTION && length >= 1 && offset < payload.length) {
                return payload[offset] & 0xFF;
            }
            i += 5;
        }
        return TdsProtocol.ENCRYPT_NOT_SUP;
    }
}
