package dev.milink.testkit.tds;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Decodes SQL_BATCH and RPC requests ([MS-TDS] 2.2.6.6 and 2.2.6.7). Both start with ALL_HEADERS
 * (transaction descriptor), which this double skips: it has no distributed transactions.
 */
final class RpcDecoder {

    /** Separates RPC calls batched into one message (the driver's executeBatch). */
    private static final int BATCH_FLAG = 0xFF;
    private static final int NO_EXEC_FLAG = 0x80;

    /**
     * One parameter as sent.
     *
     * @param name the parameter name, empty for the driver's positional parameters
     * @param output true for OUTPUT parameters
     * @param value the decoded value
     */
    record RpcParam(String name, boolean output, Object value) {
    }

    /**
     * One procedure call.
     *
     * @param procId the well-known ProcID, or -1 when called by a name that is not one of them
     * @param procName the procedure name (the well-known name for a ProcID)
     * @param params the parameters in order
     */
    record RpcCall(int procId, String procName, List<RpcParam> params) {

        Object value(int index) {
            return index < params.size() ? params.get(index).value() : null;
        }

        /** @return the values from {@code from} on, as the engine's positional @P0..@Pn list */
        List<Object> values(int from) {
            if (from >= params.size()) {
                return List.of();
            }
            List<Object> values = new ArrayList<>(params.size() - from);
            for (int i = from; i < params.size(); i++) {
                values.add(params.get(i).value());
            }
            return Collections.unmodifiableList(values);
        }
    }

    private RpcDecoder() {
    }

    /** @return the UCS-2 text of a SQL_BATCH */
    static String batchText(byte[] payload) {
        PayloadCursor c = new PayloadCursor(payload, 0);
        skipAllHeaders(c);
        return c.readUcs2(c.remaining() / 2);
    }

    /** @return the calls in an RPC message, usually exactly one */
    static List<RpcCall> calls(byte[] payload) {
        PayloadCursor c = new PayloadCursor(payload, 0);
        skipAllHeaders(c);
        List<RpcCall> calls = new ArrayList<>(1);
        while (c.hasRemaining()) {
            calls.add(call(c));
        }
        return calls;
    }

    private static RpcCall call(PayloadCursor c) {
        int nameLength = c.readUnsignedShort();
        int procId;
        String name;
        if (nameLength == 0xFFFF) {
            procId = c.readUnsignedShort();
            name = TdsProtocol.procName(procId);
        } else {
            name = c.readUcs2(nameLength);
            procId = TdsProtocol.procId(name);
        }
        c.readUnsignedShort(); // option flags: WithRecomp / NoMetaData are irrelevant to this double
        List<RpcParam> params = new ArrayList<>();
        while (c.hasRemaining()) {
            int next = c.peekByte();
            if (next == BATCH_FLAG || next == NO_EXEC_FLAG) {
                c.readByte();
                break;
            }
            String paramName = c.readBVarchar();
            int status = c.readByte();
            Object value = ParameterDecoder.read(c);
            params.add(new RpcParam(paramName, (status & 0x01) != 0, value));
        }
        return new RpcCall(procId, name, params);
    }

    private static void skipAllHeaders(PayloadCursor c) {
        if (c.remaining() < 4) {
            return;
        }
        int total = c.readInt();
        // TDS 7.2+ always sends ALL_HEADERS; a total outside the payload means it is absent.
        if (total < 4 || total > c.remaining() + 4) {
            c.position(0);
        } else {
            c.position(total);
        }
    }
}
