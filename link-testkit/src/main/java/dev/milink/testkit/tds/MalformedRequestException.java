package dev.milink.testkit.tds;

/** A client message this test double cannot decode; answered with a TDS protocol error, not a crash. */
final class MalformedRequestException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    MalformedRequestException(String message) {
        super(message);
    }
}
