package dev.milink.testkit.tds;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;

/**
 * The TDS date and time encodings: TIME as a count of 10^-scale seconds since midnight in 3 to 5 bytes,
 * DATE as a 3-byte day count since 0001-01-01, DATETIMEOFFSET as UTC time and date plus offset minutes,
 * and the legacy DATETIME (days since 1900-01-01 and 1/300 second ticks).
 */
final class TemporalCodec {

    private static final LocalDate DATE_EPOCH = LocalDate.of(1, 1, 1);
    private static final LocalDateTime DATETIME_EPOCH = LocalDateTime.of(1900, 1, 1, 0, 0);
    private static final long[] POWERS_OF_TEN = {1L, 10L, 100L, 1_000L, 10_000L, 100_000L, 1_000_000L,
        10_000_000L, 100_000_000L, 1_000_000_000L};

    private TemporalCodec() {
    }

    /** @return the number of bytes a TIME value of this scale takes */
    static int timeLength(int scale) {
        return scale <= 2 ? 3 : scale <= 4 ? 4 : 5;
    }

    static LocalTime readTime(PayloadCursor c, int scale, int length) {
        long units = c.readUnsigned(length);
        return LocalTime.ofNanoOfDay(units * POWERS_OF_TEN[9 - scale]);
    }

    static LocalDate readDate(PayloadCursor c) {
        return DATE_EPOCH.plusDays(c.readUnsigned(3));
    }

    static LocalDateTime readDateTime2(PayloadCursor c, int scale, int valueLength) {
        LocalTime time = readTime(c, scale, valueLength - 3);
        return LocalDateTime.of(readDate(c), time);
    }

    static OffsetDateTime readDateTimeOffset(PayloadCursor c, int scale, int valueLength) {
        LocalDateTime utc = readDateTime2(c, scale, valueLength - 2);
        short minutes = (short) c.readUnsignedShort();
        return utc.atOffset(ZoneOffset.UTC).withOffsetSameInstant(ZoneOffset.ofTotalSeconds(minutes * 60));
    }

    static LocalDateTime readDateTime(PayloadCursor c) {
        int days = c.readInt();
        long ticks = c.readInt() & 0xFFFFFFFFL;
        return DATETIME_EPOCH.plusDays(days).plusNanos(Math.round(ticks * 1_000_000_000.0 / 300));
    }

    static LocalDateTime readSmallDateTime(PayloadCursor c) {
        int days = c.readUnsignedShort();
        int minutes = c.readUnsignedShort();
        return DATETIME_EPOCH.plusDays(days).plusMinutes(minutes);
    }

    /** Writes datetime2(7): 5 bytes of 100 ns units then 3 bytes of days. */
    static void writeDateTime2(PacketWriter w, LocalDateTime value) throws java.io.IOException {
        long units = value.toLocalTime().toNanoOfDay() / 100;
        for (int i = 0; i < 5; i++) {
            w.writeByte((int) (units >>> (8 * i)));
        }
        long days = ChronoUnit.DAYS.between(DATE_EPOCH, value.toLocalDate());
        w.writeByte((int) days);
        w.writeByte((int) (days >>> 8));
        w.writeByte((int) (days >>> 16));
    }

    /** Writes datetimeoffset(7): the UTC date-time as datetime2(7), then the offset in minutes. */
    static void writeDateTimeOffset(PacketWriter w, OffsetDateTime value) throws java.io.IOException {
        writeDateTime2(w, value.withOffsetSameInstant(ZoneOffset.UTC).toLocalDateTime());
        w.writeShort(value.getOffset().getTotalSeconds() / 60);
    }
}
