package dev.newswire.enrich.dedup;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SimHashTest {

    private static final String STORY = "The United States and China agreed to extend their tariff truce after two days "
            + "of trade talks in London. Treasury Secretary Scott Bessent said the dialogue with Vice Premier He Lifeng "
            + "was productive, and both teams will meet again next month in Washington to discuss chips and soybeans. "
            + "The truce, first agreed in Geneva in May, had cut the steepest tariffs on each other's goods and eased "
            + "curbs on rare earth exports that American carmakers depend on. Markets in Asia rose after the news, "
            + "with the yuan firming against the dollar and shares of exporters gaining in Shanghai and Hong Kong. "
            + "Analysts said the deal bought time but left the hardest questions, on technology controls and "
            + "industrial subsidies, for later rounds. Officials on both sides described the atmosphere as calm "
            + "and said working groups would continue by video conference over the coming weeks.";

    @Test
    void republishedCopyWithSmallEditsIsANearDuplicateOfTheFirst() {
        InMemoryNearDuplicateIndex index = new InMemoryNearDuplicateIndex();
        long first = SimHash.of(STORY, "en");
        long copy = SimHash.of(STORY.replace("productive", "very productive") + " (Reuters)", "en");
        long other = SimHash.of("Japan's Nikkei share average rose 2 percent on Monday as exporters gained "
                + "on a weaker yen, while investors awaited the central bank decision later this week.", "en");
        assertThat(SimHash.distance(first, copy)).isLessThanOrEqualTo(InMemoryNearDuplicateIndex.DEFAULT_MAX_DISTANCE);
        assertThat(SimHash.distance(first, other)).isGreaterThan(16);
        assertThat(index.findAndAdd("a", first)).isEmpty();
        assertThat(index.findAndAdd("b", copy)).contains("a");
        assertThat(index.findAndAdd("c", other)).isEmpty();
        assertThat(index.findAndAdd("a", first)).as("a replay is not its own duplicate").contains("b");
    }

    @Test
    void indexForgetsTheOldestBeyondItsCapacity() {
        InMemoryNearDuplicateIndex index = new InMemoryNearDuplicateIndex(2, 6);
        index.findAndAdd("a", 0x1L);
        index.findAndAdd("b", 0xFFFFFFFF0000L);
        index.findAndAdd("c", 0xFFFFFFFF00000000L);
        assertThat(index.size()).isEqualTo(2);
        assertThat(index.findAndAdd("d", 0x1L)).isEmpty();
    }

    @Test
    void everyFingerprintWithinTheDistanceIsFoundAndNoneBeyondIt() {
        InMemoryNearDuplicateIndex index = new InMemoryNearDuplicateIndex(5000, 6);
        Random random = new Random(7);
        long[] stored = new long[5000];
        for (int i = 0; i < stored.length; i++) {
            stored[i] = random.nextLong();
            index.add("a" + i, stored[i]);
        }
        for (int i = 0; i < stored.length; i += 7) {
            long near = stored[i];
            long far = stored[i];
            Set<Integer> bits = new HashSet<>();
            while (bits.size() < 12) {
                bits.add(random.nextInt(64));
            }
            int k = 0;
            for (int bit : bits) {
                near ^= k < 6 ? 1L << bit : 0;
                far ^= 1L << bit;
                k++;
            }
            assertThat(index.findAndAdd("near" + i, near)).contains("a" + i);
            assertThat(index.findAndAdd("far" + i, far)).as("12 bits apart").isNotEqualTo(Optional.of("a" + i));
        }
    }

    @Test
    void articlesAddedFromElsewhereAreFoundAndAddingOneTwiceKeepsTheFirst() {
        InMemoryNearDuplicateIndex index = new InMemoryNearDuplicateIndex(2, 6);
        index.add("elsewhere", 0xF0F0L);
        index.add("elsewhere", 0xFFFF_FFFF_0000_0000L);
        assertThat(index.size()).isEqualTo(1);
        assertThat(index.contains("elsewhere")).isTrue();
        assertThat(index.findAndAdd("here", 0xF0F1L)).contains("elsewhere");
        assertThat(SimHash.parseHex(SimHash.hex(0xFFFF_FFFF_0000_0001L))).isEqualTo(0xFFFF_FFFF_0000_0001L);
    }

    @Test
    void japaneseHashIgnoresWhitespaceAndIsSixteenHexDigits() {
        String text = "米国と中国の軍当局がワシントンで高官級会談を開き、軍事部門のコミュニケーションを維持した。";
        assertThat(SimHash.of(text, "ja")).isEqualTo(SimHash.of(text.replace("、", "、\n"), "ja"));
        assertThat(SimHash.hex(SimHash.of(text, "ja"))).matches("[0-9a-f]{16}");
    }
}
