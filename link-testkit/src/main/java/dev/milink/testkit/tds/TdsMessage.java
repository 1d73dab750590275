package dev.milink.testkit.tds;

/**
 * One client message: the payloads of all its packets up to EOM, concatenated.
 *
 * @param type the packet type of the first packet
 * @param status the status byte of the first packet (carries RESETCONNECTION)
 * @param payload the message payload without packet headers
 */
record TdsMessage(int type, int status, byte[] payload) {

    /** @return true when the client asked for a session reset before this request */
    boolean resetConnection() {
        return (status & (TdsProtocol.STATUS_RESET_CONNECTION | TdsProtocol.STATUS_RESET_CONNECTION_SKIP_TRAN)) != 0;
    }
}
