package briefing.source;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The fast UTF-8 path must accept and refuse exactly what a strict decoder does. */
class DecoderPropertiesTest {
    @Property(tries = 3000)
    void acceptsAndRefusesAsTheStrictDecoder(@ForAll("texts") byte[] bytes) throws Exception {
        String want;
        try {
            want = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            assertThrows(Decoder.DecodeException.class, () -> Decoder.decode(bytes));
            return;
        }
        want = Normalizer.normalize(want.replace("\r\n", "\n").replace('\r', '\n'), Normalizer.Form.NFC);
        assertEquals(want, Decoder.decode(bytes));
    }

    /** UTF-8 of letters, a stated U+FFFD and an emoji, with stray bytes of broken sequences mixed in. */
    @Provide
    Arbitrary<byte[]> texts() {
        Arbitrary<byte[]> piece = Arbitraries.of("a", " ", "\n", "Việt", "é", "\uFFFD", "😀", "中", "\r", "\r\n", "e\u0301",
                        "Vie\u0323\u0302t", "\u1EA0", "\u0302", "\u0340", "\u2000", "\u2126", "\u212B", "ơ", "\u0345", "–", "\u1100\u1161")
                .map(s -> s.getBytes(StandardCharsets.UTF_8));
        Arbitrary<byte[]> stray = Arbitraries.of((byte) 0x80, (byte) 0xC3, (byte) 0xE1, (byte) 0xF0, (byte) 0xFF, (byte) 0xED,
                (byte) 0xA0).map(b -> new byte[] {b});
        return Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(8, piece), net.jqwik.api.Tuple.of(1, stray)).list().ofMaxSize(12)
                .map(parts -> {
                    java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
                    parts.forEach(out::writeBytes);
                    return out.toByteArray();
                });
    }
}
