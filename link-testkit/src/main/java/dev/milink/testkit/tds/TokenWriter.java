package dev.milink.testkit.tds;

import java.io.IOException;

/**
 * Writes the non-row tokens of the reply stream ([MS-TDS] 2.2.7): LOGINACK, ENVCHANGE, DONE family,
 * ERROR/INFO, RETURNSTATUS and the RETURNVALUE that carries a prepared handle.
 */
final class TokenWriter {

    private static final String PROGRAM_NAME = "milink TDS test double";

    private final PacketWriter w;
    private final String serverName;

    TokenWriter(PacketWriter writer, String serverName) {
        this.w = writer;
        this.serverName = serverName;
    }

    PacketWriter packets() {
        return w;
    }

    void loginAck() throws IOException {
        w.writeByte(TdsProtocol.TOKEN_LOGINACK);
        w.writeShort(1 + 4 + 1 + PacketWriter.ucs2Length(PROGRAM_NAME) + 4);
        w.writeByte(1); // interface: SQL_TSQL
        w.writeIntBigEndian(TdsProtocol.TDS_VERSION_74); // the one big-endian field of the token stream
        w.writeBVarchar(PROGRAM_NAME);
        w.writeByte(16); // reported as version 16.0.4096, matching PRELOGIN
        w.writeByte(0);
        w.writeByte(0x10);
        w.writeByte(0x00);
    }

    /** ENVCHANGE with B_VARCHAR new and old values (database, packet size). */
    void envChange(int type, String newValue, String oldValue) throws IOException {
        w.writeByte(TdsProtocol.TOKEN_ENVCHANGE);
        w.writeShort(1 + 1 + PacketWriter.ucs2Length(newValue) + 1 + PacketWriter.ucs2Length(oldValue));
        w.writeByte(type);
        w.writeBVarchar(newValue);
        w.writeBVarchar(oldValue);
    }

    /** ENVCHANGE 7: the SQL collation as a B_VARBYTE, old value empty. */
    void collation() throws IOException {
        w.writeByte(TdsProtocol.TOKEN_ENVCHANGE);
        w.writeShort(1 + 1 + TdsProtocol.COLLATION.length + 1);
        w.writeByte(TdsProtocol.ENV_SQL_COLLATION);
        w.writeByte(TdsProtocol.COLLATION.length);
        w.writeBytes(TdsProtocol.COLLATION);
        w.writeByte(0);
    }

    /** ENVCHANGE 18: acknowledges a RESETCONNECTION request. */
    void resetAck() throws IOException {
        w.writeByte(TdsProtocol.TOKEN_ENVCHANGE);
        w.writeShort(3);
        w.writeByte(TdsProtocol.ENV_RESET_ACK);
        w.writeByte(0);
        w.writeByte(0);
    }

    void error(int number, int state, int severity, String message) throws IOException {
        message(TdsProtocol.TOKEN_ERROR, number, state, severity, message);
    }

    void info(int number, int state, int severity, String message) throws IOException {
        message(TdsProtocol.TOKEN_INFO, number, state, severity, message);
    }

    private void message(int token, int number, int state, int severity, String text) throws IOException {
        String msg = text == null ? "" : text.length() > 65535 ? text.substring(0, 65535) : text;
        String server = serverName.length() > 255 ? serverName.substring(0, 255) : serverName;
        w.writeByte(token);
        w.writeShort(4 + 1 + 1 + 2 + PacketWriter.ucs2Length(msg) + 1 + PacketWriter.ucs2Length(server) + 1 + 4);
        w.writeInt(number);
        w.writeByte(state);
        w.writeByte(severity);
        w.writeUsVarchar(msg);
        w.writeBVarchar(server);
        w.writeBVarchar(""); // procedure name
        w.writeInt(1); // line number
    }

    void done(int token, int status, int curCmd, long rowCount) throws IOException {
        w.writeByte(token);
        w.writeShort(status);
        w.writeShort(curCmd);
        w.writeLong(rowCount);
    }

    void returnStatus(int value) throws IOException {
        w.writeByte(TdsProtocol.TOKEN_RETURNSTATUS);
        w.writeInt(value);
    }

    /** RETURNVALUE of an int OUTPUT parameter, used for the handle of sp_prepare / sp_prepexec. */
    void returnIntValue(int ordinal, String name, int value) throws IOException {
        w.writeByte(TdsProtocol.TOKEN_RETURNVALUE);
        w.writeShort(ordinal);
        w.writeBVarchar(name);
        w.writeByte(0x01); // status: output parameter
        w.writeInt(0); // user type
        w.writeShort(0x0001); // flags: nullable
        w.writeByte(0x26); // INTN
        w.writeByte(4);
        w.writeByte(4);
        w.writeInt(value);
    }
}
