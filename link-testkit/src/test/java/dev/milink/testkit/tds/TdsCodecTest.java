package dev.milink.testkit.tds;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Codec-level checks that do not need the driver. */
class TdsCodecTest {

    @Test
    void writerSplitsMessagesIntoPacketsWithEomOnlyOnTheLast() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PacketWriter writer = new PacketWriter(out, 512);
        byte[] payload = new byte[1200];
        for (int i = 0; i < payload.length; i++) {
            payload[i] = (byte) i;
        }
        writer.writeBytes(payload);
        writer.endMessage();
        byte[] wire = out.toByteArray();
        assertThat(wire).hasSize(1200 + 3 * 8);
        assertThat(wire[1]).isEqualTo((byte) 0); // first packet: no EOM
        assertThat(((wire[2] & 0xFF) << 8) | (wire[3] & 0xFF)).isEqualTo(512);
        TdsMessage back = new PacketReader(new ByteArrayInputStream(wire)).read();
        assertThat(back.type()).isEqualTo(TdsProtocol.TABULAR_RESULT);
        assertThat(back.payload()).isEqualTo(payload);
    }

    @Test
    void readerReportsCleanEndAndTruncation() throws Exception {
        assertThat(new PacketReader(new ByteArrayInputStream(new byte[0])).read()).isNull();
        byte[] truncated = {0x01, 0x01, 0x00, 0x20, 0, 0, 1, 0, 1, 2};
        assertThatThrownBy(() -> new PacketReader(new ByteArrayInputStream(truncated)).read())
                .isInstanceOf(java.io.EOFException.class);
    }

    @Test
    void preloginAnswersNotSupportedUnlessTlsIsOffered() throws Exception {
        byte[] clientOff = prelogin(TdsProtocol.ENCRYPT_OFF);
        byte[] clientOn = prelogin(TdsProtocol.ENCRYPT_ON);
        assertThat(encryptionAnswer(clientOff, TdsEncryption.TLS_IN_PRELOGIN)).isEqualTo(TdsProtocol.ENCRYPT_NOT_SUP);
        assertThat(encryptionAnswer(clientOn, TdsEncryption.OFF)).isEqualTo(TdsProtocol.ENCRYPT_NOT_SUP);
        assertThat(encryptionAnswer(clientOn, TdsEncryption.TLS_IN_PRELOGIN)).isEqualTo(TdsProtocol.ENCRYPT_ON);
    }

    @Test
    void login7PasswordIsUnscrambled() {
        String password = "pä$$w0rd";
        byte[] scrambled = password.getBytes(StandardCharsets.UTF_16LE);
        for (int i = 0; i < scrambled.length; i++) {
            int b = scrambled[i] & 0xFF;
            scrambled[i] = (byte) ((((b << 4) & 0xF0) | (b >>> 4)) ^ 0xA5);
        }
        byte[] user = "sa".getBytes(StandardCharsets.UTF_16LE);
        ByteBuffer p = ByteBuffer.allocate(94 + user.length + scrambled.length).order(ByteOrder.LITTLE_ENDIAN);
        p.putInt(0, p.capacity()).putInt(4, TdsProtocol.TDS_VERSION_74).putInt(8, 8000);
        p.putShort(40, (short) 94).putShort(42, (short) 2);
        p.putShort(44, (short) (94 + user.length)).putShort(46, (short) password.length());
        for (int off : new int[] {36, 48, 52, 56, 60, 64, 68, 78, 82, 86}) {
            p.putShort(off, (short) 94);
        }
        p.position(94);
        p.put(user).put(scrambled);
        Login7Decoder.Login7 login = Login7Decoder.decode(new TdsMessage(TdsProtocol.LOGIN7, 1, p.array()));
        assertThat(login.request().user()).isEqualTo("sa");
        assertThat(login.request().password()).isEqualTo(password);
        assertThat(login.request().toString()).doesNotContain(password);
        assertThat(login.packetSize()).isEqualTo(8000);
    }

    @Test
    void truncatedRpcIsAMalformedRequest() {
        byte[] payload = {22, 0, 0, 0, 18, 0, 0, 0, 2, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0, (byte) 0xFF, (byte) 0xFF,
            10};
        assertThatThrownBy(() -> RpcDecoder.calls(payload)).isInstanceOf(MalformedRequestException.class);
    }

    private static byte[] prelogin(int encryption) {
        // VERSION (6 bytes) and ENCRYPTION (1 byte) after a two-entry table and terminator.
        return new byte[] {0x00, 0, 11, 0, 6, 0x01, 0, 17, 0, 1, (byte) 0xFF, 9, 0, 0, 0, 0, 0, (byte) encryption};
    }

    private static int encryptionAnswer(byte[] request, TdsEncryption mode) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PreloginHandler.answer(new TdsMessage(TdsProtocol.PRELOGIN, 1, request), mode, new PacketWriter(out, 4096));
        byte[] reply = out.toByteArray();
        byte[] payload = java.util.Arrays.copyOfRange(reply, 8, reply.length);
        assertThat(reply[0]).isEqualTo((byte) TdsProtocol.TABULAR_RESULT);
        return PreloginHandler.clientEncryption(payload);
    }
}
