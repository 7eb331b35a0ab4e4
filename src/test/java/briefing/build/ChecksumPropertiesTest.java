package briefing.build;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.Size;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

/** An edited seed must get a new cache key, including an edit that keeps its length. */
class ChecksumPropertiesTest {
    @Property(tries = 2000)
    void anEditOfTheSameLengthChangesTheChecksum(@ForAll @Size(min = 1, max = 300) byte[] seed, @ForAll int where, @ForAll byte to) {
        byte[] edited = seed.clone();
        int i = Math.floorMod(where, seed.length);
        edited[i] = edited[i] == to ? (byte) (to + 1) : to;
        assertNotEquals(BuildCache.checksum(seed), BuildCache.checksum(edited));
        assertEquals(BuildCache.checksum(seed), BuildCache.checksum(seed.clone()));
    }

    @Property(tries = 500)
    void swappingTwoLinesChangesTheChecksum(@ForAll @Size(min = 1, max = 40) String a, @ForAll @Size(min = 1, max = 40) String b) {
        if (a.equals(b)) return;
        byte[] ab = (a + "\n" + b).getBytes(java.nio.charset.StandardCharsets.UTF_8);
        byte[] ba = (b + "\n" + a).getBytes(java.nio.charset.StandardCharsets.UTF_8);
        if (java.util.Arrays.equals(ab, ba)) return;
        assertNotEquals(BuildCache.checksum(ab), BuildCache.checksum(ba));
    }
}
