package dev.milink.testkit.tds;

/** Wire constants of the TDS 7.4 subset this test double speaks ([MS-TDS] sections 2.2.3 and 2.2.7). */
final class TdsProtocol {

    // Packet types (header byte 0).
    static final int SQL_BATCH = 0x01;
    static final int RPC = 0x03;
    static final int TABULAR_RESULT = 0x04;
    static final int ATTENTION = 0x06;
    static final int LOGIN7 = 0x10;
    static final int PRELOGIN = 0x12;

    // Packet status bits (header byte 1).
    static final int STATUS_EOM = 0x01;
    static final int STATUS_RESET_CONNECTION = 0x08;
    static final int STATUS_RESET_CONNECTION_SKIP_TRAN = 0x10;

    static final int HEADER_LENGTH = 8;
    /** Every reply before LOGINACK must fit this size; the driver rejects longer packets. */
    static final int INITIAL_PACKET_SIZE = 4096;
    static final int MAX_PACKET_SIZE = 32767;

    // PRELOGIN encryption values.
    static final int ENCRYPT_OFF = 0x00;
    static final int ENCRYPT_ON = 0x01;
    static final int ENCRYPT_NOT_SUP = 0x02;
    static final int ENCRYPT_REQ = 0x03;

    // Tokens.
    static final int TOKEN_RETURNSTATUS = 0x79;
    static final int TOKEN_COLMETADATA = 0x81;
    static final int TOKEN_ERROR = 0xAA;
    static final int TOKEN_INFO = 0xAB;
    static final int TOKEN_RETURNVALUE = 0xAC;
    static final int TOKEN_LOGINACK = 0xAD;
    static final int TOKEN_ROW = 0xD1;
    static final int TOKEN_ENVCHANGE = 0xE3;
    static final int TOKEN_DONE = 0xFD;
    static final int TOKEN_DONEPROC = 0xFE;
    static final int TOKEN_DONEINPROC = 0xFF;

    // DONE status bits.
    static final int DONE_FINAL = 0x0000;
    static final int DONE_MORE = 0x0001;
    static final int DONE_ERROR = 0x0002;
    static final int DONE_COUNT = 0x0010;
    static final int DONE_ATTN = 0x0020;

    // DONE CurCmd values the driver interprets (see StreamDone in mssql-jdbc).
    static final int CMD_NONE = 0x00;
    static final int CMD_SELECT = 0xC1;
    static final int CMD_UPDATE = 0xC5;
    /** A DDL command: executeUpdate reports 0 rather than "no count". */
    static final int CMD_TABCREATE = 0xC6;
    static final int CMD_EXECUTE = 0xE0;

    // ENVCHANGE types.
    static final int ENV_DATABASE = 1;
    static final int ENV_PACKET_SIZE = 4;
    static final int ENV_SQL_COLLATION = 7;
    static final int ENV_RESET_ACK = 18;

    /** SQL_Latin1_General_CP1_CI_AS: LCID 0x0409, flags 0xD0 (CI, AS, KS/WS insensitive), sort id 52. */
    static final byte[] COLLATION = {0x09, 0x04, (byte) 0xD0, 0x00, 0x34};

    /** TDS 7.4 as sent in LOGINACK (big-endian on the wire). */
    static final int TDS_VERSION_74 = 0x74000004;

    // Well-known RPC procedure ids.
    static final int PROC_EXECUTESQL = 10;
    static final int PROC_PREPARE = 11;
    static final int PROC_EXECUTE = 12;
    static final int PROC_PREPEXEC = 13;
    static final int PROC_UNPREPARE = 15;

    private TdsProtocol() {
    }

    /** @return the well-known name of an RPC ProcID, for the journal and error messages */
    static String procName(int procId) {
        return switch (procId) {
            case 1 -> "sp_cursor";
            case 2 -> "sp_cursoropen";
            case 3 -> "sp_cursorprepare";
            case 4 -> "sp_cursorexecute";
            case 5 -> "sp_cursorprepexec";
            case 6 -> "sp_cursorunprepare";
            case 7 -> "sp_cursorfetch";
            case 8 -> "sp_cursoroption";
            case 9 -> "sp_cursorclose";
            case PROC_EXECUTESQL -> "sp_executesql";
            case PROC_PREPARE -> "sp_prepare";
            case PROC_EXECUTE -> "sp_execute";
            case PROC_PREPEXEC -> "sp_prepexec";
            case 14 -> "sp_prepexecrpc";
            case PROC_UNPREPARE -> "sp_unprepare";
            default -> "proc#" + procId;
        };
    }

    /** @return the ProcID for a procedure called by one of the well-known names, or -1 */
    static int procId(String name) {
        String n = name.toLowerCase(java.util.Locale.ROOT);
        int dot = n.lastIndexOf('.');
        if (dot >= 0) {
            n = n.substring(dot + 1);
        }
        return switch (n) {
            case "sp_executesql" -> PROC_EXECUTESQL;
            case "sp_prepare" -> PROC_PREPARE;
            case "sp_execute" -> PROC_EXECUTE;
            case "sp_prepexec" -> PROC_PREPEXEC;
            case "sp_unprepare" -> PROC_UNPREPARE;
            default -> -1;
        };
    }
}
