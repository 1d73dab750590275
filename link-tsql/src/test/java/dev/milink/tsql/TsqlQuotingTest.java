package dev.milink.tsql;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class TsqlQuotingTest {

    @Test
    void identifiersAndLiteralsRoundTripThroughTheTokenizer() {
        for (String v : HostileNameTest.HOSTILE) {
            List<TsqlTokens.Token> id = TsqlTokens.tokens("SELECT " + TsqlQuoting.identifier(v) + ";");
            assertThat(id).as(v).hasSize(3);
            assertThat(id.get(1)).isEqualTo(new TsqlTokens.Token(TsqlTokens.Kind.IDENTIFIER, v));
            List<TsqlTokens.Token> lit = TsqlTokens.tokens("SELECT " + TsqlQuoting.literal(v) + ";");
            assertThat(lit.get(1)).isEqualTo(new TsqlTokens.Token(TsqlTokens.Kind.STRING, v));
            assertThat(TsqlQuoting.commentText(v)).doesNotContain("\n", "\r", "\u2028", "\u2029", "\u0085");
        }
        assertThat(TsqlQuoting.binary(new byte[] {0x0a, (byte) 0xff})).isEqualTo("0x0AFF");
    }
}
